package org.consentgov.consent;

import org.consentgov.platform.problem.ErrorCode;
import org.consentgov.platform.problem.ProblemKind;

/**
 * Every problem code consent-service raises, spelt once; the README's rules table names the class raising each.
 * In the service's root package because every layer raises them (domain, web, notice client, receipts) and a
 * leaf package keeps that from tying the layers into a cycle.
 */
public enum ConsentErrors implements ErrorCode {
    // the request's shape and parameters
    SUBJECT_REQUIRED("subject-required", ProblemKind.BAD_REQUEST),
    INVALID_IDENTIFIER("invalid-identifier", ProblemKind.BAD_REQUEST),
    INVALID_PARAMETER("invalid-parameter", ProblemKind.BAD_REQUEST),
    INVALID_EVENT("invalid-event", ProblemKind.BAD_REQUEST),
    INVALID_SIGNATURE("invalid-signature", ProblemKind.UNAUTHENTICATED),
    NOT_FOUND("not-found", ProblemKind.NOT_FOUND),

    // recording: the notice, the parties, the dates, the subject
    NOTICE_VERSION_NOT_PUBLISHED("notice-version-not-published", ProblemKind.UNPROCESSABLE),
    NOTICE_SERVICE_UNAVAILABLE("notice-service-unavailable", ProblemKind.SERVICE_UNAVAILABLE),
    NOTICE_HASH_MISMATCH("notice-hash-mismatch", ProblemKind.UNPROCESSABLE),
    NOTICE_ASKS_NO_CONSENT("notice-asks-no-consent", ProblemKind.UNPROCESSABLE),
    PURPOSE_NOT_IN_NOTICE("purpose-not-in-notice", ProblemKind.UNPROCESSABLE),
    CATEGORY_NOT_IN_NOTICE("category-not-in-notice", ProblemKind.UNPROCESSABLE),
    INVALID_PARTY("invalid-party", ProblemKind.UNPROCESSABLE),
    UNKNOWN_PARTY_ROLE("unknown-party-role", ProblemKind.UNPROCESSABLE),
    DUPLICATE_CHILD("duplicate-child", ProblemKind.UNPROCESSABLE),
    CAPACITY_ONLY_FOR_CHILD("capacity-only-for-child", ProblemKind.UNPROCESSABLE),
    ASSESSMENT_DATE_REQUIRED("assessment-date-required", ProblemKind.UNPROCESSABLE),
    DATE_IN_FUTURE("date-in-future", ProblemKind.UNPROCESSABLE),
    RECEIVED_BEFORE_ISSUED("received-before-issued", ProblemKind.UNPROCESSABLE),
    RECEIVED_BEFORE_BIRTH("received-before-birth", ProblemKind.UNPROCESSABLE),
    UNKNOWN_SUBJECT("unknown-subject", ProblemKind.UNPROCESSABLE),
    IDENTIFIERS_NAME_DIFFERENT_SUBJECTS("identifiers-name-different-subjects", ProblemKind.UNPROCESSABLE),
    DATE_OF_BIRTH_MISMATCH("date-of-birth-mismatch", ProblemKind.UNPROCESSABLE),
    SUBJECT_EXISTS("subject-exists", ProblemKind.CONFLICT),

    // a record's state
    RECORD_NOT_ACTIVE("record-not-active", ProblemKind.CONFLICT),
    WITHDRAWAL_WINDOW_CLOSED("withdrawal-window-closed", ProblemKind.CONFLICT),
    ALREADY_RESOLVED("already-resolved", ProblemKind.CONFLICT),

    // receipts
    RECEIPT_MALFORMED("receipt-malformed", ProblemKind.BAD_REQUEST),
    RECEIPT_KEY_UNKNOWN("receipt-key-unknown", ProblemKind.UNPROCESSABLE),
    RECEIPT_SIGNATURE_INVALID("receipt-signature-invalid", ProblemKind.UNPROCESSABLE),

    // bulk import and export (api/ConsentImport*, api/ConsentBulkResource, domain/ConsentBulkWriter); the
    // first is the platform's IdempotentExecutor code, given by the bulk writer for a line it replays
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", ProblemKind.UNPROCESSABLE),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key", ProblemKind.BAD_REQUEST),
    UNKNOWN_FORMAT("unknown-format", ProblemKind.BAD_REQUEST);

    private final String code;
    private final ProblemKind kind;

    ConsentErrors(String code, ProblemKind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public ProblemKind kind() {
        return kind;
    }
}
