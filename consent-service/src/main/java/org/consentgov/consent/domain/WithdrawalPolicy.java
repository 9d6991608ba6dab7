package org.consentgov.consent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A notice's withdrawal rule, e.g. "within two weeks of receiving your consent form": with 14 days a form
 * received on 1 March can be withdrawn at once up to and including 15 March; later, the wish goes to the DPO.
 * The window counts from the day the notice names ({@code withdrawalWindowStartsOn}: the form's receipt, or its
 * issue) and is measured to the day the child or parent asked ({@code requestedOn}, valid time), not to the day
 * the request was keyed. A notice whose lawful basis is consent, or that sets no window, allows withdrawal at any
 * time. Days are counted in Europe/London, whatever the server's zone, because that is the calendar the family
 * reads. Pure: the caller passes the day of the request.
 */
public record WithdrawalPolicy(LocalDate startsOn, Integer days) {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public WithdrawalPolicy {
        Objects.requireNonNull(startsOn, "startsOn");
        if (days != null && days < 0) {
            throw new IllegalArgumentException("a withdrawal window cannot have a negative number of days");
        }
    }

    /** A window of {@code days} from the day it starts on (the form's receipt or issue). */
    public static WithdrawalPolicy window(LocalDate startsOn, int days) {
        return new WithdrawalPolicy(startsOn, days);
    }

    /** Withdrawal at once whenever it is asked for. */
    public static WithdrawalPolicy anyTime(LocalDate startsOn) {
        return new WithdrawalPolicy(startsOn, null);
    }

    /**
     * The policy of a notice: any time when its lawful basis is consent or it sets no window, else its window.
     */
    public static WithdrawalPolicy of(LocalDate startsOn, boolean consentBasis, Integer windowDays) {
        return consentBasis || windowDays == null ? anyTime(startsOn) : window(startsOn, windowDays);
    }

    /** The policy a stored record holds: its last day, or none when withdrawal is allowed at any time. */
    public static WithdrawalPolicy ofRecord(LocalDate startsOn, boolean anyTime, LocalDate lastDay) {
        if (anyTime || lastDay == null) {
            return anyTime(startsOn);
        }
        // a window counted from the form's issue may end before the form was received: only its last day matters
        return lastDay.isBefore(startsOn)
                ? window(lastDay, 0)
                : window(startsOn, (int) (lastDay.toEpochDay() - startsOn.toEpochDay()));
    }

    public boolean anyTime() {
        return days == null;
    }

    /** The last London day on which a withdrawal is accepted at once (inclusive); {@code null} for any time. */
    public LocalDate lastDay() {
        return days == null ? null : startsOn.plusDays(days);
    }

    /** Whether a request asked for on this London day falls on or before the last day. */
    public boolean allows(LocalDate requestedOn) {
        return days == null || !requestedOn.isAfter(lastDay());
    }

    /** Whether a request made at this moment falls on or before the last day, as dated in London. */
    public boolean allows(Instant requestedAt) {
        return allows(requestedAt.atZone(LONDON).toLocalDate());
    }

    /** What a withdrawal asked for on this London day leads to. */
    public WithdrawalDecision decide(LocalDate requestedOn) {
        return allows(requestedOn) ? WithdrawalDecision.WITHDRAWN : WithdrawalDecision.REFERRED_TO_DPO;
    }

    /** The first instant of a London day. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(LONDON).toInstant();
    }

    /** The first moment outside the window: London midnight at the start of the day after the last day. */
    public Instant closesAt() {
        return days == null ? null : lastDay().plusDays(1).atStartOfDay(LONDON).toInstant();
    }
}
