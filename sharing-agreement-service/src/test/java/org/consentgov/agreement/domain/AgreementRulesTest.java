package org.consentgov.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.domain.Contents.list;
import static org.consentgov.agreement.domain.Contents.map;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consentgov.agreement.domain.AgreementContent.NoticeLink;
import org.consentgov.agreement.notices.PublishedNotice;
import org.consentgov.platform.problem.RuleViolation;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

class AgreementRulesTest {

    static final AgreementRules RULES = new AgreementRules(new Vocabulary());
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Set<String> ORGS = Set.of("luton-council", "university-of-bedfordshire", "luton-schools");
    static final NoticeLink WIMTM = new NoticeLink("what-it-means-to-me", 1);
    static final NoticeLink CFE = new NoticeLink("children-families-education", 1);

    @Test
    void bothSeedAgreementsMeetEveryRuleAgainstTheSeedNotices() {
        assertThat(RULES.onSave(Contents.research(), ORGS)).isEmpty();
        assertThat(RULES.forActivation(
                        Contents.research(), Map.of(WIMTM, Contents.notice("what-it-means-to-me")), TODAY))
                .isEmpty();
        assertThat(RULES.onSave(Contents.eyes(), ORGS)).isEmpty();
        assertThat(RULES.forActivation(
                        Contents.eyes(), Map.of(CFE, Contents.notice("children-families-education")), TODAY))
                .isEmpty();
    }

    @Test
    void specialCategoryDataNeedsAnArticle9Condition() {
        AgreementContent c =
                research(m -> m.put("lawfulBases", list(map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e"))));
        assertThat(rules(c)).contains("special-category-needs-article-9");
    }

    @Test
    void article9PointsThatNeedItRequireASchedule1Condition() {
        AgreementContent c = research(m -> m.put(
                "lawfulBases",
                list(
                        map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e"),
                        map("appliesTo", "SPECIAL", "basis", "uk-gdpr-9-2-j"))));
        assertThat(rules(c)).containsExactly("article-9-needs-schedule-1-condition");
        AgreementContent explicitConsent = research(m -> m.put(
                "lawfulBases",
                list(
                        map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-a"),
                        map("appliesTo", "SPECIAL", "basis", "uk-gdpr-9-2-a"))));
        assertThat(rules(explicitConsent)).isEmpty();
    }

    @Test
    void criminalOffenceDataNeedsAnArticle10OrSchedule1Condition() {
        AgreementContent c =
                eyes(m -> m.put("dataCategories", list("identity.name", "criminal.reports-and-antecedents")));
        assertThat(RULES.forActivation(c, Map.of(CFE, Contents.notice("children-families-education")), TODAY))
                .extracting(RuleViolation::rule)
                .contains("criminal-data-needs-article-10");
        AgreementContent covered = eyes(m -> {
            m.put("dataCategories", list("identity.name", "criminal.reports-and-antecedents"));
            m.put(
                    "lawfulBases",
                    list(
                            map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e"),
                            map("appliesTo", "CRIMINAL", "basis", "dpa-2018-sch1-p2-18")));
        });
        assertThat(RULES.forActivation(covered, Map.of(CFE, Contents.notice("children-families-education")), TODAY))
                .isEmpty();
    }

    @Test
    void aBasisMustBeAConditionForTheKindOfDataItIsUsedFor() {
        AgreementContent c = research(m -> m.put(
                "lawfulBases",
                list(
                        map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e"),
                        map("appliesTo", "SPECIAL", "basis", "uk-gdpr-6-1-e"))));
        List<RuleViolation> found =
                RULES.forActivation(c, Map.of(WIMTM, Contents.notice("what-it-means-to-me")), TODAY);
        assertThat(found)
                .extracting(RuleViolation::rule)
                .contains("basis-not-valid-for-data-kind", "special-category-needs-article-9");
        assertThat(found)
                .filteredOn(v -> v.rule().equals("basis-not-valid-for-data-kind"))
                .extracting(RuleViolation::field)
                .containsExactly("lawfulBases[1]");
    }

    @Test
    void paperAndUnsecuredEmailAreRefusedForSpecialCategoryDataButNotForOrdinaryData() {
        AgreementContent paper = research(
                m -> m.put("transfer", map("methods", list("system-access", "paper"), "frequency", "CONTINUOUS")));
        List<RuleViolation> found =
                RULES.forActivation(paper, Map.of(WIMTM, Contents.notice("what-it-means-to-me")), TODAY);
        assertThat(found).extracting(RuleViolation::rule).containsExactly("insecure-transfer-of-special-data");
        assertThat(found.get(0).field()).isEqualTo("transfer.methods[1]");

        AgreementContent ordinary = research(m -> {
            m.put("dataCategories", list("identity.date-of-birth", "identity.gender"));
            m.put("lawfulBases", list(map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e")));
            m.put("transfer", map("methods", list("unsecured-email"), "frequency", "ONE_OFF"));
        });
        assertThat(RULES.forActivation(ordinary, Map.of(WIMTM, Contents.notice("what-it-means-to-me")), TODAY))
                .isEmpty();
    }

    @Test
    void aMethodCannotBeBothAllowedAndForbidden() {
        AgreementContent c = research(m -> m.put(
                "transfer",
                map(
                        "methods",
                        list("system-access", "secure-email"),
                        "forbiddenMethods",
                        list("secure-email"),
                        "frequency",
                        "CONTINUOUS")));
        assertThat(rules(c)).containsExactly("transfer-method-both-allowed-and-forbidden");
    }

    @Test
    void aLinkedNoticeMustBePublishedAndNameEveryPartyAndCategory() {
        AgreementContent c = Contents.research();
        assertThat(RULES.forActivation(c, Map.of(), TODAY))
                .extracting(RuleViolation::rule)
                .containsExactly("linked-notice-not-published");
        PublishedNotice seed = Contents.notice("what-it-means-to-me");
        PublishedNotice superseded =
                new PublishedNotice(seed.slug(), 1, "SUPERSEDED", false, seed.contentHash(), seed.content());
        assertThat(RULES.forActivation(c, Map.of(WIMTM, superseded), TODAY))
                .extracting(RuleViolation::message)
                .containsExactly("version 1 of notice 'what-it-means-to-me' is superseded, not the published version");

        AgreementContent withSchools = research(m -> {
            m.put(
                    "parties",
                    list(
                            map("organisation", "luton-council", "role", "CONTROLLER"),
                            map("organisation", "university-of-bedfordshire", "role", "CONTROLLER"),
                            map("organisation", "luton-schools", "role", "RECIPIENT")));
            m.put("dataCategories", list("identity.date-of-birth", "special.health", "special.mental-health"));
        });
        List<RuleViolation> found = RULES.forActivation(withSchools, Map.of(WIMTM, seed), TODAY);
        assertThat(found)
                .extracting(RuleViolation::rule)
                .containsExactly("linked-notice-missing-recipient", "linked-notice-missing-category");
        assertThat(found.get(0).message()).contains("luton-schools");
        assertThat(found.get(1).message()).endsWith("does not list special.mental-health");
    }

    @Test
    void aControllerNamedOnlyAmongTheNoticesControllersIsNamedButARecipientMustBeARecipient() {
        AgreementContent councilAsRecipient = eyes(m -> m.put(
                "parties",
                list(
                        map("organisation", "luton-schools", "role", "CONTROLLER"),
                        map("organisation", "luton-council", "role", "RECIPIENT"))));
        assertThat(RULES.forActivation(
                        councilAsRecipient, Map.of(CFE, Contents.notice("children-families-education")), TODAY))
                .extracting(RuleViolation::message)
                .containsExactly(
                        "notice 'children-families-education' version 1 does not name 'luton-council' as a recipient");
    }

    @Test
    void consentMustNameItsNoticeAndThatNoticeMustBeLinked() {
        AgreementContent noNotice = eyes(m -> m.put("consent", map("required", true)));
        assertThat(RULES.onSave(noNotice, ORGS))
                .extracting(RuleViolation::rule)
                .containsExactly("consent-notice-missing");
        AgreementContent notLinked =
                eyes(m -> m.put("consent", map("required", true, "notice", "what-it-means-to-me")));
        assertThat(RULES.forActivation(notLinked, Map.of(CFE, Contents.notice("children-families-education")), TODAY))
                .extracting(RuleViolation::rule)
                .containsExactly("consent-notice-not-linked");
        AgreementContent noLink = eyes(m -> m.put("linkedNotices", list()));
        assertThat(RULES.forActivation(noLink, Map.of(), TODAY))
                .extracting(RuleViolation::rule)
                .containsExactly("no-linked-notice");
    }

    @Test
    void partiesMustBeRegisteredDistinctAndIncludeAController() {
        AgreementContent c = eyes(m -> m.put(
                "parties",
                list(
                        map("organisation", "luton-schools", "role", "RECIPIENT"),
                        map("organisation", "nowhere", "role", "PROCESSOR"),
                        map("organisation", "luton-schools", "role", "RECIPIENT"))));
        assertThat(RULES.onSave(c, ORGS))
                .extracting(RuleViolation::rule, RuleViolation::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("unknown-organisation", "parties[1].organisation"),
                        org.assertj.core.groups.Tuple.tuple("duplicate-party", "parties[2].organisation"),
                        org.assertj.core.groups.Tuple.tuple("no-controller", "parties"));
    }

    @Test
    void codesDatesAndTheAccessLimitAreCheckedOnEverySave() {
        AgreementContent c = research(m -> {
            m.put("dataCategories", list("identity.date-of-birth", "identity.shoe-size", "identity.date-of-birth"));
            m.put("endDate", "2025-08-31");
            m.put("accessLimit", map("recipients", list("luton-schools"), "months", 6, "after", "DESTROY"));
        });
        assertThat(RULES.onSave(c, ORGS))
                .extracting(RuleViolation::rule, RuleViolation::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("unknown-vocabulary-code", "dataCategories[1]"),
                        org.assertj.core.groups.Tuple.tuple("duplicate-code", "dataCategories[2]"),
                        org.assertj.core.groups.Tuple.tuple(
                                "access-limit-recipient-not-party", "accessLimit.recipients[0]"),
                        org.assertj.core.groups.Tuple.tuple("end-before-start", "endDate"));
    }

    @Test
    void anAgreementWhoseEndDateHasPassedCannotComeIntoForce() {
        AgreementContent c = research(m -> m.put("endDate", "2026-11-22"));
        assertThat(rules(c)).containsExactly("end-date-passed");
        AgreementContent lastDay = research(m -> m.put("endDate", "2026-11-23"));
        assertThat(rules(lastDay)).isEmpty();
    }

    private static List<String> rules(AgreementContent research) {
        return RULES.forActivation(research, Map.of(WIMTM, Contents.notice("what-it-means-to-me")), TODAY).stream()
                .map(RuleViolation::rule)
                .toList();
    }

    private static AgreementContent research(java.util.function.Consumer<Map<String, Object>> change) {
        return Contents.seed(Contents.RESEARCH, change);
    }

    private static AgreementContent eyes(java.util.function.Consumer<Map<String, Object>> change) {
        return Contents.seed(Contents.EYES, change);
    }
}
