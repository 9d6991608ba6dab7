package org.consentgov.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ConsentExpiryTest {

    @Test
    void aYearFromTheDayTheFormWasSignedIncludesTheAnniversaryAndEndsAtLondonMidnightAfterIt() {
        assertThat(ConsentExpiry.lastDay(LocalDate.of(2026, 3, 3), "P1Y")).isEqualTo(LocalDate.of(2027, 3, 3));
        // 4 March 2027 is GMT: midnight in London is midnight UTC
        assertThat(ConsentExpiry.expiresAt(LocalDate.of(2026, 3, 3), "P1Y"))
                .isEqualTo(Instant.parse("2027-03-04T00:00:00Z"));
        // 2 July 2027 is BST: midnight in London is 23:00 UTC the day before
        assertThat(ConsentExpiry.expiresAt(LocalDate.of(2027, 1, 1), "P6M"))
                .isEqualTo(Instant.parse("2027-07-01T23:00:00Z"));
    }

    @Test
    void noDurationOrAnUnusableOneMeansNoEnd() {
        assertThat(ConsentExpiry.expiresAt(LocalDate.of(2026, 3, 3), null)).isNull();
        assertThat(ConsentExpiry.expiresAt(LocalDate.of(2026, 3, 3), "P0D")).isNull();
        assertThat(ConsentExpiry.expiresAt(LocalDate.of(2026, 3, 3), "forever")).isNull();
    }

    @Test
    void theEndOfAMonthRollsBackToTheLastDayOfAShorterMonth() {
        assertThat(ConsentExpiry.lastDay(LocalDate.of(2026, 8, 31), "P6M")).isEqualTo(LocalDate.of(2027, 2, 28));
    }
}
