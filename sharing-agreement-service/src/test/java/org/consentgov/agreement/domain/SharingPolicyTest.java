package org.consentgov.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.domain.Contents.list;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.consentgov.agreement.consent.ConsentAnswer;
import org.consentgov.agreement.consent.ConsentCheckResponse;
import org.consentgov.agreement.domain.SharingPolicy.Assessment;
import org.consentgov.agreement.domain.SharingPolicy.Candidate;
import org.consentgov.agreement.domain.SharingPolicy.Decision;
import org.consentgov.agreement.domain.SharingPolicy.Obligation;
import org.consentgov.agreement.domain.SharingPolicy.Outcome;
import org.consentgov.agreement.domain.SharingPolicy.Question;
import org.consentgov.agreement.domain.SharingPolicy.Reason;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

class SharingPolicyTest {

    static final SharingPolicy POLICY = new SharingPolicy(new Vocabulary());
    static final String UNIVERSITY = "university-of-bedfordshire";
    static final String RESEARCH = "research-what-it-means-to-me";
    static final Instant ACTIVATED = Instant.parse("2026-03-01T09:30:00Z");
    static final Instant ACCESS_ENDS =
            ACTIVATED.atZone(ZoneId.of("Europe/London")).plusMonths(6).toInstant();
    static final UUID RECORD = UUID.randomUUID();

    @Test
    void insideTheAccessWindowTheResearchNeedsConsentAndThenPermitsWithItsObligations() {
        Question q = question(
                UNIVERSITY,
                list("identity.date-of-birth", "special.ethnicity"),
                RESEARCH,
                ACTIVATED.plusSeconds(86_400 * 30),
                null);
        Assessment a = POLICY.assess(q, List.of(research(AgreementState.ACTIVE)));
        assertThat(a.denials()).isEmpty();
        assertThat(a.needsConsent()).isTrue();
        assertThat(a.consentNotice()).isEqualTo("what-it-means-to-me");

        Outcome permit = POLICY.decide(q, a, consented());
        assertThat(permit.decision()).isEqualTo(Decision.PERMIT);
        assertThat(permit.reasons())
                .extracting(Reason::code)
                .containsExactly(
                        "agreement-in-force",
                        "purpose-covered",
                        "categories-covered",
                        "consent-given",
                        "access-window-open");
        assertThat(permit.obligations())
                .extracting(Obligation::code)
                .contains(
                        "transfer-method",
                        "transfer-forbidden",
                        "purpose-limitation",
                        "access-ends",
                        "no-paper-copies",
                        "no-unsecured-email",
                        "retention");
        Obligation accessEnds = permit.obligations().stream()
                .filter(o -> o.code().equals("access-ends"))
                .findFirst()
                .orElseThrow();
        assertThat(accessEnds.until()).isEqualTo(ACCESS_ENDS);
        assertThat(accessEnds.description()).isEqualTo("Access ends on 2026-09-01; then an anonymised dataset only");
        assertThat(permit.obligations())
                .filteredOn(o -> o.code().equals("transfer-forbidden"))
                .extracting(Obligation::description)
                .containsExactly("Never by paper or unsecured email");
    }

    @Test
    void fromTheEndOfTheSixMonthsOnlyAnAnonymisedDatasetIsLeft() {
        Question lastSecond = question(UNIVERSITY, list("special.health"), RESEARCH, ACCESS_ENDS.minusSeconds(1), null);
        assertThat(POLICY.assess(lastSecond, List.of(research(AgreementState.ACTIVE)))
                        .denials())
                .isEmpty();

        Question atTheEnd = question(UNIVERSITY, list("special.health"), RESEARCH, ACCESS_ENDS, null);
        Assessment a = POLICY.assess(atTheEnd, List.of(research(AgreementState.ACTIVE)));
        assertThat(a.needsConsent())
                .as("no consent lookup for a refused disclosure")
                .isFalse();
        Outcome deny = POLICY.decide(atTheEnd, a, null);
        assertThat(deny.decision()).isEqualTo(Decision.DENY);
        assertThat(deny.reasons())
                .extracting(Reason::message)
                .containsExactly("access window ended on 2026-09-01; an anonymised dataset only");
        assertThat(deny.obligations()).isEmpty();
    }

    @Test
    void theAccessLimitBindsOnlyTheRecipientsItNames() {
        Question council =
                question("luton-council", list("special.health"), RESEARCH, ACCESS_ENDS.plusSeconds(86_400), null);
        assertThat(POLICY.assess(council, List.of(research(AgreementState.ACTIVE)))
                        .denials())
                .isEmpty();
    }

    @Test
    void aRecipientWithNoAgreementInForceIsDenied() {
        Outcome deny = POLICY.decide(
                question("bedfordshire-police", list("special.health"), RESEARCH, ACTIVATED, null),
                POLICY.assess(
                        question("bedfordshire-police", list("special.health"), RESEARCH, ACTIVATED, null), List.of()),
                null);
        assertThat(deny.decision()).isEqualTo(Decision.DENY);
        assertThat(deny.reasons()).extracting(Reason::code).containsExactly("recipient-not-party");
        assertThat(deny.candidate()).isNull();
    }

    @Test
    void aDenyGivesEveryReasonAtOnce() {
        Question q = question(
                UNIVERSITY,
                list("special.health", "special.mental-health", "criminal.offences"),
                "research",
                ACCESS_ENDS.plusSeconds(1),
                "paper");
        Outcome deny = POLICY.decide(q, POLICY.assess(q, List.of(research(AgreementState.SUSPENDED))), null);
        assertThat(deny.reasons())
                .extracting(Reason::code)
                .containsExactly(
                        "agreement-suspended",
                        "purpose-not-covered",
                        "category-not-covered",
                        "transfer-method-forbidden",
                        "access-window-ended");
        assertThat(deny.reasons().get(2).message()).endsWith("does not cover special.mental-health, criminal.offences");
    }

    @Test
    void anAgreementIsReliedOnOnlyWithinItsDates() {
        Candidate later = new Candidate(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ISA-1",
                1,
                AgreementState.ACTIVE,
                Contents.seed(Contents.EYES, m -> m.put("endDate", "2027-03-31")),
                Instant.parse("2026-04-01T00:00:00Z"),
                null,
                null);
        Question before = question(
                "luton-schools",
                list("education.attendance"),
                "support-pupil-learning",
                Instant.parse("2026-03-31T22:59:59Z"),
                "system-access");
        assertThat(POLICY.assess(before, List.of(later)).denials())
                .extracting(Reason::code)
                .containsExactly("agreement-not-yet-in-force");
        Question lastDay = question(
                "luton-schools",
                list("education.attendance"),
                "support-pupil-learning",
                Instant.parse("2027-03-31T22:59:59Z"),
                "system-access");
        assertThat(POLICY.assess(lastDay, List.of(later)).denials()).isEmpty();
        Question after = question(
                "luton-schools",
                list("education.attendance"),
                "support-pupil-learning",
                Instant.parse("2027-03-31T23:00:00Z"),
                "system-access");
        assertThat(POLICY.assess(after, List.of(later)).denials())
                .extracting(Reason::code)
                .containsExactly("agreement-ended");
    }

    @Test
    void aMethodTheAgreementDoesNotAllowIsDeniedAndOneItForbidsIsSaidToBeForbidden() {
        Candidate eyes = eyes();
        Question paper =
                question("luton-schools", list("education.attendance"), "support-pupil-learning", ACTIVATED, "paper");
        assertThat(POLICY.assess(paper, List.of(eyes)).denials())
                .extracting(Reason::code)
                .containsExactly("transfer-method-not-allowed");
        Question email = question(UNIVERSITY, list("special.health"), RESEARCH, ACTIVATED, "unsecured-email");
        assertThat(POLICY.assess(email, List.of(research(AgreementState.ACTIVE)))
                        .denials())
                .extracting(Reason::code)
                .containsExactly("transfer-method-forbidden");
    }

    @Test
    void withoutConsentOrWithoutAnAnswerFromConsentServiceTheResearchIsDenied() {
        Question q = question(UNIVERSITY, list("special.health"), RESEARCH, ACTIVATED.plusSeconds(60), null);
        Assessment a = POLICY.assess(q, List.of(research(AgreementState.ACTIVE)));
        Outcome refused = POLICY.decide(
                q,
                a,
                ConsentAnswer.of(new ConsentCheckResponse(
                        false,
                        "what-it-means-to-me",
                        RESEARCH,
                        List.of("the consent was withdrawn"),
                        null,
                        null,
                        "WITHDRAWN",
                        false,
                        2)));
        assertThat(refused.decision()).isEqualTo(Decision.DENY);
        assertThat(refused.reasons()).extracting(Reason::code).containsExactly("consent-not-given");
        assertThat(refused.reasons().get(0).message()).endsWith("the consent was withdrawn");

        Outcome unavailable = POLICY.decide(q, a, ConsentAnswer.unavailable("timeout"));
        assertThat(unavailable.reasons()).extracting(Reason::code).containsExactly("consent-service-unavailable");
        assertThat(POLICY.decide(q, a, null).decision())
                .as("no answer at all is never consent")
                .isEqualTo(Decision.DENY);
    }

    @Test
    void theEyesAgreementPermitsOnItsPublicTaskWithoutConsent() {
        Question q = question(
                "luton-schools",
                list("identity.name", "education.send"),
                "support-pupil-learning",
                ACTIVATED,
                "system-access");
        Assessment a = POLICY.assess(q, List.of(eyes()));
        assertThat(a.needsConsent()).isFalse();
        Outcome permit = POLICY.decide(q, a, null);
        assertThat(permit.decision()).isEqualTo(Decision.PERMIT);
        assertThat(permit.reasons())
                .filteredOn(r -> r.code().equals("consent-not-required"))
                .extracting(Reason::message)
                .containsExactly("the agreement does not rest on consent; it relies on uk-gdpr-6-1-c, uk-gdpr-6-1-e");
        assertThat(permit.obligations())
                .extracting(Obligation::description)
                .contains("Transfer only by access within a shared secure system");
    }

    @Test
    void ofSeveralAgreementsTheOneThatPermitsIsReliedOn() {
        Candidate suspended = new Candidate(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "AAA",
                1,
                AgreementState.SUSPENDED,
                Contents.eyes(),
                ACTIVATED,
                null,
                null);
        Candidate active = eyes();
        Question q = question("luton-schools", list("education.attendance"), "support-pupil-learning", ACTIVATED, null);
        Assessment a = POLICY.assess(q, List.of(suspended, active));
        assertThat(a.candidate()).isSameAs(active);
        assertThat(a.denials()).isEmpty();
    }

    private static Candidate research(AgreementState state) {
        return new Candidate(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ISA-LBC-UOB-WIMTM",
                1,
                state,
                Contents.research(),
                ACTIVATED,
                ACTIVATED,
                ACCESS_ENDS);
    }

    private static Candidate eyes() {
        return new Candidate(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ISA-LBC-LUTON-SCHOOLS-EYES",
                1,
                AgreementState.ACTIVE,
                Contents.eyes(),
                ACTIVATED.minusSeconds(3600),
                null,
                null);
    }

    private static Question question(
            String recipient, List<String> categories, String purpose, Instant at, String method) {
        return new Question(recipient, categories, purpose, at, method);
    }

    private static ConsentAnswer consented() {
        return ConsentAnswer.of(new ConsentCheckResponse(
                true,
                "what-it-means-to-me",
                RESEARCH,
                List.of(),
                RECORD,
                new ConsentCheckResponse.NoticeVersion("what-it-means-to-me", 1, "a".repeat(64)),
                "ACTIVE",
                false,
                1));
    }
}
