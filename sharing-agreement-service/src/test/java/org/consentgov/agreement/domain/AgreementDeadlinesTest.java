package org.consentgov.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.consentgov.agreement.persistence.DatedAgreement;
import org.junit.jupiter.api.Test;

class AgreementDeadlinesTest {

    /** Noon in London on 25 March 2026 (GMT; the clocks go forward on the 29th). */
    static final Instant NOW = Instant.parse("2026-03-25T12:00:00Z");

    static final LocalDate TODAY = LocalDate.of(2026, 3, 25);

    static DatedAgreement dates(
            String reference, AgreementState state, LocalDate review, Instant accessEnds, LocalDate end) {
        return new DatedAgreement(
                UUID.nameUUIDFromBytes(reference.getBytes()),
                reference,
                "Title of " + reference,
                state,
                review,
                accessEnds,
                end);
    }

    static List<String> lines(List<AgreementDeadline> deadlines) {
        return deadlines.stream()
                .map(d -> d.reference() + " " + d.kind() + " " + d.date() + " " + d.daysFromNow())
                .toList();
    }

    @Test
    void datesWithinTheLookAheadSortedByDateWithOverdueReviewsNegative() {
        List<AgreementDeadline> found = AgreementDeadlines.within(
                List.of(
                        dates("ISA-B", AgreementState.ACTIVE, TODAY.plusDays(100), null, TODAY.plusDays(10)),
                        dates(
                                "ISA-A",
                                AgreementState.SUSPENDED,
                                TODAY.minusDays(3),
                                // midnight at the start of 1 May in London (BST) is 23:00 UTC on 30 April
                                Instant.parse("2026-04-30T23:00:00Z"),
                                TODAY.plusDays(90))),
                NOW,
                90);

        assertThat(lines(found))
                .containsExactly(
                        "ISA-A REVIEW_DUE 2026-03-22 -3",
                        "ISA-B EXPIRES 2026-04-04 10",
                        "ISA-A ACCESS_WINDOW_ENDS 2026-05-01 37",
                        "ISA-A EXPIRES 2026-06-23 90");
    }

    @Test
    void endedAccessAndPassedEndDatesAreNotListedButAReviewStaysUntilDone() {
        List<AgreementDeadline> found = AgreementDeadlines.within(
                List.of(dates("ISA-C", AgreementState.ACTIVE, TODAY.minusDays(400), NOW, TODAY.minusDays(1))), NOW, 30);

        assertThat(lines(found)).containsExactly("ISA-C REVIEW_DUE 2025-02-18 -400");
    }

    @Test
    void onTheLastDayItIsStillListedAndTheDayAfterNot() {
        List<DatedAgreement> one = List.of(dates("ISA-D", AgreementState.ACTIVE, TODAY.plusDays(7), null, TODAY));

        assertThat(lines(AgreementDeadlines.within(one, NOW, 7)))
                .containsExactly("ISA-D EXPIRES 2026-03-25 0", "ISA-D REVIEW_DUE 2026-04-01 7");
        assertThat(lines(AgreementDeadlines.within(one, NOW, 6))).containsExactly("ISA-D EXPIRES 2026-03-25 0");
    }

    @Test
    void onlyAgreementsInForceHaveDeadlines() {
        for (AgreementState state : List.of(
                AgreementState.DRAFT,
                AgreementState.PENDING_SIGNATURE,
                AgreementState.EXPIRED,
                AgreementState.TERMINATED)) {
            assertThat(AgreementDeadlines.within(
                            List.of(dates("ISA-E", state, TODAY, NOW.plusSeconds(60), TODAY)), NOW, 90))
                    .isEmpty();
        }
    }

    @Test
    void theSameDayOrdersByKindThenReference() {
        List<AgreementDeadline> found = AgreementDeadlines.within(
                List.of(
                        dates("ISA-Z", AgreementState.ACTIVE, TODAY.plusDays(5), null, null),
                        dates("ISA-Y", AgreementState.ACTIVE, null, null, TODAY.plusDays(5)),
                        dates("ISA-X", AgreementState.ACTIVE, TODAY.plusDays(5), null, null)),
                NOW,
                5);

        assertThat(lines(found))
                .containsExactly(
                        "ISA-X REVIEW_DUE 2026-03-30 5", "ISA-Z REVIEW_DUE 2026-03-30 5", "ISA-Y EXPIRES 2026-03-30 5");
    }
}
