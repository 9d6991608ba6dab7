package org.consentgov.consent.domain;

import org.consentgov.consent.persistence.ConsentRecordRepository;

/**
 * The operations of consent-service's access log: the {@code action} of each {@code subject_access_log} row, as
 * {@code GET /api/subjects/{id}/access-log} shows them. Short and stable: a DPO's saved searches and the README's
 * table rely on them. Every operation that returns a subject's identifiers or personal data writes one row per
 * subject returned, in the transaction of the read.
 */
public final class ConsentAccess {

    public static final String CREATE_SUBJECT = "create-subject";
    public static final String FIND_SUBJECT = "find-subject";
    public static final String READ_SUBJECT = "read-subject";
    public static final String RECORD_CONSENT = "record-consent";
    public static final String LIST_CONSENTS = "list-consents";
    public static final String READ_CONSENT = "read-consent";
    public static final String READ_CONSENT_FHIR = "read-consent-fhir";
    public static final String READ_RECEIPT = "read-receipt";
    public static final String READ_HISTORY = "read-history";
    public static final String ADD_PARTY = "add-party";
    public static final String WITHDRAW_CONSENT = "withdraw-consent";
    public static final String INVALIDATE_CONSENT = "invalidate-consent";
    public static final String CHECK = "check";
    public static final String EXPORT_CONSENTS = "export-consents";
    public static final String LIST_WITHDRAWAL_REQUESTS = "list-withdrawal-requests";
    public static final String READ_WITHDRAWAL_REQUEST = "read-withdrawal-request";
    public static final String RESOLVE_WITHDRAWAL_REQUEST = "resolve-withdrawal-request";
    public static final String READ_CHANGES = "read-changes";
    public static final String READ_ACCESS_LOG = "read-access-log";

    private ConsentAccess() {}

    /** A listing's or export's filter, as the detail of its rows: what was asked, never another subject. */
    public static String describe(ConsentRecordRepository.Filter f) {
        StringBuilder out = new StringBuilder("filter:");
        if (f.subjectId() != null) {
            out.append(" subject");
        }
        if (f.notice() != null) {
            out.append(" notice=").append(f.notice());
        }
        if (f.state() != null) {
            out.append(" state=").append(f.state());
        }
        if (f.recordedFrom() != null) {
            out.append(" recordedFrom=").append(f.recordedFrom());
        }
        if (f.recordedTo() != null) {
            out.append(" recordedTo=").append(f.recordedTo());
        }
        return out.toString();
    }
}
