package org.consentgov.agreement.persistence;

import java.util.Objects;

/**
 * What a caller may see of agreements and disclosures: everything, or only what concerns one organisation
 * (partners and researchers, DESIGN §3). A partner without an organisation sees nothing.
 */
public record Scope(boolean all, String organisation) {

    private static final Scope ALL = new Scope(true, null);

    public static Scope everything() {
        return ALL;
    }

    public static Scope of(String organisation) {
        // an empty organisation matches no party: a partner token without an org claim sees nothing
        return new Scope(false, organisation == null ? "" : organisation);
    }

    public boolean allows(String organisationSlug) {
        return all || Objects.equals(organisation, organisationSlug);
    }
}
