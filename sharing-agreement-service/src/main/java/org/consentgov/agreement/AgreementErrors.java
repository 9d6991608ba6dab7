package org.consentgov.agreement;

import org.consentgov.platform.problem.ErrorCode;
import org.consentgov.platform.problem.ProblemKind;

/**
 * Every problem code sharing-agreement-service raises, spelt once: the code is the constant's name in kebab case
 * ({@code VERSION_NOT_DRAFT} is {@code version-not-draft}). The README's rules table names the class raising each;
 * {@code not-found} (404) and the ETag problems (412, 428) come from the platform. In the service's root package
 * because the domain, the notice client and the web layer all raise them, and a leaf package keeps that from tying
 * them into a cycle.
 */
public enum AgreementErrors implements ErrorCode {
    // agreement state conflicts
    VERSION_NOT_DRAFT(ProblemKind.CONFLICT),
    NO_DRAFT(ProblemKind.CONFLICT),
    VERSION_NOT_PENDING_SIGNATURE(ProblemKind.CONFLICT),
    CONTENT_HASH_MISMATCH(ProblemKind.CONFLICT),
    ALREADY_SIGNED(ProblemKind.CONFLICT),
    SIGNATURES_MISSING(ProblemKind.CONFLICT),
    CANNOT_ACTIVATE(ProblemKind.CONFLICT),
    AGREEMENT_NOT_ACTIVE(ProblemKind.CONFLICT),
    AGREEMENT_ENDED(ProblemKind.CONFLICT),
    AGREEMENT_NOT_IN_FORCE(ProblemKind.CONFLICT),
    VARIATION_OPEN(ProblemKind.CONFLICT),
    AGREEMENT_CHANGED(ProblemKind.CONFLICT),
    DUPLICATE_REFERENCE(ProblemKind.CONFLICT),
    ORGANISATION_EXISTS(ProblemKind.CONFLICT),
    DECISION_ALREADY_DISCLOSED(ProblemKind.CONFLICT),
    DECISION_STALE(ProblemKind.CONFLICT),
    DECISION_NO_LONGER_PERMITS(ProblemKind.CONFLICT),

    // who may do it
    NOT_A_PARTY(ProblemKind.FORBIDDEN),
    NOT_A_SIGNATORY(ProblemKind.FORBIDDEN),
    RECIPIENT_NOT_YOUR_ORGANISATION(ProblemKind.FORBIDDEN),
    RECORD_NOT_ALLOWED(ProblemKind.FORBIDDEN),
    ORGANISATION_REQUIRED(ProblemKind.FORBIDDEN),

    // malformed input
    INVALID_SUBJECT(ProblemKind.BAD_REQUEST),

    // notice-service's events at the webhook receiver (api/NoticeEventResource, domain/LinkedNoticeChanges)
    INVALID_EVENT(ProblemKind.BAD_REQUEST),
    INVALID_SIGNATURE(ProblemKind.UNAUTHENTICATED),

    // upstream: raised by notices/NoticeDirectory
    NOTICE_SERVICE_UNAVAILABLE(ProblemKind.SERVICE_UNAVAILABLE),

    // rules broken (422): agreement content
    UNKNOWN_ORGANISATION(ProblemKind.UNPROCESSABLE),
    DUPLICATE_PARTY(ProblemKind.UNPROCESSABLE),
    NO_CONTROLLER(ProblemKind.UNPROCESSABLE),
    END_BEFORE_START(ProblemKind.UNPROCESSABLE),
    END_DATE_PASSED(ProblemKind.UNPROCESSABLE),
    DUPLICATE_CODE(ProblemKind.UNPROCESSABLE),
    DUPLICATE_NOTICE_LINK(ProblemKind.UNPROCESSABLE),
    UNKNOWN_VOCABULARY_CODE(ProblemKind.UNPROCESSABLE),
    BASIS_NOT_VALID_FOR_DATA_KIND(ProblemKind.UNPROCESSABLE),
    PERSONAL_DATA_NEEDS_ARTICLE_6(ProblemKind.UNPROCESSABLE),
    SPECIAL_CATEGORY_NEEDS_ARTICLE_9(ProblemKind.UNPROCESSABLE),
    ARTICLE_9_NEEDS_SCHEDULE_1_CONDITION(ProblemKind.UNPROCESSABLE),
    CRIMINAL_DATA_NEEDS_ARTICLE_10(ProblemKind.UNPROCESSABLE),
    TRANSFER_METHOD_BOTH_ALLOWED_AND_FORBIDDEN(ProblemKind.UNPROCESSABLE),
    INSECURE_TRANSFER_OF_SPECIAL_DATA(ProblemKind.UNPROCESSABLE),
    ACCESS_LIMIT_RECIPIENT_NOT_PARTY(ProblemKind.UNPROCESSABLE),
    CONSENT_NOTICE_MISSING(ProblemKind.UNPROCESSABLE),
    CONSENT_NOTICE_NOT_LINKED(ProblemKind.UNPROCESSABLE),
    NO_LINKED_NOTICE(ProblemKind.UNPROCESSABLE),
    LINKED_NOTICE_NOT_PUBLISHED(ProblemKind.UNPROCESSABLE),
    LINKED_NOTICE_MISSING_RECIPIENT(ProblemKind.UNPROCESSABLE),
    LINKED_NOTICE_MISSING_CATEGORY(ProblemKind.UNPROCESSABLE),

    // rules broken (422): organisations
    DUPLICATE_SIGNATORY(ProblemKind.UNPROCESSABLE),

    // rules broken (422): decisions and disclosures
    TRANSFER_METHOD_REQUIRED(ProblemKind.UNPROCESSABLE),
    TRANSFER_METHOD_NOT_ALLOWED(ProblemKind.UNPROCESSABLE),
    DISCLOSURE_IN_FUTURE(ProblemKind.UNPROCESSABLE),
    DECISION_IN_FUTURE(ProblemKind.UNPROCESSABLE),
    DISCLOSURE_BEFORE_DECISION(ProblemKind.UNPROCESSABLE),
    DECISION_NOT_PERMIT(ProblemKind.UNPROCESSABLE),
    IDENTIFIER_NOT_APPLICABLE(ProblemKind.UNPROCESSABLE);

    private final ProblemKind kind;

    AgreementErrors(ProblemKind kind) {
        this.kind = kind;
    }

    @Override
    public ProblemKind kind() {
        return kind;
    }
}
