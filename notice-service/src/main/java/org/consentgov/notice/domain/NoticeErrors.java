package org.consentgov.notice.domain;

import org.consentgov.platform.problem.ErrorCode;
import org.consentgov.platform.problem.ProblemKind;

/**
 * Every problem code notice-service raises itself; the README's rules table names the class raising each.
 * Codes of the platform (not-found, stale or missing If-Match, idempotency, validation) are not repeated.
 */
public enum NoticeErrors implements ErrorCode {
    SLUG_RESERVED("slug-reserved", ProblemKind.BAD_REQUEST),
    SLUG_TAKEN("slug-taken", ProblemKind.CONFLICT),
    DRAFT_EXISTS("draft-exists", ProblemKind.CONFLICT),
    VERSION_NOT_DRAFT("version-not-draft", ProblemKind.CONFLICT),
    VERSION_NOT_PUBLISHED("version-not-published", ProblemKind.CONFLICT),
    NOT_A_DRAFT("not-a-draft", ProblemKind.CONFLICT),
    NO_PUBLISHED_VERSION("no-published-version", ProblemKind.NOT_FOUND),
    EFFECTIVE_FROM_IN_FUTURE("effective-from-in-future", ProblemKind.UNPROCESSABLE),
    // The rules of NoticeRules: the 422 of a save or a publication is named after the first one broken.
    DEFAULT_LOCALE_MISSING("default-locale-missing", ProblemKind.UNPROCESSABLE),
    UNKNOWN_VOCABULARY_CODE("unknown-vocabulary-code", ProblemKind.UNPROCESSABLE),
    DUPLICATE_CODE("duplicate-code", ProblemKind.UNPROCESSABLE),
    BASIS_NOT_VALID_FOR_DATA_KIND("basis-not-valid-for-data-kind", ProblemKind.UNPROCESSABLE),
    PERSONAL_DATA_NEEDS_ARTICLE_6("personal-data-needs-article-6", ProblemKind.UNPROCESSABLE),
    SPECIAL_CATEGORY_NEEDS_ARTICLE_9("special-category-needs-article-9", ProblemKind.UNPROCESSABLE),
    CRIMINAL_DATA_NEEDS_ARTICLE_10("criminal-data-needs-article-10", ProblemKind.UNPROCESSABLE),
    CONSENT_BASIS_FORBIDS_WITHDRAWAL_WINDOW("consent-basis-forbids-withdrawal-window", ProblemKind.UNPROCESSABLE),
    WITHDRAWAL_WINDOW_NEEDS_START("withdrawal-window-needs-start", ProblemKind.UNPROCESSABLE),
    PARENTAL_AGE_MISSING("parental-age-missing", ProblemKind.UNPROCESSABLE),
    TRANSFER_METHOD_BOTH_ALLOWED_AND_FORBIDDEN("transfer-method-both-allowed-and-forbidden", ProblemKind.UNPROCESSABLE),
    INSECURE_TRANSFER_OF_SPECIAL_DATA("insecure-transfer-of-special-data", ProblemKind.UNPROCESSABLE);

    private final String code;
    private final ProblemKind kind;

    NoticeErrors(String code, ProblemKind kind) {
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
