package org.consentgov.consent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A notice's withdrawal rule, e.g. "within two weeks of receiving your consent form": with 14 days a form
 * received on 1 March can be withdrawn at once up to and including 15 March; later, the wish goes to the DPO.
 * A notice whose lawful basis is consent, or that sets no window, allows withdrawal at any time. Days are
 * counted in Europe/London, whatever the server's zone, because that is the calendar the family reads. Pure:
 * the caller passes the moment of the request.
 */
public record WithdrawalPolicy(LocalDate formReceivedOn, Integer days) {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public WithdrawalPolicy {
        Objects.requireNonNull(formReceivedOn, "formReceivedOn");
        if (days != null && days < 0) {
            throw new IllegalArgumentException("a withdrawal window cannot have a negative number of days");
        }
    }

    /** A window of {@code days} from the form's receipt. */
    public static WithdrawalPolicy window(LocalDate formReceivedOn, int days) {
        return new WithdrawalPolicy(formReceivedOn, days);
    }

    /** Withdrawal at once whenever it is asked for. */
    public static WithdrawalPolicy anyTime(LocalDate formReceivedOn) {
        return new WithdrawalPolicy(formReceivedOn, null);
    }

    /**
     * The policy of a notice: any time when its lawful basis is consent or it sets no window, else its window.
     */
    public static WithdrawalPolicy of(LocalDate formReceivedOn, boolean consentBasis, Integer windowDays) {
        return consentBasis || windowDays == null ? anyTime(formReceivedOn) : window(formReceivedOn, windowDays);
    }

    /** The policy a stored record holds: its last day, or none when withdrawal is allowed at any time. */
    public static WithdrawalPolicy ofRecord(LocalDate formReceivedOn, boolean anyTime, LocalDate lastDay) {
        return anyTime || lastDay == null
                ? anyTime(formReceivedOn)
                : window(formReceivedOn, (int) (lastDay.toEpochDay() - formReceivedOn.toEpochDay()));
    }

    public boolean anyTime() {
        return days == null;
    }

    /** The last London day on which a withdrawal is accepted at once (inclusive); {@code null} for any time. */
    public LocalDate lastDay() {
        return days == null ? null : formReceivedOn.plusDays(days);
    }

    /** Whether a request made at this moment falls on or before the last day, as dated in London. */
    public boolean allows(Instant requestedAt) {
        return days == null || !requestedAt.atZone(LONDON).toLocalDate().isAfter(lastDay());
    }

    /** What a withdrawal asked for at this moment leads to. */
    public WithdrawalDecision decide(Instant requestedAt) {
        return allows(requestedAt) ? WithdrawalDecision.WITHDRAWN : WithdrawalDecision.REFERRED_TO_DPO;
    }

    /** The first moment outside the window: London midnight at the start of the day after the last day. */
    public Instant closesAt() {
        return days == null ? null : lastDay().plusDays(1).atStartOfDay(LONDON).toInstant();
    }
}
