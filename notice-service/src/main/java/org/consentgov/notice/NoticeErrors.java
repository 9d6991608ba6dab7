package org.consentgov.notice;

import org.consentgov.platform.problem.ErrorCode;
import org.consentgov.platform.problem.ProblemKind;

/**
 * Every problem code notice-service raises itself, the constant's name in kebab case ({@code SLUG_TAKEN} is
 * {@code slug-taken}); the README's rules table names the class raising each. Codes of the platform (not-found,
 * stale or missing If-Match, idempotency, validation) are not repeated. In the service's root package so that any
 * package may raise a code without a package cycle.
 */
public enum NoticeErrors implements ErrorCode {
    SLUG_RESERVED(ProblemKind.BAD_REQUEST),
    INVALID_PARAMETER(ProblemKind.BAD_REQUEST),
    SLUG_TAKEN(ProblemKind.CONFLICT),
    DRAFT_EXISTS(ProblemKind.CONFLICT),
    VERSION_NOT_DRAFT(ProblemKind.CONFLICT),
    VERSION_NOT_PUBLISHED(ProblemKind.CONFLICT),
    NOT_A_DRAFT(ProblemKind.CONFLICT),
    NO_PUBLISHED_VERSION(ProblemKind.NOT_FOUND),
    NO_VERSION_IN_FORCE(ProblemKind.NOT_FOUND),
    EFFECTIVE_FROM_IN_FUTURE(ProblemKind.UNPROCESSABLE),
    EFFECTIVE_FROM_BEFORE_PREVIOUS(ProblemKind.UNPROCESSABLE),
    // The rules of NoticeRules: the 422 of a save or a publication is named after the first one broken.
    DEFAULT_LOCALE_MISSING(ProblemKind.UNPROCESSABLE),
    UNKNOWN_VOCABULARY_CODE(ProblemKind.UNPROCESSABLE),
    DUPLICATE_CODE(ProblemKind.UNPROCESSABLE),
    BASIS_NOT_VALID_FOR_DATA_KIND(ProblemKind.UNPROCESSABLE),
    PERSONAL_DATA_NEEDS_ARTICLE_6(ProblemKind.UNPROCESSABLE),
    SPECIAL_CATEGORY_NEEDS_ARTICLE_9(ProblemKind.UNPROCESSABLE),
    CRIMINAL_DATA_NEEDS_ARTICLE_10(ProblemKind.UNPROCESSABLE),
    CONSENT_BASIS_FORBIDS_WITHDRAWAL_WINDOW(ProblemKind.UNPROCESSABLE),
    WITHDRAWAL_WINDOW_NEEDS_START(ProblemKind.UNPROCESSABLE),
    PARENTAL_AGE_MISSING(ProblemKind.UNPROCESSABLE),
    TRANSFER_METHOD_BOTH_ALLOWED_AND_FORBIDDEN(ProblemKind.UNPROCESSABLE),
    INSECURE_TRANSFER_OF_SPECIAL_DATA(ProblemKind.UNPROCESSABLE),
    CONSENT_DURATION_INVALID(ProblemKind.UNPROCESSABLE),
    CONSENT_DURATION_AND_AGREEMENT_END(ProblemKind.UNPROCESSABLE);

    private final ProblemKind kind;

    NoticeErrors(ProblemKind kind) {
        this.kind = kind;
    }

    @Override
    public ProblemKind kind() {
        return kind;
    }
}
