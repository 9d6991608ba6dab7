package org.consentgov.agreement.api;

import org.consentgov.agreement.api.DisclosureViews.DisclosureView;
import org.consentgov.agreement.api.DisclosureViews.RecordDisclosureRequest;
import org.consentgov.agreement.domain.DisclosureCommand;
import org.consentgov.agreement.domain.ShownDisclosure;
import org.consentgov.agreement.persistence.Disclosure;

/** Maps the disclosure log's API: the request to the domain's command, a disclosure to its view. */
final class DisclosureMapper {

    private DisclosureMapper() {}

    static DisclosureCommand command(RecordDisclosureRequest r) {
        return new DisclosureCommand(r.decisionId(), r.transferMethod(), r.disclosedAt());
    }

    static DisclosureView view(ShownDisclosure shown) {
        Disclosure x = shown.disclosure();
        return new DisclosureView(
                x.id,
                x.decisionId,
                x.agreementId,
                x.agreementReference,
                x.agreementVersion,
                x.recipient,
                shown.showSubject() ? x.subjectSystem + ":" + x.subjectValue : null,
                x.categories,
                x.purpose,
                x.transferMethod,
                x.disclosedAt,
                x.recordedAt,
                x.recordedBy);
    }
}
