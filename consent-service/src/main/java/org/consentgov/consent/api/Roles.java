package org.consentgov.consent.api;

/** Realm roles (DESIGN §3). */
public final class Roles {

    public static final String DPO = "dpo";
    public static final String NOTICE_EDITOR = "notice-editor";
    public static final String CASEWORKER = "caseworker";
    public static final String RESEARCHER = "researcher";
    public static final String PARTNER = "partner";
    public static final String INTEGRATION = "integration";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
