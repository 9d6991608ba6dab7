package org.consentgov.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgreementDatesTest {

    @Test
    void theLastSignatureActivatesFromTheStartDateOrFromTheSignatureIfThatIsLater() {
        Instant signed = Instant.parse("2026-05-10T14:00:00Z");
        assertThat(AgreementDates.effectiveFrom(LocalDate.of(2026, 6, 1), signed))
                .as("midnight in London, an hour before midnight UTC in summer")
                .isEqualTo(Instant.parse("2026-05-31T23:00:00Z"));
        assertThat(AgreementDates.effectiveFrom(LocalDate.of(2025, 9, 1), signed))
                .isEqualTo(signed);
    }

    @Test
    void sixMonthsOfAccessAreSixCalendarMonthsInLondonAcrossTheClockChange() {
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        assertThat(AgreementDates.accessEnd(start, 6)).isEqualTo(Instant.parse("2026-08-31T23:00:00Z"));
        assertThat(AgreementDates.day(AgreementDates.accessEnd(start, 6))).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(AgreementDates.accessEnd(Instant.parse("2026-08-31T10:00:00Z"), 6))
                .as("the end of a shorter month, same time of day in London")
                .isEqualTo(Instant.parse("2027-02-28T11:00:00Z"));
    }

    @Test
    void theEndDateIsTheLastWholeDay() {
        assertThat(AgreementDates.endsAt(LocalDate.of(2027, 1, 31))).isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));
        assertThat(AgreementDates.endsAt(LocalDate.of(2027, 7, 31))).isEqualTo(Instant.parse("2027-07-31T23:00:00Z"));
        assertThat(AgreementDates.endsAt(null)).isNull();
    }

    @Test
    void datesOverlapUnlessOneEndsBeforeTheOtherStarts() {
        LocalDate jan = LocalDate.of(2026, 1, 1);
        LocalDate jun = LocalDate.of(2026, 6, 30);
        assertThat(AgreementChecks.overlaps(jan, jun, LocalDate.of(2026, 6, 30), null))
                .isTrue();
        assertThat(AgreementChecks.overlaps(jan, jun, LocalDate.of(2026, 7, 1), null))
                .isFalse();
        assertThat(AgreementChecks.overlaps(jan, null, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 2, 1)))
                .isTrue();
        assertThat(AgreementChecks.overlaps(LocalDate.of(2030, 1, 1), null, jan, jun))
                .isFalse();
    }
}
