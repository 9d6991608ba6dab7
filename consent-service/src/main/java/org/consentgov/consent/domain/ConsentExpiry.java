package org.consentgov.consent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * How long a consent lasts, from the notice's {@code consentDuration} (an ISO-8601 period): the last day it
 * counts is the day the form was signed plus the period (inclusive, like the withdrawal window), and it stops
 * counting at the start of the next London day. A form signed on 3 March 2026 under {@code P1Y} counts up to and
 * including 3 March 2027 and expires at midnight starting 4 March 2027, Europe/London. Pure.
 */
public final class ConsentExpiry {

    private ConsentExpiry() {}

    /** The first instant the consent no longer counts; {@code null} when the notice sets no duration. */
    public static Instant expiresAt(LocalDate givenOn, String consentDuration) {
        LocalDate last = lastDay(givenOn, consentDuration);
        return last == null ? null : WithdrawalPolicy.startOf(last.plusDays(1));
    }

    /** The last London day the consent counts; {@code null} when the notice sets no (valid) duration. */
    public static LocalDate lastDay(LocalDate givenOn, String consentDuration) {
        if (consentDuration == null) {
            return null;
        }
        try {
            Period period = Period.parse(consentDuration);
            return period.isNegative() || period.isZero() ? null : givenOn.plus(period);
        } catch (DateTimeParseException e) {
            // notice-service refuses such a duration; an older notice without one is read as no end
            return null;
        }
    }
}
