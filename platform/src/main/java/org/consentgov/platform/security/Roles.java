package org.consentgov.platform.security;

import java.util.Set;

/** The realm roles of the governance realm (DESIGN §3), for @RolesAllowed in every service. */
public final class Roles {

    public static final String DPO = "dpo";
    public static final String NOTICE_EDITOR = "notice-editor";
    public static final String CASEWORKER = "caseworker";
    public static final String RESEARCHER = "researcher";
    public static final String PARTNER = "partner";
    public static final String INTEGRATION = "integration";
    public static final String AUDITOR = "auditor";

    /** Every realm role, for checks that must name them all (a token's roles outside it are ignored). */
    public static final Set<String> ALL =
            Set.of(DPO, NOTICE_EDITOR, CASEWORKER, RESEARCHER, PARTNER, INTEGRATION, AUDITOR);

    /**
     * The permission a caller holding any realm role has, for reads open to every user of the suite: an endpoint
     * says {@code @PermissionsAllowed(Roles.ANY_REALM_ROLE)} instead of listing the seven roles, and the service
     * grants it with an {@link AnyRealmRoleCheck}.
     */
    public static final String ANY_REALM_ROLE = "any-realm-role";

    /** Whether a role name is one of the realm's, spelt exactly. */
    public static boolean isRealmRole(String role) {
        return role != null && ALL.contains(role);
    }

    private Roles() {}
}
