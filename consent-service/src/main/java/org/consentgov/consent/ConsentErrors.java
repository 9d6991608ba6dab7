package org.consentgov.consent;

import org.consentgov.platform.problem.ErrorCode;
import org.consentgov.platform.problem.ProblemKind;

/**
 * Every problem code consent-service raises, spelt once: the code is the constant's name ({@link ErrorCode#code}),
 * so each constant declares only its kind; the README's rules table names the class raising each. In the
 * service's root package because every layer raises them (domain, web, notice client, receipts) and a
 * leaf package keeps that from tying the layers into a cycle.
 */
public enum ConsentErrors implements ErrorCode {
    // the request's shape and parameters
    SUBJECT_REQUIRED(ProblemKind.BAD_REQUEST),
    INVALID_IDENTIFIER(ProblemKind.BAD_REQUEST),
    INVALID_PARAMETER(ProblemKind.BAD_REQUEST),
    INVALID_EVENT(ProblemKind.BAD_REQUEST),
    INVALID_SIGNATURE(ProblemKind.UNAUTHENTICATED),
    NOT_FOUND(ProblemKind.NOT_FOUND),

    // recording: the notice, the parties, the dates, the subject
    NOTICE_VERSION_NOT_PUBLISHED(ProblemKind.UNPROCESSABLE),
    NOTICE_SERVICE_UNAVAILABLE(ProblemKind.SERVICE_UNAVAILABLE),
    NOTICE_HASH_MISMATCH(ProblemKind.UNPROCESSABLE),
    NOTICE_ASKS_NO_CONSENT(ProblemKind.UNPROCESSABLE),
    NOTICE_VERSION_NOT_IN_FORCE(ProblemKind.UNPROCESSABLE),
    PURPOSE_NOT_IN_NOTICE(ProblemKind.UNPROCESSABLE),
    CATEGORY_NOT_IN_NOTICE(ProblemKind.UNPROCESSABLE),
    INVALID_PARTY(ProblemKind.UNPROCESSABLE),
    UNKNOWN_PARTY_ROLE(ProblemKind.UNPROCESSABLE),
    DUPLICATE_CHILD(ProblemKind.UNPROCESSABLE),
    CAPACITY_ONLY_FOR_CHILD(ProblemKind.UNPROCESSABLE),
    ASSESSMENT_DATE_REQUIRED(ProblemKind.UNPROCESSABLE),
    DATE_IN_FUTURE(ProblemKind.UNPROCESSABLE),
    RECEIVED_BEFORE_ISSUED(ProblemKind.UNPROCESSABLE),
    GIVEN_AFTER_RECEIVED(ProblemKind.UNPROCESSABLE),
    GIVEN_BEFORE_ISSUED(ProblemKind.UNPROCESSABLE),
    FORM_ISSUED_ON_REQUIRED(ProblemKind.UNPROCESSABLE),
    RECEIVED_BEFORE_BIRTH(ProblemKind.UNPROCESSABLE),
    UNKNOWN_SUBJECT(ProblemKind.UNPROCESSABLE),
    IDENTIFIERS_NAME_DIFFERENT_SUBJECTS(ProblemKind.UNPROCESSABLE),
    DATE_OF_BIRTH_MISMATCH(ProblemKind.UNPROCESSABLE),
    SUBJECT_EXISTS(ProblemKind.CONFLICT),

    // a record's state
    RECORD_NOT_ACTIVE(ProblemKind.CONFLICT),
    WITHDRAWAL_WINDOW_CLOSED(ProblemKind.CONFLICT),
    REQUESTED_BEFORE_FORM(ProblemKind.UNPROCESSABLE),
    REASON_REQUIRED(ProblemKind.UNPROCESSABLE),
    ALREADY_RESOLVED(ProblemKind.CONFLICT),

    // receipts
    RECEIPT_MALFORMED(ProblemKind.BAD_REQUEST),
    RECEIPT_KEY_UNKNOWN(ProblemKind.UNPROCESSABLE),
    RECEIPT_SIGNATURE_INVALID(ProblemKind.UNPROCESSABLE),

    // bulk import and export (api/ConsentImportResource, api/ImportProblems, api/ConsentBulkResource,
    // domain/ConsentImports, domain/ConsentBulkWriter); the
    // first is the platform's IdempotentExecutor code, given by the bulk writer for a line it replays
    IDEMPOTENCY_KEY_REUSED(ProblemKind.UNPROCESSABLE),
    INVALID_IDEMPOTENCY_KEY(ProblemKind.BAD_REQUEST),
    UNKNOWN_FORMAT(ProblemKind.BAD_REQUEST),
    // a refused import line with no request in it: the code the platform gives a body that fails validation
    VALIDATION_FAILED(ProblemKind.BAD_REQUEST),
    CONTENT_TOO_LARGE(ProblemKind.CONTENT_TOO_LARGE),
    LINE_TOO_LONG(ProblemKind.CONTENT_TOO_LARGE);

    private final ProblemKind kind;

    ConsentErrors(ProblemKind kind) {
        this.kind = kind;
    }

    @Override
    public ProblemKind kind() {
        return kind;
    }
}
