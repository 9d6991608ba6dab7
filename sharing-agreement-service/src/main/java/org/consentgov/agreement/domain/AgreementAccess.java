package org.consentgov.agreement.domain;

import org.consentgov.agreement.persistence.DisclosureFilter;

/**
 * The operations of sharing-agreement-service's access log: the {@code action} of each {@code subject_access_log}
 * row, as {@code GET /api/disclosures/access-log} shows them. Short and stable: the README lists them. Every
 * operation that returns a subject's identifier writes one row per subject returned, in the transaction of the
 * read; an auditor, who is shown no identifiers, reads no subject and leaves no row.
 */
public final class AgreementAccess {

    public static final String DECIDE = "decide";
    public static final String READ_DECISION = "read-decision";
    public static final String REPLAY_DECISION = "replay-decision";
    public static final String RECORD_DISCLOSURE = "record-disclosure";
    public static final String LIST_DISCLOSURES = "list-disclosures";
    public static final String READ_DISCLOSURE = "read-disclosure";
    public static final String EXPORT_DISCLOSURES = "export-disclosures";
    public static final String READ_ACCESS_LOG = "read-access-log";

    private AgreementAccess() {}

    /** A listing's or export's filter, as the detail of its rows: what was asked, never another subject. */
    static String describe(DisclosureFilter f) {
        StringBuilder out = new StringBuilder("filter:");
        if (f.subjectValue() != null) {
            out.append(" subject");
        }
        if (f.agreementId() != null) {
            out.append(" agreement=").append(f.agreementId());
        }
        if (f.recipient() != null) {
            out.append(" recipient=").append(f.recipient());
        }
        if (f.from() != null) {
            out.append(" from=").append(f.from());
        }
        if (f.to() != null) {
            out.append(" to=").append(f.to());
        }
        return out.length() > 500 ? out.substring(0, 500) : out.toString();
    }
}
