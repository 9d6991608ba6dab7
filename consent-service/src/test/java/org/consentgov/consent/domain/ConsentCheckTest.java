package org.consentgov.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.domain.ConsentCheck.Answer;
import org.consentgov.consent.domain.ConsentCheck.Candidate;
import org.junit.jupiter.api.Test;

class ConsentCheckTest {

    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    static final Instant T1 = Instant.parse("2026-10-10T09:00:00Z");
    static final Instant T2 = Instant.parse("2026-10-20T09:00:00Z");

    static Candidate record(
            ConsentState state,
            boolean effective,
            Instant recorded,
            Instant from,
            Instant ended,
            List<String> missing) {
        return new Candidate(
                UUID.randomUUID(),
                1,
                "a".repeat(64),
                state,
                effective,
                List.of("research"),
                missing,
                recorded,
                recorded,
                from,
                ended,
                null,
                false,
                1);
    }

    @Test
    void noRecordMeansNo() {
        Answer a = ConsentCheck.at(List.of(), "research", T1);
        assertThat(a.consented()).isFalse();
        assertThat(a.reasons()).singleElement().asString().contains("no consent");
    }

    @Test
    void anEffectiveRecordAnswersYesAndIsReliedOn() {
        Candidate c = record(ConsentState.ACTIVE, true, T0, T0, null, List.of());
        Answer a = ConsentCheck.at(List.of(c), "research", T1);
        assertThat(a.consented()).isTrue();
        assertThat(a.reliedOn()).isEqualTo(c);
    }

    @Test
    void aWithdrawnRecordCountedUntilItsWithdrawalOnly() {
        Candidate c = record(ConsentState.WITHDRAWN, false, T0, T0, T1, List.of());
        assertThat(ConsentCheck.at(List.of(c), "research", T0.plusSeconds(60)).consented())
                .isTrue();
        assertThat(ConsentCheck.at(List.of(c), "research", T1).consented()).isFalse();
        assertThat(ConsentCheck.at(List.of(c), "research", T2).reasons().get(0)).contains("withdrawn");
    }

    @Test
    void aPurposeTheRecordDoesNotCoverIsNo() {
        Answer a =
                ConsentCheck.at(List.of(record(ConsentState.ACTIVE, true, T0, T0, null, List.of())), "marketing", T1);
        assertThat(a.consented()).isFalse();
        assertThat(a.reasons().get(0)).contains("does not cover purpose marketing");
    }

    @Test
    void aMissingPartyIsNamedInTheReason() {
        Answer a = ConsentCheck.at(
                List.of(record(ConsentState.ACTIVE, false, T0, null, null, List.of("parent-or-carer"))),
                "research",
                T1);
        assertThat(a.consented()).isFalse();
        assertThat(a.reasons().get(0)).contains("parent-or-carer");
    }

    @Test
    void anInvalidatedRecordNeverCountsNotEvenInThePast() {
        Candidate c = record(ConsentState.INVALIDATED, false, T0, T0, T2, List.of());
        assertThat(ConsentCheck.at(List.of(c), "research", T1).consented()).isFalse();
    }

    @Test
    void beforeASupersedingRecordTheOlderOneAnswers() {
        Candidate old = record(ConsentState.SUPERSEDED, false, T0, T0, T1, List.of());
        Candidate now = record(ConsentState.ACTIVE, true, T1, T1, null, List.of());
        assertThat(ConsentCheck.at(List.of(now, old), "research", T0.plusSeconds(5))
                        .reliedOn())
                .isEqualTo(old);
        assertThat(ConsentCheck.at(List.of(now, old), "research", T2).reliedOn())
                .isEqualTo(now);
    }

    @Test
    void aRefusalIsNo() {
        Answer a = ConsentCheck.at(
                List.of(record(ConsentState.REFUSED, false, T0, null, null, List.of())), "research", T1);
        assertThat(a.consented()).isFalse();
        assertThat(a.reasons().get(0)).contains("refused");
    }

    @Test
    void anExpiredRecordAnswersNoFromTheFirstInstantOfItsEndEvenWhileStillActive() {
        Instant end = T1;
        Candidate c = new Candidate(
                UUID.randomUUID(),
                1,
                "a".repeat(64),
                ConsentState.ACTIVE,
                true,
                List.of("research"),
                List.of(),
                T0,
                T0,
                T0,
                null,
                end,
                false,
                1);
        assertThat(ConsentCheck.at(List.of(c), "research", end.minusSeconds(1)).consented())
                .isTrue();
        Answer expired = ConsentCheck.at(List.of(c), "research", end);
        assertThat(expired.consented()).isFalse();
        assertThat(expired.reasons().get(0)).startsWith("expired");
        assertThat(expired.reliedOn()).isEqualTo(c);
    }

    @Test
    void aRecordCountsFromTheDayItWasSignedNotFromWhenItWasKeyed() {
        Instant signed = T0;
        Instant keyed = T1;
        Candidate c = new Candidate(
                UUID.randomUUID(),
                1,
                "a".repeat(64),
                ConsentState.ACTIVE,
                true,
                List.of("research"),
                List.of(),
                keyed,
                signed,
                signed,
                null,
                null,
                false,
                1);
        assertThat(ConsentCheck.at(List.of(c), "research", signed.plusSeconds(60))
                        .consented())
                .isTrue();
        assertThat(ConsentCheck.at(List.of(c), "research", signed.minusSeconds(1))
                        .consented())
                .isFalse();
    }
}
