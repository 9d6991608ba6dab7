package org.consentgov.agreement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.consentgov.agreement.persistence.DatedAgreement;

/**
 * Which dates of the agreements in force fall within the next {@code days} days of today (Europe/London), sorted by
 * date: the review due (also when already passed: an overdue review stays listed, with a negative day count, until
 * the agreement is reviewed), the end of a limited recipient's access (while it has not ended), and the last day in
 * force (from today on). Pure: the caller passes the instant and the agreements' dates.
 */
public final class AgreementDeadlines {

    /** Longest look-ahead a caller may ask for: a year, leap day included. */
    public static final int MAX_DAYS = 366;

    private static final Comparator<AgreementDeadline> ORDER = Comparator.comparing(AgreementDeadline::date)
            .thenComparing(AgreementDeadline::kind)
            .thenComparing(AgreementDeadline::reference)
            .thenComparing(AgreementDeadline::agreementId);

    private AgreementDeadlines() {}

    /** The last day within the look-ahead: today plus {@code days}. */
    public static LocalDate until(Instant now, int days) {
        return AgreementDates.day(now).plusDays(days);
    }

    /** The first instant after the look-ahead: an access that ends before it ends within it. */
    public static Instant after(Instant now, int days) {
        return AgreementDates.startOf(until(now, days).plusDays(1));
    }

    public static List<AgreementDeadline> within(List<DatedAgreement> agreements, Instant now, int days) {
        LocalDate today = AgreementDates.day(now);
        LocalDate until = today.plusDays(days);
        List<AgreementDeadline> found = new ArrayList<>();
        for (DatedAgreement a : agreements) {
            if (!a.state().inForce()) {
                continue;
            }
            if (a.nextReviewOn() != null && !a.nextReviewOn().isAfter(until)) {
                found.add(deadline(a, DeadlineKind.REVIEW_DUE, a.nextReviewOn(), today));
            }
            if (a.accessEndsAt() != null && a.accessEndsAt().isAfter(now)) {
                LocalDate day = AgreementDates.day(a.accessEndsAt());
                if (!day.isAfter(until)) {
                    found.add(deadline(a, DeadlineKind.ACCESS_WINDOW_ENDS, day, today));
                }
            }
            if (a.endDate() != null
                    && !a.endDate().isBefore(today)
                    && !a.endDate().isAfter(until)) {
                found.add(deadline(a, DeadlineKind.EXPIRES, a.endDate(), today));
            }
        }
        found.sort(ORDER);
        return List.copyOf(found);
    }

    private static AgreementDeadline deadline(DatedAgreement a, DeadlineKind kind, LocalDate date, LocalDate today) {
        return new AgreementDeadline(
                a.agreementId(), a.reference(), a.title(), a.state(), kind, date, ChronoUnit.DAYS.between(today, date));
    }
}
