package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The service's clock as the domain reads it: stored instants in microseconds, days in London. */
@ApplicationScoped
public class ConsentTime {

    private final Clock clock;

    public ConsentTime(Clock clock) {
        this.clock = clock;
    }

    /** Now, as PostgreSQL stores it, so that a value read back equals the value written. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The outbox's time of an event written now (not truncated, as the platform's Outbox writes it). */
    public Instant instant() {
        return clock.instant();
    }

    /** Today in London, the calendar the family reads. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WithdrawalPolicy.LONDON);
    }
}
