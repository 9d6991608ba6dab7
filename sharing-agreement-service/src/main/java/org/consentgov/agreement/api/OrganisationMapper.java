package org.consentgov.agreement.api;

import org.consentgov.agreement.api.OrganisationViews.OrganisationView;
import org.consentgov.agreement.domain.RegisteredOrganisation;
import org.consentgov.agreement.persistence.Organisation;

/** Builds the organisations API's views from what the domain returns. */
final class OrganisationMapper {

    private OrganisationMapper() {}

    static OrganisationView view(RegisteredOrganisation r) {
        Organisation o = r.organisation();
        return new OrganisationView(
                o.slug,
                o.name,
                o.type,
                r.typeLabel(),
                o.icoRegistrationNumber,
                o.schoolUrn,
                o.odsCode,
                r.signatories(),
                o.createdAt,
                o.createdBy,
                o.updatedAt,
                o.updatedBy,
                o.rowVersion);
    }
}
