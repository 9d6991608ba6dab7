package org.consentgov.notice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.consentgov.notice.domain.NoticeContent.DataKind;
import org.consentgov.notice.domain.NoticeContent.LawfulBasisUse;
import org.consentgov.platform.problem.RuleViolation;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

class NoticeRulesTest {

    private final NoticeRules rules = new NoticeRules(new Vocabulary());

    static NoticeContent notice(
            List<String> categories,
            List<LawfulBasisUse> bases,
            NoticeContent.ConsentTerms consent,
            NoticeContent.TransferMethods transfers) {
        return new NoticeContent(
                "en",
                Map.of(
                        "en",
                        new NoticeContent.LocalisedText(
                                "Title", null, List.of(new NoticeContent.Section("s", "Heading", "Body")), null)),
                List.of(new NoticeContent.Controller(
                        "Council", NoticeContent.ControllerRole.CONTROLLER, null, null, null)),
                new NoticeContent.DpoContact(null, null, null, "via the council"),
                List.of(new NoticeContent.Purpose("research", "Research")),
                categories,
                null,
                List.of(new NoticeContent.Source("Case record")),
                bases,
                consent,
                List.of(),
                null,
                new NoticeContent.InternationalTransfers(false, null, null),
                new NoticeContent.Retention("Schedule", null),
                new NoticeContent.AutomatedDecisionMaking(false, "None"),
                List.of("access"),
                null,
                transfers,
                null,
                null);
    }

    static LawfulBasisUse basis(DataKind kind, String code) {
        return new LawfulBasisUse(kind, code, null, null, "d");
    }

    static NoticeContent.ConsentTerms window(Integer days) {
        return new NoticeContent.ConsentTerms(
                List.of("child"),
                NoticeContent.ParentalConsent.WHERE_NEEDED,
                null,
                days,
                days == null ? null : NoticeContent.WindowStart.FORM_RECEIVED,
                null,
                "Stops new use",
                null,
                null,
                null);
    }

    static NoticeContent.ConsentTerms lasting(String duration, Boolean untilAgreementAccessEnds) {
        return new NoticeContent.ConsentTerms(
                List.of("child"),
                NoticeContent.ParentalConsent.WHERE_NEEDED,
                null,
                null,
                null,
                null,
                "Stops new use",
                null,
                duration,
                untilAgreementAccessEnds);
    }

    @Test
    void aConsentDurationIsAPositiveIsoPeriod() {
        for (String ok : List.of("P1Y", "P6M", "P2W", "P30D", "P1Y6M")) {
            assertThat(rules.vocabulary(personal(lasting(ok, null)))).as(ok).isEmpty();
        }
        assertThat(rules.vocabulary(personal(lasting(null, true)))).isEmpty();
        for (String bad : List.of("P0D", "P-1Y", "1Y", "PT1H", "P1D1Y", "forever")) {
            assertThat(rules.vocabulary(personal(lasting(bad, null))))
                    .as(bad)
                    .extracting(RuleViolation::rule, RuleViolation::field)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("consent-duration-invalid", "consent.consentDuration"));
        }
    }

    @Test
    void aConsentLastsForADurationOrUntilTheAgreementsAccessEndsNotBoth() {
        assertThat(rules.vocabulary(personal(lasting("P1Y", true))))
                .extracting(RuleViolation::rule)
                .containsExactly("consent-duration-and-agreement-end");
        assertThat(rules.vocabulary(personal(lasting("P1Y", false)))).isEmpty();
    }

    private static NoticeContent personal(NoticeContent.ConsentTerms terms) {
        return notice(
                List.of("identity.date-of-birth"), List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-e")), terms, null);
    }

    @Test
    void ordinaryDataUnderPublicTaskPasses() {
        assertThat(rules.forPublication(notice(
                        List.of("identity.date-of-birth"),
                        List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-e")),
                        null,
                        null)))
                .isEmpty();
    }

    @Test
    void specialCategoryNeedsAnArticle9Condition() {
        List<RuleViolation> found = rules.forPublication(notice(
                List.of("identity.date-of-birth", "special.health"),
                List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-e")),
                null,
                null));
        assertThat(found).extracting(RuleViolation::rule).containsExactly("special-category-needs-article-9");
        assertThat(rules.forPublication(notice(
                        List.of("special.health"),
                        List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-e"), basis(DataKind.SPECIAL, "uk-gdpr-9-2-j")),
                        null,
                        null)))
                .isEmpty();
    }

    @Test
    void aScheduleOneConditionForSpecialDataAloneDoesNotSatisfyArticle9() {
        List<RuleViolation> found = rules.forPublication(notice(
                List.of("special.health"),
                List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-e"), basis(DataKind.SPECIAL, "dpa-2018-sch1-p2-18")),
                null,
                null));
        assertThat(found).extracting(RuleViolation::rule).containsExactly("special-category-needs-article-9");
    }

    @Test
    void criminalDataNeedsAnArticle10OrScheduleOneCondition() {
        assertThat(rules.forPublication(notice(
                        List.of("criminal.offences"), List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-e")), null, null)))
                .extracting(RuleViolation::rule)
                .containsExactly("criminal-data-needs-article-10");
        assertThat(rules.forPublication(notice(
                        List.of("criminal.offences"),
                        List.of(
                                basis(DataKind.PERSONAL, "uk-gdpr-6-1-e"),
                                basis(DataKind.CRIMINAL, "uk-gdpr-10-official-authority")),
                        null,
                        null)))
                .isEmpty();
        assertThat(rules.forPublication(notice(
                        List.of("criminal.offences"),
                        List.of(
                                basis(DataKind.PERSONAL, "uk-gdpr-6-1-e"),
                                basis(DataKind.CRIMINAL, "dpa-2018-sch1-p3-29")),
                        null,
                        null)))
                .isEmpty();
    }

    @Test
    void anArticle9ConditionCannotServeCriminalData() {
        assertThat(rules.forPublication(notice(
                        List.of("criminal.offences"),
                        List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-e"), basis(DataKind.CRIMINAL, "uk-gdpr-9-2-g")),
                        null,
                        null)))
                .extracting(RuleViolation::rule)
                .containsExactly("basis-not-valid-for-data-kind", "criminal-data-needs-article-10");
    }

    @Test
    void consentBasisMayNotLimitWithdrawalToAWindow() {
        List<RuleViolation> found = rules.forPublication(notice(
                List.of("identity.date-of-birth"),
                List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-a")),
                window(14),
                null));
        assertThat(found).extracting(RuleViolation::field).containsExactly("consent.withdrawalWindowDays");
        assertThat(rules.forPublication(notice(
                        List.of("identity.date-of-birth"),
                        List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-a")),
                        window(null),
                        null)))
                .isEmpty();
    }

    @Test
    void aWindowUnderPublicTaskIsAllowedAsTheResearchNoticeDoes() {
        assertThat(rules.forPublication(notice(
                        List.of("identity.date-of-birth"),
                        List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-e")),
                        window(14),
                        null)))
                .isEmpty();
    }

    @Test
    void insecureTransferIsRefusedForSpecialDataOnly() {
        NoticeContent.TransferMethods paper = new NoticeContent.TransferMethods(List.of("paper"), List.of());
        assertThat(rules.forPublication(notice(
                        List.of("identity.date-of-birth"),
                        List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-e")),
                        null,
                        paper)))
                .isEmpty();
        assertThat(rules.forPublication(notice(
                        List.of("special.religion"),
                        List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-e"), basis(DataKind.SPECIAL, "uk-gdpr-9-2-j")),
                        null,
                        paper)))
                .extracting(RuleViolation::rule)
                .containsExactly("insecure-transfer-of-special-data");
    }

    @Test
    void aMethodBothAllowedAndForbiddenIsRefused() {
        NoticeContent.TransferMethods both = new NoticeContent.TransferMethods(List.of("api"), List.of("api"));
        assertThat(rules.forPublication(notice(
                        List.of("identity.date-of-birth"),
                        List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-e")),
                        null,
                        both)))
                .extracting(RuleViolation::rule)
                .containsExactly("transfer-method-both-allowed-and-forbidden");
    }

    @Test
    void unknownCodesAreReportedByFieldBeforeAnyLegalRule() {
        List<RuleViolation> found = rules.forPublication(notice(
                List.of("identity.date-of-birth", "made.up"),
                List.of(basis(DataKind.PERSONAL, "uk-gdpr-99")),
                null,
                null));
        assertThat(found).extracting(RuleViolation::field).containsExactly("dataCategories[1]", "lawfulBases[0].basis");
        assertThat(found).extracting(RuleViolation::rule).containsOnly("unknown-vocabulary-code");
    }

    @Test
    void theDefaultLocaleMustHaveText() {
        NoticeContent base = notice(
                List.of("identity.date-of-birth"), List.of(basis(DataKind.PERSONAL, "uk-gdpr-6-1-e")), null, null);
        NoticeContent welshDefault = new NoticeContent(
                "cy",
                base.locales(),
                base.controllers(),
                base.dpo(),
                base.purposes(),
                base.dataCategories(),
                null,
                base.sources(),
                base.lawfulBases(),
                null,
                List.of(),
                null,
                base.internationalTransfers(),
                base.retention(),
                base.automatedDecisionMaking(),
                base.rights(),
                null,
                null,
                null,
                null);
        assertThat(rules.vocabulary(welshDefault))
                .extracting(RuleViolation::rule)
                .containsExactly("default-locale-missing");
    }
}
