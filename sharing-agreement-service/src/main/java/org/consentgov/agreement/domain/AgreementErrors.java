package org.consentgov.agreement.domain;

import org.consentgov.platform.problem.ErrorCode;
import org.consentgov.platform.problem.ProblemKind;
import org.consentgov.platform.problem.RuleViolation;

/**
 * Every problem code sharing-agreement-service raises, spelt once. The README's rules table names the class
 * raising each; {@code not-found} (404) and the ETag problems (412, 428) come from the platform.
 */
public enum AgreementErrors implements ErrorCode {
    // agreement state conflicts
    VERSION_NOT_DRAFT("version-not-draft", ProblemKind.CONFLICT),
    NO_DRAFT("no-draft", ProblemKind.CONFLICT),
    VERSION_NOT_PENDING_SIGNATURE("version-not-pending-signature", ProblemKind.CONFLICT),
    CONTENT_HASH_MISMATCH("content-hash-mismatch", ProblemKind.CONFLICT),
    ALREADY_SIGNED("already-signed", ProblemKind.CONFLICT),
    SIGNATURES_MISSING("signatures-missing", ProblemKind.CONFLICT),
    CANNOT_ACTIVATE("cannot-activate", ProblemKind.CONFLICT),
    AGREEMENT_NOT_ACTIVE("agreement-not-active", ProblemKind.CONFLICT),
    AGREEMENT_ENDED("agreement-ended", ProblemKind.CONFLICT),
    AGREEMENT_NOT_IN_FORCE("agreement-not-in-force", ProblemKind.CONFLICT),
    VARIATION_OPEN("variation-open", ProblemKind.CONFLICT),
    AGREEMENT_CHANGED("agreement-changed", ProblemKind.CONFLICT),
    DUPLICATE_REFERENCE("duplicate-reference", ProblemKind.CONFLICT),
    ORGANISATION_EXISTS("organisation-exists", ProblemKind.CONFLICT),
    DECISION_ALREADY_DISCLOSED("decision-already-disclosed", ProblemKind.CONFLICT),

    // who may do it
    NOT_A_PARTY("not-a-party", ProblemKind.FORBIDDEN),
    NOT_A_SIGNATORY("not-a-signatory", ProblemKind.FORBIDDEN),
    RECIPIENT_NOT_YOUR_ORGANISATION("recipient-not-your-organisation", ProblemKind.FORBIDDEN),
    RECORD_NOT_ALLOWED("record-not-allowed", ProblemKind.FORBIDDEN),
    ORGANISATION_REQUIRED("organisation-required", ProblemKind.FORBIDDEN),

    // malformed input
    INVALID_SUBJECT("invalid-subject", ProblemKind.BAD_REQUEST),

    // upstream: raised by notices/NoticeDirectory, which spells it itself because the domain depends on notices
    NOTICE_SERVICE_UNAVAILABLE("notice-service-unavailable", ProblemKind.SERVICE_UNAVAILABLE),

    // rules broken (422): agreement content
    UNKNOWN_ORGANISATION("unknown-organisation", ProblemKind.UNPROCESSABLE),
    DUPLICATE_PARTY("duplicate-party", ProblemKind.UNPROCESSABLE),
    NO_CONTROLLER("no-controller", ProblemKind.UNPROCESSABLE),
    END_BEFORE_START("end-before-start", ProblemKind.UNPROCESSABLE),
    END_DATE_PASSED("end-date-passed", ProblemKind.UNPROCESSABLE),
    DUPLICATE_CODE("duplicate-code", ProblemKind.UNPROCESSABLE),
    DUPLICATE_NOTICE_LINK("duplicate-notice-link", ProblemKind.UNPROCESSABLE),
    UNKNOWN_VOCABULARY_CODE("unknown-vocabulary-code", ProblemKind.UNPROCESSABLE),
    BASIS_NOT_VALID_FOR_DATA_KIND("basis-not-valid-for-data-kind", ProblemKind.UNPROCESSABLE),
    PERSONAL_DATA_NEEDS_ARTICLE_6("personal-data-needs-article-6", ProblemKind.UNPROCESSABLE),
    SPECIAL_CATEGORY_NEEDS_ARTICLE_9("special-category-needs-article-9", ProblemKind.UNPROCESSABLE),
    ARTICLE_9_NEEDS_SCHEDULE_1_CONDITION("article-9-needs-schedule-1-condition", ProblemKind.UNPROCESSABLE),
    CRIMINAL_DATA_NEEDS_ARTICLE_10("criminal-data-needs-article-10", ProblemKind.UNPROCESSABLE),
    TRANSFER_METHOD_BOTH_ALLOWED_AND_FORBIDDEN("transfer-method-both-allowed-and-forbidden", ProblemKind.UNPROCESSABLE),
    INSECURE_TRANSFER_OF_SPECIAL_DATA("insecure-transfer-of-special-data", ProblemKind.UNPROCESSABLE),
    ACCESS_LIMIT_RECIPIENT_NOT_PARTY("access-limit-recipient-not-party", ProblemKind.UNPROCESSABLE),
    CONSENT_NOTICE_MISSING("consent-notice-missing", ProblemKind.UNPROCESSABLE),
    CONSENT_NOTICE_NOT_LINKED("consent-notice-not-linked", ProblemKind.UNPROCESSABLE),
    NO_LINKED_NOTICE("no-linked-notice", ProblemKind.UNPROCESSABLE),
    LINKED_NOTICE_NOT_PUBLISHED("linked-notice-not-published", ProblemKind.UNPROCESSABLE),
    LINKED_NOTICE_MISSING_RECIPIENT("linked-notice-missing-recipient", ProblemKind.UNPROCESSABLE),
    LINKED_NOTICE_MISSING_CATEGORY("linked-notice-missing-category", ProblemKind.UNPROCESSABLE),

    // rules broken (422): organisations
    DUPLICATE_SIGNATORY("duplicate-signatory", ProblemKind.UNPROCESSABLE),

    // rules broken (422): decisions and disclosures
    TRANSFER_METHOD_REQUIRED("transfer-method-required", ProblemKind.UNPROCESSABLE),
    TRANSFER_METHOD_NOT_ALLOWED("transfer-method-not-allowed", ProblemKind.UNPROCESSABLE),
    DISCLOSURE_IN_FUTURE("disclosure-in-future", ProblemKind.UNPROCESSABLE),
    DECISION_NOT_PERMIT("decision-not-permit", ProblemKind.UNPROCESSABLE),
    IDENTIFIER_NOT_APPLICABLE("identifier-not-applicable", ProblemKind.UNPROCESSABLE);

    private final String code;
    private final ProblemKind kind;

    AgreementErrors(String code, ProblemKind kind) {
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

    /** One broken rule with this code, for the rule classes that list every violation before failing. */
    public RuleViolation violation(String field, String message) {
        return new RuleViolation(code, field, message);
    }
}
