package org.consentgov.consent.receipts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Rotation of the receipt signing key, on demand (the DPO) or when the active key is older than
 * {@code consent.receipts.rotation-period}: retires the active key and activates a new one in one transaction, under
 * the keys' advisory lock. Retired keys stay in the JWKS for ever, and a trigger refuses to delete any key.
 */
@ApplicationScoped
public class ReceiptKeyRotation {

    /** The result of a rotation: the key that signs from now on and the one it replaced. */
    public record Rotation(String kid, String previousKid, Instant activatedAt) {}

    private static final Logger LOG = Logger.getLogger(ReceiptKeyRotation.class);

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final ReceiptConfig config;
    private final ReceiptKeyTable table;

    public ReceiptKeyRotation(AgroalDataSource dataSource, Clock clock, ReceiptConfig config, ReceiptKeys keys) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
        this.table = keys.table();
    }

    /**
     * Retires the active key and activates a new one, in the caller's transaction (or a new one). The retired key
     * stays in the JWKS.
     */
    public Rotation rotate(String actor) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                ReceiptKeyTable.lock(c);
                return rotate(c, actor);
            }
        });
    }

    /**
     * The scheduled rotation: rotates when the active key has signed for {@code rotation-period} or longer at
     * {@code now} (the clock's now on schedule; the new key's dates are the clock's). Under the advisory lock, and the
     * age is read again under it, so with several replicas exactly one rotates.
     *
     * @return the rotation, or empty when the key is not due
     */
    public Optional<Rotation> rotateIfDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                ReceiptKeyTable.lock(c);
                Instant activatedAt = ReceiptKeyTable.activatedAt(c);
                if (activatedAt != null && !due(activatedAt, config.rotationPeriod(), now)) {
                    return Optional.<Rotation>empty();
                }
                return Optional.of(rotate(c, ReceiptKeyTable.SYSTEM));
            }
        });
    }

    @Scheduled(
            identity = "consent-receipt-key-rotation",
            every = "${consent.receipts.rotation-check-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            rotateIfDue(clock.instant())
                    .ifPresent(r -> LOG.infof(
                            "rotated the receipt signing key on schedule: %s replaces %s", r.kid(), r.previousKid()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "scheduled receipt key rotation failed; the next check retries");
        }
    }

    /** The rotation rule: a key is due once it has been active for the whole period. */
    static boolean due(Instant activatedAt, Duration period, Instant now) {
        return !now.isBefore(activatedAt.plus(period));
    }

    private Rotation rotate(Connection c, String actor) throws SQLException {
        Instant now = ReceiptKeyTable.now(clock);
        SigningKey next = SigningKey.generate();
        String previous = ReceiptKeyTable.retireActive(c, now);
        table.insert(c, next, "GENERATED", now, true, actor);
        LOG.infof("receipt signing key %s retired; %s signs from now on (rotated by %s)", previous, next.kid(), actor);
        return new Rotation(next.kid(), previous, now);
    }
}
