package org.consentgov.agreement.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.domain.AgreementContent.LawfulBasisUse;
import org.consentgov.agreement.domain.AgreementContent.NoticeLink;
import org.consentgov.agreement.domain.AgreementContent.Party;
import org.consentgov.agreement.notices.PublishedNotice;
import org.consentgov.platform.problem.RuleViolation;
import org.consentgov.platform.vocabulary.CategoryKind;
import org.consentgov.platform.vocabulary.LawfulBasisKind;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.consentgov.platform.vocabulary.VocabularyDocument;

/**
 * The rules an agreement must meet, as a pure function of its content, the vocabulary and the linked notices.
 * {@link #onSave} runs on every save (a draft may be incomplete, never nonsense); {@link #forActivation} adds
 * the legal rules and the linked notices, checked when the agreement is put up for signature and again when it
 * comes into force.
 */
public final class AgreementRules {

    /** Art 9(2) points that need a DPA 2018 Schedule 1 condition as well (DPA 2018 s10). */
    static final Set<String> NEEDS_SCHEDULE_1 =
            Set.of("uk-gdpr-9-2-b", "uk-gdpr-9-2-g", "uk-gdpr-9-2-h", "uk-gdpr-9-2-i", "uk-gdpr-9-2-j");

    private final Vocabulary vocabulary;

    public AgreementRules(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Codes, organisations, dates and internal consistency. */
    public List<RuleViolation> onSave(AgreementContent c, Set<String> knownOrganisations) {
        List<RuleViolation> out = new ArrayList<>();
        Set<String> parties = new HashSet<>();
        for (int i = 0; i < c.parties().size(); i++) {
            Party p = c.parties().get(i);
            if (!knownOrganisations.contains(p.organisation())) {
                out.add(AgreementErrors.UNKNOWN_ORGANISATION.violation(
                        "parties[" + i + "].organisation", "no organisation '" + p.organisation() + "' is registered"));
            }
            if (!parties.add(p.organisation())) {
                out.add(AgreementErrors.DUPLICATE_PARTY.violation(
                        "parties[" + i + "].organisation", "'" + p.organisation() + "' is listed twice"));
            }
        }
        if (c.parties().stream().noneMatch(p -> p.role().controller())) {
            out.add(AgreementErrors.NO_CONTROLLER.violation(
                    "parties", "at least one party must be a controller or joint controller"));
        }
        codes(out, "purposes", c.purposes(), vocabulary::purpose, "purpose");
        codes(out, "dataCategories", c.dataCategories(), vocabulary::dataCategory, "data category");
        for (int i = 0; i < c.lawfulBases().size(); i++) {
            code(
                    out,
                    "lawfulBases[" + i + "].basis",
                    c.lawfulBases().get(i).basis(),
                    vocabulary::lawfulBasis,
                    "lawful basis");
        }
        for (int i = 0; i < c.legalFramework().size(); i++) {
            code(
                    out,
                    "legalFramework[" + i + "].code",
                    c.legalFramework().get(i).code(),
                    vocabulary::legalInstrument,
                    "legal instrument");
        }
        codes(out, "transfer.methods", c.transfer().methods(), vocabulary::transferMethod, "transfer method");
        codes(
                out,
                "transfer.forbiddenMethods",
                c.transfer().forbiddenMethods(),
                vocabulary::transferMethod,
                "transfer method");
        for (int i = 0; i < c.securityRequirements().size(); i++) {
            code(
                    out,
                    "securityRequirements[" + i + "].code",
                    c.securityRequirements().get(i).code(),
                    vocabulary::securityMeasure,
                    "security measure");
        }
        Set<String> links = new HashSet<>();
        for (int i = 0; i < c.linkedNotices().size(); i++) {
            NoticeLink link = c.linkedNotices().get(i);
            if (!links.add(link.slug())) {
                out.add(AgreementErrors.DUPLICATE_NOTICE_LINK.violation(
                        "linkedNotices[" + i + "]",
                        "notice '" + link.slug() + "' is linked twice; link the one version the agreement relies on"));
            }
        }
        if (Boolean.TRUE.equals(c.consent().required())
                && (c.consent().notice() == null || c.consent().notice().isBlank())) {
            out.add(AgreementErrors.CONSENT_NOTICE_MISSING.violation(
                    "consent.notice", "consent is required, so name the notice it is given under"));
        }
        if (c.accessLimit() != null) {
            List<String> recipients = c.accessLimit().recipients();
            for (int i = 0; i < recipients.size(); i++) {
                if (!parties.contains(recipients.get(i))) {
                    out.add(AgreementErrors.ACCESS_LIMIT_RECIPIENT_NOT_PARTY.violation(
                            "accessLimit.recipients[" + i + "]",
                            "'" + recipients.get(i) + "' is not a party of the agreement"));
                }
            }
        }
        if (c.endDate() != null && c.endDate().isBefore(c.startDate())) {
            out.add(AgreementErrors.END_BEFORE_START.violation(
                    "endDate", "the agreement ends (" + c.endDate() + ") before it starts (" + c.startDate() + ")"));
        }
        return out;
    }

    /**
     * The legal rules (DESIGN §4), the transfer rules and the linked notices.
     *
     * @param notices each linked notice as notice-service publishes it; a link that notice-service does not know,
     *                or knows only as a draft, is absent
     * @param today   the day in Europe/London
     */
    public List<RuleViolation> forActivation(
            AgreementContent c, Map<NoticeLink, PublishedNotice> notices, LocalDate today) {
        List<RuleViolation> out = new ArrayList<>();
        lawfulBases(c, out);
        transfer(c, out);
        linkedNotices(c, notices, out);
        if (c.endDate() != null && c.endDate().isBefore(today)) {
            out.add(AgreementErrors.END_DATE_PASSED.violation("endDate", "the agreement ended on " + c.endDate()));
        }
        return out;
    }

    private void lawfulBases(AgreementContent c, List<RuleViolation> out) {
        boolean special = c.dataCategories().stream()
                .map(vocabulary::dataCategory)
                .flatMap(Optional::stream)
                .anyMatch(VocabularyDocument.DataCategory::special);
        boolean criminal = c.dataCategories().stream()
                .map(vocabulary::dataCategory)
                .flatMap(Optional::stream)
                .anyMatch(VocabularyDocument.DataCategory::criminal);
        for (int i = 0; i < c.lawfulBases().size(); i++) {
            LawfulBasisUse use = c.lawfulBases().get(i);
            String field = "lawfulBases[" + i + "]";
            vocabulary.lawfulBasis(use.basis()).ifPresent(basis -> {
                if (basis.conditionFor() == null || !basis.conditionFor().contains(use.appliesTo())) {
                    out.add(AgreementErrors.BASIS_NOT_VALID_FOR_DATA_KIND.violation(
                            field,
                            basis.label() + " (" + basis.code() + ") is no condition for " + use.appliesTo()
                                    + " data"));
                }
            });
        }
        if (!has(c, CategoryKind.PERSONAL, LawfulBasisKind.ARTICLE_6)) {
            out.add(AgreementErrors.PERSONAL_DATA_NEEDS_ARTICLE_6.violation(
                    "lawfulBases", "personal data needs an Art 6(1) lawful basis for PERSONAL data"));
        }
        if (special && !has(c, CategoryKind.SPECIAL, LawfulBasisKind.ARTICLE_9)) {
            out.add(AgreementErrors.SPECIAL_CATEGORY_NEEDS_ARTICLE_9.violation(
                    "lawfulBases",
                    "special category data (" + String.join(", ", specialCodes(c))
                            + ") needs an Art 9(2) condition for SPECIAL data"));
        }
        boolean needsSchedule1 = c.lawfulBases().stream()
                .anyMatch(u -> u.appliesTo() == CategoryKind.SPECIAL && NEEDS_SCHEDULE_1.contains(u.basis()));
        if (needsSchedule1 && !has(c, CategoryKind.SPECIAL, LawfulBasisKind.SCHEDULE_1)) {
            out.add(AgreementErrors.ARTICLE_9_NEEDS_SCHEDULE_1_CONDITION.violation(
                    "lawfulBases",
                    "Art 9(2)(b), (g), (h), (i) and (j) need a DPA 2018 Schedule 1 condition as well (DPA 2018 s10)"));
        }
        if (criminal
                && !has(c, CategoryKind.CRIMINAL, LawfulBasisKind.ARTICLE_10)
                && !has(c, CategoryKind.CRIMINAL, LawfulBasisKind.SCHEDULE_1)) {
            out.add(AgreementErrors.CRIMINAL_DATA_NEEDS_ARTICLE_10.violation(
                    "lawfulBases",
                    "criminal offence data needs an Art 10 or DPA 2018 Schedule 1 condition for CRIMINAL data"));
        }
    }

    private boolean has(AgreementContent c, CategoryKind appliesTo, LawfulBasisKind kind) {
        return c.lawfulBases().stream()
                .filter(u -> u.appliesTo() == appliesTo)
                .map(u -> vocabulary.lawfulBasis(u.basis()))
                .flatMap(Optional::stream)
                .anyMatch(b -> b.kind() == kind
                        && b.conditionFor() != null
                        && b.conditionFor().contains(appliesTo));
    }

    private List<String> specialCodes(AgreementContent c) {
        return c.dataCategories().stream()
                .filter(code ->
                        vocabulary.dataCategory(code).map(d -> d.special()).orElse(false))
                .toList();
    }

    private void transfer(AgreementContent c, List<RuleViolation> out) {
        boolean sensitive = c.dataCategories().stream()
                .map(vocabulary::dataCategory)
                .flatMap(Optional::stream)
                .anyMatch(d -> d.special() || d.criminal());
        for (int i = 0; i < c.transfer().methods().size(); i++) {
            String method = c.transfer().methods().get(i);
            boolean insecure =
                    vocabulary.transferMethod(method).map(m -> !m.secure()).orElse(false);
            if (sensitive && insecure) {
                out.add(AgreementErrors.INSECURE_TRANSFER_OF_SPECIAL_DATA.violation(
                        "transfer.methods[" + i + "]",
                        "'" + method + "' is not a secure transfer method and the agreement shares special category or "
                                + "criminal offence data"));
            }
            if (c.transfer().forbiddenMethods().contains(method)) {
                out.add(AgreementErrors.TRANSFER_METHOD_BOTH_ALLOWED_AND_FORBIDDEN.violation(
                        "transfer.methods[" + i + "]", "'" + method + "' is both allowed and forbidden"));
            }
        }
    }

    private void linkedNotices(AgreementContent c, Map<NoticeLink, PublishedNotice> notices, List<RuleViolation> out) {
        if (c.linkedNotices().isEmpty()) {
            out.add(AgreementErrors.NO_LINKED_NOTICE.violation(
                    "linkedNotices", "link the published privacy notice that tells families about this sharing"));
        }
        if (Boolean.TRUE.equals(c.consent().required())
                && c.consent().notice() != null
                && c.linkedNotices().stream()
                        .noneMatch(l -> l.slug().equals(c.consent().notice()))) {
            out.add(AgreementErrors.CONSENT_NOTICE_NOT_LINKED.violation(
                    "consent.notice",
                    "consent is given under notice '" + c.consent().notice() + "', which the agreement does not link"));
        }
        for (int i = 0; i < c.linkedNotices().size(); i++) {
            NoticeLink link = c.linkedNotices().get(i);
            String field = "linkedNotices[" + i + "]";
            PublishedNotice notice = notices.get(link);
            if (notice == null || !notice.published()) {
                out.add(AgreementErrors.LINKED_NOTICE_NOT_PUBLISHED.violation(
                        field,
                        "version " + link.version() + " of notice '"
                                + link.slug() + "' is "
                                + (notice == null
                                        ? "not published"
                                        : notice.state().toLowerCase() + ", not the published version")));
                continue;
            }
            for (Party party : c.parties()) {
                if (!notice.names(party.organisation(), party.role().controller())) {
                    out.add(AgreementErrors.LINKED_NOTICE_MISSING_RECIPIENT.violation(
                            field,
                            "notice '" + link.slug() + "' version " + link.version() + " does not name '"
                                    + party.organisation() + "' as a recipient"));
                }
            }
            Set<String> told = new HashSet<>(notice.dataCategories());
            List<String> missing = c.dataCategories().stream()
                    .filter(code -> !told.contains(code))
                    .toList();
            if (!missing.isEmpty()) {
                out.add(AgreementErrors.LINKED_NOTICE_MISSING_CATEGORY.violation(
                        field,
                        "notice '" + link.slug() + "' version " + link.version() + " does not list "
                                + String.join(", ", missing)));
            }
        }
    }

    private static <T> void codes(
            List<RuleViolation> out,
            String field,
            List<String> codes,
            Function<String, Optional<T>> lookup,
            String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            code(out, field + "[" + i + "]", codes.get(i), lookup, what);
            if (!seen.add(codes.get(i))) {
                out.add(AgreementErrors.DUPLICATE_CODE.violation(
                        field + "[" + i + "]", "'" + codes.get(i) + "' is listed twice"));
            }
        }
    }

    private static <T> void code(
            List<RuleViolation> out, String field, String code, Function<String, Optional<T>> lookup, String what) {
        if (lookup.apply(code).isEmpty()) {
            out.add(AgreementErrors.UNKNOWN_VOCABULARY_CODE.violation(
                    field, "'" + code + "' is not a " + what + " code"));
        }
    }
}
