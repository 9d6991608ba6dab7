package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.platform.persistence.AdvisoryLocks;

/**
 * Moves ACTIVE records past their end ({@code expiresAt}) to EXPIRED: a history entry by {@code system} and an
 * {@code expired} event, in one transaction per batch. The check API already answers "expired" from the first
 * instant after the end whether or not this has run; this makes the state, the history, the change feed and the
 * webhooks say so. Replicas take turns through an advisory lock: the one that gets it expires the batch, the
 * others skip the round, so no record expires twice.
 */
@ApplicationScoped
public class ConsentExpiries {

    /** Any fixed number, unique within consent-service's database: the key of the expiry job's advisory lock. */
    static final long LOCK_KEY = 8_082_001L;

    /** What one batch did: whether this replica held the lock, and the records it expired. */
    public record Result(boolean ran, List<UUID> expired) {}

    private final ConsentRecordRepository records;
    private final ConsentHistory history;
    private final ConsentEventPublisher events;

    public ConsentExpiries(ConsentRecordRepository records, ConsentHistory history, ConsentEventPublisher events) {
        this.records = records;
        this.history = history;
        this.events = events;
    }

    /** Expires up to {@code batch} ACTIVE records whose end is at or before {@code now}. */
    @ActivateRequestContext
    @Transactional
    public Result expire(Instant at, int batch) {
        // as PostgreSQL stores it, so that the history entry's hash verifies when read back
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        if (!AdvisoryLocks.tryForTransaction(records.getEntityManager(), LOCK_KEY)) {
            return new Result(false, List.of());
        }
        List<UUID> expired = new ArrayList<>();
        for (ConsentRecord record : records.expiredActive(now, batch)) {
            ConsentState from = record.state;
            record.state = ConsentState.EXPIRED;
            record.effective = false;
            record.endedAt = record.expiresAt;
            history.append(
                    record,
                    "expired",
                    from,
                    ConsentState.EXPIRED,
                    "the consent's duration under the notice ran out at " + record.expiresAt,
                    history.payload().put("expiresAt", record.expiresAt.toString()),
                    now);
            expired.add(record.id);
        }
        records.flush();
        for (UUID id : expired) {
            events.expired(records.findById(id), now);
        }
        return new Result(true, expired);
    }
}
