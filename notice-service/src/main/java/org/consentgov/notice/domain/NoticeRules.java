package org.consentgov.notice.domain;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.consentgov.notice.NoticeErrors;
import org.consentgov.notice.domain.NoticeContent.DataKind;
import org.consentgov.platform.problem.RuleViolation;
import org.consentgov.platform.vocabulary.CategoryKind;
import org.consentgov.platform.vocabulary.LawfulBasisKind;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.consentgov.platform.vocabulary.VocabularyDocument;

/**
 * The rules a notice must meet (DESIGN §4), as a pure function of its content and the vocabulary.
 * {@link #vocabulary} runs on every save; {@link #forPublication} adds the legal rules, which a draft may
 * still break while it is being written.
 */
public final class NoticeRules {

    private final Vocabulary vocabulary;

    public NoticeRules(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Every code refers to the vocabulary, and the default locale has text. */
    public List<RuleViolation> vocabulary(NoticeContent content) {
        List<RuleViolation> out = new ArrayList<>();
        if (!content.locales().containsKey(content.defaultLocale())) {
            out.add(new RuleViolation(
                    NoticeErrors.DEFAULT_LOCALE_MISSING.code(),
                    "locales",
                    "the default locale '" + content.defaultLocale() + "' has no text"));
        }
        codes(
                out,
                content.dataCategories(),
                Function.identity(),
                "dataCategories",
                "data category",
                vocabulary::dataCategory);
        codes(out, content.purposes(), NoticeContent.Purpose::code, "purposes", "purpose", vocabulary::purpose);
        codes(
                out,
                content.lawfulBases(),
                NoticeContent.LawfulBasisUse::basis,
                "lawfulBases",
                "lawful basis",
                vocabulary::lawfulBasis,
                ".basis");
        codes(
                out,
                content.recipients(),
                NoticeContent.Recipient::organisationType,
                "recipients",
                "organisation type",
                vocabulary::organisationType,
                ".organisationType");
        codes(out, content.rights(), Function.identity(), "rights", "right", vocabulary::right);
        codes(
                out,
                content.securityMeasures(),
                NoticeContent.SecurityMeasure::code,
                "securityMeasures",
                "security measure",
                vocabulary::securityMeasure,
                ".code");
        codes(
                out,
                content.legalFramework(),
                NoticeContent.LegalReference::code,
                "legalFramework",
                "legal instrument",
                vocabulary::legalInstrument,
                ".code");
        if (content.consent() != null) {
            codes(
                    out,
                    content.consent().requiredParties(),
                    Function.identity(),
                    "consent.requiredParties",
                    "party role",
                    vocabulary::partyRole);
        }
        if (content.transferMethods() != null) {
            codes(
                    out,
                    content.transferMethods().allowed(),
                    Function.identity(),
                    "transferMethods.allowed",
                    "transfer method",
                    vocabulary::transferMethod);
            codes(
                    out,
                    content.transferMethods().forbidden(),
                    Function.identity(),
                    "transferMethods.forbidden",
                    "transfer method",
                    vocabulary::transferMethod);
        }
        duplicates(out, content.dataCategories(), "dataCategories");
        if (content.consent() != null) {
            consentEnd(out, content.consent());
        }
        return out;
    }

    /** How long consent lasts: a positive ISO-8601 period, or until the agreement's access ends, not both. */
    private static void consentEnd(List<RuleViolation> out, NoticeContent.ConsentTerms terms) {
        if (terms.consentDuration() != null) {
            Optional<Period> period = period(terms.consentDuration());
            if (period.isEmpty()) {
                out.add(
                        new RuleViolation(
                                NoticeErrors.CONSENT_DURATION_INVALID.code(),
                                "consent.consentDuration",
                                "'" + terms.consentDuration()
                                        + "' is not a positive ISO-8601 period of years, months, weeks or days, e.g. P1Y or P6M"));
            }
        }
        if (terms.consentDuration() != null && Boolean.TRUE.equals(terms.consentEndsWithAgreementAccess())) {
            out.add(new RuleViolation(
                    NoticeErrors.CONSENT_DURATION_AND_AGREEMENT_END.code(),
                    "consent.consentEndsWithAgreementAccess",
                    "consent lasts either for consentDuration or until the agreement's access ends, not both"));
        }
    }

    /** The period, when it is a valid ISO-8601 date period longer than zero. */
    public static Optional<Period> period(String text) {
        try {
            Period p = Period.parse(text);
            return p.isNegative() || p.isZero() ? Optional.empty() : Optional.of(p);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The vocabulary rules plus the legal rules that must hold before families are shown the notice. */
    public List<RuleViolation> forPublication(NoticeContent content) {
        List<RuleViolation> out = vocabulary(content);
        if (!out.isEmpty()) {
            return out;
        }
        Set<CategoryKind> kinds = EnumSet.noneOf(CategoryKind.class);
        for (String code : content.dataCategories()) {
            VocabularyDocument.DataCategory category =
                    vocabulary.dataCategory(code).orElseThrow();
            if (category.special()) {
                kinds.add(CategoryKind.SPECIAL);
            }
            if (category.criminal()) {
                kinds.add(CategoryKind.CRIMINAL);
            }
            if (!category.special() && !category.criminal()) {
                kinds.add(CategoryKind.PERSONAL);
            }
        }

        boolean article6 = false;
        boolean article9 = false;
        boolean article10 = false;
        boolean consentBasis = false;
        for (int i = 0; i < content.lawfulBases().size(); i++) {
            NoticeContent.LawfulBasisUse use = content.lawfulBases().get(i);
            VocabularyDocument.LawfulBasis basis =
                    vocabulary.lawfulBasis(use.basis()).orElseThrow();
            CategoryKind appliesTo = CategoryKind.valueOf(use.appliesTo().name());
            if (basis.conditionFor() == null || !basis.conditionFor().contains(appliesTo)) {
                out.add(new RuleViolation(
                        NoticeErrors.BASIS_NOT_VALID_FOR_DATA_KIND.code(),
                        "lawfulBases[" + i + "].basis",
                        basis.reference() + " is not a condition for "
                                + use.appliesTo().name().toLowerCase() + " data"));
                continue;
            }
            article6 |= use.appliesTo() == DataKind.PERSONAL && basis.kind() == LawfulBasisKind.ARTICLE_6;
            article9 |= use.appliesTo() == DataKind.SPECIAL && basis.kind() == LawfulBasisKind.ARTICLE_9;
            article10 |= use.appliesTo() == DataKind.CRIMINAL
                    && (basis.kind() == LawfulBasisKind.ARTICLE_10 || basis.kind() == LawfulBasisKind.SCHEDULE_1);
            consentBasis |= basis.consent();
        }
        if (!article6) {
            out.add(new RuleViolation(
                    NoticeErrors.PERSONAL_DATA_NEEDS_ARTICLE_6.code(),
                    "lawfulBases",
                    "processing personal data needs a UK GDPR Art 6(1) lawful basis"));
        }
        if (kinds.contains(CategoryKind.SPECIAL) && !article9) {
            out.add(new RuleViolation(
                    NoticeErrors.SPECIAL_CATEGORY_NEEDS_ARTICLE_9.code(),
                    "lawfulBases",
                    "special category data is listed, so an Art 9(2) condition is required (UK GDPR Art 9)"));
        }
        if (kinds.contains(CategoryKind.CRIMINAL) && !article10) {
            out.add(new RuleViolation(
                    NoticeErrors.CRIMINAL_DATA_NEEDS_ARTICLE_10.code(),
                    "lawfulBases",
                    "criminal offence data is listed, so an Art 10 / DPA 2018 Schedule 1 condition is required"));
        }
        if (consentBasis && content.consent() != null && content.consent().withdrawalWindowDays() != null) {
            out.add(
                    new RuleViolation(
                            NoticeErrors.CONSENT_BASIS_FORBIDS_WITHDRAWAL_WINDOW.code(),
                            "consent.withdrawalWindowDays",
                            "consent is a lawful basis here, so it can be withdrawn at any time (UK GDPR Art 7(3)); remove the window"));
        }
        if (content.consent() != null
                && content.consent().withdrawalWindowDays() != null
                && content.consent().withdrawalWindowStartsOn() == null) {
            out.add(new RuleViolation(
                    NoticeErrors.WITHDRAWAL_WINDOW_NEEDS_START.code(),
                    "consent.withdrawalWindowStartsOn",
                    "a withdrawal window must say what it counts from"));
        }
        if (content.consent() != null
                && content.consent().parentOrCarer() == NoticeContent.ParentalConsent.UNDER_AGE
                && content.consent().parentOrCarerUnderAge() == null) {
            out.add(new RuleViolation(
                    NoticeErrors.PARENTAL_AGE_MISSING.code(),
                    "consent.parentOrCarerUnderAge",
                    "parentOrCarer UNDER_AGE needs the age below which a parent or carer consents"));
        }
        if (content.transferMethods() != null) {
            List<String> allowed = orEmpty(content.transferMethods().allowed());
            List<String> forbidden = orEmpty(content.transferMethods().forbidden());
            for (int i = 0; i < allowed.size(); i++) {
                String method = allowed.get(i);
                if (forbidden.contains(method)) {
                    out.add(new RuleViolation(
                            NoticeErrors.TRANSFER_METHOD_BOTH_ALLOWED_AND_FORBIDDEN.code(),
                            "transferMethods.allowed[" + i + "]",
                            method + " is both allowed and forbidden"));
                }
                if (kinds.contains(CategoryKind.SPECIAL)
                        && !vocabulary.transferMethod(method).orElseThrow().secure()) {
                    out.add(new RuleViolation(
                            NoticeErrors.INSECURE_TRANSFER_OF_SPECIAL_DATA.code(),
                            "transferMethods.allowed[" + i + "]",
                            method + " is not a secure transfer method and may not carry special category data"));
                }
            }
        }
        return out;
    }

    private static <T> void codes(
            List<RuleViolation> out,
            List<T> items,
            Function<T, String> code,
            String field,
            String what,
            Function<String, Optional<?>> lookup) {
        codes(out, items, code, field, what, lookup, "");
    }

    private static <T> void codes(
            List<RuleViolation> out,
            List<T> items,
            Function<T, String> code,
            String field,
            String what,
            Function<String, Optional<?>> lookup,
            String suffix) {
        List<T> list = orEmpty(items);
        for (int i = 0; i < list.size(); i++) {
            String value = code.apply(list.get(i));
            if (lookup.apply(value).isEmpty()) {
                out.add(new RuleViolation(
                        NoticeErrors.UNKNOWN_VOCABULARY_CODE.code(),
                        field + "[" + i + "]" + suffix,
                        "'" + value + "' is not a " + what + " code of the vocabulary"));
            }
        }
    }

    private static void duplicates(List<RuleViolation> out, List<String> items, String field) {
        List<String> seen = new ArrayList<>();
        List<String> list = orEmpty(items);
        for (int i = 0; i < list.size(); i++) {
            if (seen.contains(list.get(i))) {
                out.add(new RuleViolation(
                        NoticeErrors.DUPLICATE_CODE.code(),
                        field + "[" + i + "]",
                        "'" + list.get(i) + "' is listed twice"));
            }
            seen.add(list.get(i));
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
