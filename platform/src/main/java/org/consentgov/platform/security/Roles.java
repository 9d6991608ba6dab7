package org.consentgov.platform.security;

/** The realm roles of the governance realm (DESIGN §3), for @RolesAllowed in every service. */
public final class Roles {

    public static final String DPO = "dpo";
    public static final String NOTICE_EDITOR = "notice-editor";
    public static final String CASEWORKER = "caseworker";
    public static final String RESEARCHER = "researcher";
    public static final String PARTNER = "partner";
    public static final String INTEGRATION = "integration";
    public static final String AUDITOR = "auditor";

    private Roles() {}
}
