package org.consentgov.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;
import org.junit.jupiter.api.Test;

class WithdrawalPolicyTest {

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime)
                .atZone(WithdrawalPolicy.LONDON)
                .toInstant();
    }

    // --- "within two weeks of receiving your consent form" ---

    @Test
    void formReceivedOnFirstMarchCanBeWithdrawnUpToAndIncludingFifteenthMarch() {
        WithdrawalPolicy window = WithdrawalPolicy.window(LocalDate.of(2026, 3, 1), 14);
        assertThat(window.lastDay()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(window.allows(london("2026-03-01T09:00:00"))).isTrue();
        assertThat(window.allows(london("2026-03-15T23:59:59"))).isTrue();
    }

    @Test
    void withdrawalOnDaySixteenAtMidnightLondonIsRefused() {
        WithdrawalPolicy window = WithdrawalPolicy.window(LocalDate.of(2026, 3, 1), 14);
        assertThat(window.allows(london("2026-03-16T00:00:00"))).isFalse();
        assertThat(window.closesAt()).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
    }

    @Test
    void aRequestBeforeTheFormWasReceivedIsStillInsideTheWindow() {
        assertThat(WithdrawalPolicy.window(LocalDate.of(2026, 3, 1), 14).allows(london("2026-02-20T12:00:00")))
                .isTrue();
    }

    @Test
    void zeroDaysMeansTheDayTheFormWasReceived() {
        WithdrawalPolicy window = WithdrawalPolicy.window(LocalDate.of(2026, 3, 1), 0);
        assertThat(window.lastDay()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(window.allows(london("2026-03-01T23:59:59"))).isTrue();
        assertThat(window.allows(london("2026-03-02T00:00:00"))).isFalse();
    }

    @Test
    void negativeDaysOrNoReceivedDateAreRefused() {
        assertThatThrownBy(() -> WithdrawalPolicy.window(LocalDate.of(2026, 3, 1), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WithdrawalPolicy.window(null, 14)).isInstanceOf(NullPointerException.class);
    }

    // --- clock changes: in BST 23:30 UTC is already 00:30 the next day in London ---

    @Test
    void inSummerTime2330UtcOnTheLastDayIsAlreadyTheNextLondonDayAndRefused() {
        // received 1 April 2026 (BST) -> last day 15 April
        WithdrawalPolicy window = WithdrawalPolicy.window(LocalDate.of(2026, 4, 1), 14);
        assertThat(window.allows(Instant.parse("2026-04-15T22:59:59Z"))).isTrue();
        assertThat(window.allows(Instant.parse("2026-04-15T23:30:00Z"))).isFalse();
        assertThat(window.closesAt()).isEqualTo(Instant.parse("2026-04-15T23:00:00Z"));
    }

    @Test
    void inWinterTime2330UtcOnTheLastDayIsStillThatLondonDayAndAllowed() {
        WithdrawalPolicy window = WithdrawalPolicy.window(LocalDate.of(2026, 1, 1), 14);
        assertThat(window.allows(Instant.parse("2026-01-15T23:30:00Z"))).isTrue();
        assertThat(window.closesAt()).isEqualTo(Instant.parse("2026-01-16T00:00:00Z"));
    }

    @Test
    void windowEndingTheSaturdayBeforeBstStartsClosesAtGmtMidnight() {
        // BST starts Sunday 29 March 2026 at 01:00 GMT
        WithdrawalPolicy window = WithdrawalPolicy.window(LocalDate.of(2026, 3, 14), 14);
        assertThat(window.lastDay()).isEqualTo(LocalDate.of(2026, 3, 28));
        assertThat(window.allows(Instant.parse("2026-03-28T23:30:00Z"))).isTrue();
        assertThat(window.closesAt()).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
        assertThat(window.allows(Instant.parse("2026-03-29T00:00:00Z"))).isFalse();
    }

    @Test
    void windowEndingOnTheDayBstStartsClosesAtBstMidnightAnHourEarlierInUtc() {
        WithdrawalPolicy window = WithdrawalPolicy.window(LocalDate.of(2026, 3, 15), 14);
        assertThat(window.lastDay()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(window.allows(Instant.parse("2026-03-29T22:59:59Z"))).isTrue();
        assertThat(window.allows(Instant.parse("2026-03-29T23:30:00Z"))).isFalse();
        assertThat(window.closesAt()).isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));
    }

    @Test
    void windowEndingTheSaturdayBeforeBstEndsClosesAtBstMidnight() {
        // BST ends Sunday 25 October 2026 at 02:00 BST
        WithdrawalPolicy window = WithdrawalPolicy.window(LocalDate.of(2026, 10, 10), 14);
        assertThat(window.lastDay()).isEqualTo(LocalDate.of(2026, 10, 24));
        assertThat(window.allows(Instant.parse("2026-10-24T22:59:59Z"))).isTrue();
        assertThat(window.allows(Instant.parse("2026-10-24T23:30:00Z"))).isFalse();
        assertThat(window.closesAt()).isEqualTo(Instant.parse("2026-10-24T23:00:00Z"));
    }

    @Test
    void windowEndingOnTheDayBstEndsLastsTheWholeTwentyFiveHourDay() {
        WithdrawalPolicy window = WithdrawalPolicy.window(LocalDate.of(2026, 10, 11), 14);
        assertThat(window.lastDay()).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(window.allows(Instant.parse("2026-10-25T23:30:00Z"))).isTrue();
        assertThat(window.allows(Instant.parse("2026-10-25T23:59:59Z"))).isTrue();
        assertThat(window.closesAt()).isEqualTo(Instant.parse("2026-10-26T00:00:00Z"));
        assertThat(window.allows(Instant.parse("2026-10-26T00:00:00Z"))).isFalse();
    }

    // --- calendar edges ---

    @Test
    void windowRunsAcrossTheEndOfJanuary() {
        assertThat(WithdrawalPolicy.window(LocalDate.of(2026, 1, 31), 14).lastDay())
                .isEqualTo(LocalDate.of(2026, 2, 14));
    }

    @Test
    void windowEndsOnTwentyNinthFebruaryInALeapYear() {
        WithdrawalPolicy window = WithdrawalPolicy.window(LocalDate.of(2028, 2, 15), 14);
        assertThat(window.lastDay()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(window.allows(london("2028-02-29T23:59:59"))).isTrue();
        assertThat(window.allows(london("2028-03-01T00:00:00"))).isFalse();
    }

    @Test
    void windowEndsOnFirstMarchInACommonYear() {
        assertThat(WithdrawalPolicy.window(LocalDate.of(2027, 2, 15), 14).lastDay())
                .isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void windowRunsAcrossTheNewYear() {
        assertThat(WithdrawalPolicy.window(LocalDate.of(2026, 12, 25), 14).lastDay())
                .isEqualTo(LocalDate.of(2027, 1, 8));
    }

    // --- properties ---

    @Property
    void startOfTheLastDayIsAllowed(
            @ForAll @DateRange(min = "2000-01-01", max = "2100-12-31") LocalDate received,
            @ForAll @IntRange(min = 1, max = 60) int days) {
        WithdrawalPolicy window = WithdrawalPolicy.window(received, days);
        assertThat(window.allows(
                        window.lastDay().atStartOfDay(WithdrawalPolicy.LONDON).toInstant()))
                .isTrue();
    }

    @Property
    void closingMomentIsRefusedAndTheSecondBeforeIsAllowed(
            @ForAll @DateRange(min = "2000-01-01", max = "2100-12-31") LocalDate received,
            @ForAll @IntRange(min = 1, max = 60) int days) {
        WithdrawalPolicy window = WithdrawalPolicy.window(received, days);
        assertThat(window.allows(window.closesAt())).isFalse();
        assertThat(window.allows(window.closesAt().minusSeconds(1))).isTrue();
    }

    @Property
    void closesAtIsAlwaysLondonMidnightAfterTheLastDay(
            @ForAll @DateRange(min = "2000-01-01", max = "2100-12-31") LocalDate received,
            @ForAll @IntRange(min = 1, max = 60) int days) {
        assertLondonMidnightAfterLastDay(WithdrawalPolicy.window(received, days));
    }

    @Property
    void windowsEndingOnClockChangeDaysCloseAtLondonMidnight(
            @ForAll @IntRange(min = 2000, max = 2100) int year,
            @ForAll @IntRange(min = 1, max = 60) int days,
            @ForAll boolean spring) {
        LocalDate changeDay = LocalDate.of(year, spring ? Month.MARCH : Month.OCTOBER, 1)
                .with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        WithdrawalPolicy window = WithdrawalPolicy.window(changeDay.minusDays(days), days);
        assertThat(window.lastDay()).isEqualTo(changeDay);
        assertLondonMidnightAfterLastDay(window);
        // the clock-change day is 23 hours long in spring and 25 in autumn, and the window covers all of it
        Instant opens = changeDay.atStartOfDay(WithdrawalPolicy.LONDON).toInstant();
        assertThat(Duration.between(opens, window.closesAt())).isEqualTo(Duration.ofHours(spring ? 23 : 25));
    }

    // --- the decision: withdrawn at once, or referred to the DPO ---

    @Test
    void aRequestMadeOnDayThirteenAndKeyedOnDayFifteenIsDecidedByItsOwnDay() {
        WithdrawalPolicy policy = WithdrawalPolicy.window(LocalDate.of(2026, 3, 1), 14);
        assertThat(policy.decide(LocalDate.of(2026, 3, 14))).isEqualTo(WithdrawalDecision.WITHDRAWN);
        assertThat(policy.decide(LocalDate.of(2026, 3, 15))).isEqualTo(WithdrawalDecision.WITHDRAWN);
        assertThat(policy.decide(LocalDate.of(2026, 3, 16))).isEqualTo(WithdrawalDecision.REFERRED_TO_DPO);
    }

    @Test
    void aWindowCountedFromTheFormsIssueEndsThatManyDaysAfterIssue() {
        WithdrawalPolicy fromIssue = WithdrawalPolicy.of(LocalDate.of(2026, 2, 24), false, 14);
        assertThat(fromIssue.lastDay()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(fromIssue.decide(LocalDate.of(2026, 3, 11))).isEqualTo(WithdrawalDecision.REFERRED_TO_DPO);
    }

    @Test
    void withdrawalOnDayFifteenIsWithdrawnAtOnceAndOnDaySixteenReferredToDpo() {
        WithdrawalPolicy policy = WithdrawalPolicy.window(LocalDate.of(2026, 3, 1), 14);
        assertThat(policy.decide(london("2026-03-15T23:59:59")
                        .atZone(WithdrawalPolicy.LONDON)
                        .toLocalDate()))
                .isEqualTo(WithdrawalDecision.WITHDRAWN);
        assertThat(policy.decide(london("2026-03-16T00:00:00")
                        .atZone(WithdrawalPolicy.LONDON)
                        .toLocalDate()))
                .isEqualTo(WithdrawalDecision.REFERRED_TO_DPO);
    }

    @Test
    void consentAsLawfulBasisAllowsWithdrawalAtAnyTimeWhateverTheWindow() {
        WithdrawalPolicy policy = WithdrawalPolicy.of(LocalDate.of(2026, 3, 1), true, 14);
        assertThat(policy.anyTime()).isTrue();
        assertThat(policy.lastDay()).isNull();
        assertThat(policy.closesAt()).isNull();
        assertThat(policy.decide(london("2030-01-01T12:00:00")
                        .atZone(WithdrawalPolicy.LONDON)
                        .toLocalDate()))
                .isEqualTo(WithdrawalDecision.WITHDRAWN);
    }

    @Test
    void aNoticeWithoutAWindowAllowsWithdrawalAtAnyTime() {
        WithdrawalPolicy policy = WithdrawalPolicy.of(LocalDate.of(2026, 3, 1), false, null);
        assertThat(policy.anyTime()).isTrue();
        assertThat(policy.decide(london("2030-01-01T12:00:00")
                        .atZone(WithdrawalPolicy.LONDON)
                        .toLocalDate()))
                .isEqualTo(WithdrawalDecision.WITHDRAWN);
    }

    @Test
    void aNoticeWithAWindowAndAnotherLawfulBasisUsesTheWindow() {
        WithdrawalPolicy policy = WithdrawalPolicy.of(LocalDate.of(2026, 3, 1), false, 14);
        assertThat(policy.anyTime()).isFalse();
        assertThat(policy.lastDay()).isEqualTo(LocalDate.of(2026, 3, 15));
    }

    @Test
    void aStoredRecordsPolicyIsRebuiltFromItsLastDay() {
        WithdrawalPolicy policy = WithdrawalPolicy.ofRecord(LocalDate.of(2026, 3, 1), false, LocalDate.of(2026, 3, 15));
        assertThat(policy).isEqualTo(WithdrawalPolicy.window(LocalDate.of(2026, 3, 1), 14));
        assertThat(WithdrawalPolicy.ofRecord(LocalDate.of(2026, 3, 1), true, null)
                        .anyTime())
                .isTrue();
    }

    @Property
    void aStoredWindowDecidesAsTheNoticesWindowDid(
            @ForAll @DateRange(min = "2000-01-01", max = "2100-12-31") LocalDate received,
            @ForAll @IntRange(min = 0, max = 60) int days,
            @ForAll @IntRange(min = -5, max = 70) int requestDay) {
        WithdrawalPolicy fromNotice = WithdrawalPolicy.of(received, false, days);
        WithdrawalPolicy fromRecord = WithdrawalPolicy.ofRecord(received, false, fromNotice.lastDay());
        LocalDate at = received.plusDays(requestDay);
        assertThat(fromRecord.decide(at)).isEqualTo(fromNotice.decide(at));
        assertThat(fromRecord.decide(at))
                .isEqualTo(requestDay <= days ? WithdrawalDecision.WITHDRAWN : WithdrawalDecision.REFERRED_TO_DPO);
    }

    private static void assertLondonMidnightAfterLastDay(WithdrawalPolicy window) {
        ZonedDateTime closes = window.closesAt().atZone(WithdrawalPolicy.LONDON);
        assertThat(closes.toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(closes.toLocalDate()).isEqualTo(window.lastDay().plusDays(1));
    }
}
