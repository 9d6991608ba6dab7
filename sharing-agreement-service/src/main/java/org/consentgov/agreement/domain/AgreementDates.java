package org.consentgov.agreement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When an agreement version is in force and when a limited recipient's access ends. Dates in agreements are
 * days in Europe/London: a start date begins at midnight there, an end date is the last whole day.
 */
public final class AgreementDates {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private AgreementDates() {}

    /** The last signature activates a version "from its start date": the later of that date and the activation. */
    public static Instant effectiveFrom(LocalDate startDate, Instant activatedAt) {
        Instant start = startOf(startDate);
        return start.isAfter(activatedAt) ? start : activatedAt;
    }

    /** The first instant after the end date, or null when the agreement has none. */
    public static Instant endsAt(LocalDate endDate) {
        return endDate == null ? null : startOf(endDate.plusDays(1));
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(LONDON).toInstant();
    }

    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, LONDON);
    }

    /** Access of {@code months} from its start: the same time of day, that many calendar months later in London. */
    public static Instant accessEnd(Instant accessStart, int months) {
        return accessStart.atZone(LONDON).plusMonths(months).toInstant();
    }
}
