package org.consentgov.consent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A notice's withdrawal window, e.g. "within two weeks of receiving your consent form": with 14 days a
 * form received on 1 March can be withdrawn at once up to and including 15 March. Days are counted in
 * Europe/London, whatever the server's zone, because that is the calendar the family reads. Pure: the
 * caller passes the moment of the request.
 */
public record WithdrawalWindow(LocalDate formReceivedOn, int days) {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public WithdrawalWindow {
        Objects.requireNonNull(formReceivedOn, "formReceivedOn");
        if (days < 0) {
            throw new IllegalArgumentException("a withdrawal window cannot have a negative number of days");
        }
    }

    public static WithdrawalWindow of(LocalDate formReceivedOn, int days) {
        return new WithdrawalWindow(formReceivedOn, days);
    }

    /** The last London day on which a withdrawal is accepted at once (inclusive). */
    public LocalDate lastDay() {
        return formReceivedOn.plusDays(days);
    }

    /** Whether a request made at this moment falls on or before the last day, as dated in London. */
    public boolean allows(Instant requestedAt) {
        return !requestedAt.atZone(LONDON).toLocalDate().isAfter(lastDay());
    }

    /** The first moment outside the window: London midnight at the start of the day after the last day. */
    public Instant closesAt() {
        return lastDay().plusDays(1).atStartOfDay(LONDON).toInstant();
    }
}
