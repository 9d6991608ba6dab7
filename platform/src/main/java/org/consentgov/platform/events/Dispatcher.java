package org.consentgov.platform.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.consentgov.platform.events.fence.TargetFence;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox: safe to run on every replica of a service at once, against one database.
 *
 * <p>One round ({@link #dispatchOnce()}) has two steps, each in short transactions of its own:
 * <ol>
 * <li><b>Sequence and fan out.</b> Under a transaction-scoped advisory lock taken with
 * {@code pg_try_advisory_xact_lock} (a replica that does not get it skips this step), new events are claimed
 * {@code FOR UPDATE SKIP LOCKED} in writing order, given the next {@code position}s, and one PENDING
 * delivery is inserted per active subscription that wants the type ({@code ON CONFLICT DO NOTHING}). As the
 * lock is released only after the commit is visible, positions become visible in increasing order: the
 * change feed's cursor never skips an event whose transaction committed late.</li>
 * <li><b>Deliver.</b> Claim due PENDING deliveries {@code FOR UPDATE OF d SKIP LOCKED}, only the head of each
 * (subscription, aggregate) — a delivery waits while an earlier event of the same aggregate is PENDING or
 * PARKED for that subscription — and lease them: {@code next_attempt_at = now + lease} and a fresh
 * {@code claim_token}, committed at once. The HTTP calls then run outside any transaction, holding no row
 * lock; another dispatcher does not claim a leased delivery because it is not due, nor the next event of
 * that aggregate because the leased one is still undelivered. The outcome is written only where the
 * {@code claim_token} is still ours: 2xx is DELIVERED; anything else counts an attempt and sets the next one
 * by {@link RetryPolicy}, or PARKS the delivery after the last. Before each call the target is checked again by
 * the {@link TargetFence} (its name resolved afresh); a refused target is not contacted and the delivery is
 * PARKED at once with "refused by policy" as its error.</li>
 * </ol>
 * Absent crashes each event reaches each subscription once. A dispatcher that dies while sending leaves the
 * lease to expire and the delivery is sent again (at least once); receivers drop repeats by the CloudEvent
 * id. Deliveries go out in parallel; a round goes on claiming while deliveries succeed, so that a backlog for
 * one aggregate drains in one round rather than one event per round.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** The advisory lock of the sequencing step; each service has its own database, so one key is enough. */
    static final long SEQUENCING_LOCK = 0x636f6e73656e7401L;

    private static final int MAX_BATCHES = 50;

    private final AgroalDataSource dataSource;
    private final EventsConfig config;
    private final Clock clock;
    private final SubscriptionSecrets secrets;
    private final DeliveryAttempts attempts;

    @Inject
    public Dispatcher(
            AgroalDataSource dataSource,
            EventsConfig config,
            Clock clock,
            TargetFence fence,
            SubscriptionSecrets secrets) {
        this(dataSource, config, clock, new Random(), fence, secrets);
    }

    /**
     * For tests: a clock and a random source of their own make lease and backoff deterministic; the fence is the
     * configured allow-list with the JVM's resolver.
     */
    public Dispatcher(
            AgroalDataSource dataSource,
            EventsConfig config,
            Clock clock,
            RandomGenerator random,
            SubscriptionSecrets secrets) {
        this(dataSource, config, clock, random, TargetFence.of(config), secrets);
    }

    /** For tests that also bring their own fence, e.g. one whose resolver changes its answer (DNS rebinding). */
    public Dispatcher(
            AgroalDataSource dataSource,
            EventsConfig config,
            Clock clock,
            RandomGenerator random,
            TargetFence fence,
            SubscriptionSecrets secrets) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
        this.secrets = secrets;
        this.attempts = new DeliveryAttempts(dataSource, config, clock, random, fence);
    }

    @Scheduled(
            identity = "platform-events-dispatcher",
            every = "${platform.events.dispatch-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            dispatchOnce();
        } catch (RuntimeException e) {
            LOG.warnf(e, "event dispatch round failed; the next round retries");
        }
    }

    /**
     * One round: sequences and fans out new events, then delivers what is due. Returns the number of delivery
     * attempts made.
     */
    public int dispatchOnce() {
        for (int i = 0; i < MAX_BATCHES; i++) {
            if (sequence() < config.batchSize()) {
                break; // not a full batch: nothing more is waiting
            }
        }
        int attempted = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            List<Claimed> claimed = claim();
            if (claimed.isEmpty()) {
                break;
            }
            List<Outcome> outcomes = send(claimed);
            record(outcomes);
            attempted += outcomes.size();
            if (outcomes.stream().noneMatch(Outcome::delivered)) {
                break; // nothing delivered, so nothing new became the head of its aggregate
            }
        }
        return attempted;
    }

    /** Step 1: gives new events their positions and creates their deliveries. Returns how many it sequenced. */
    int sequence() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                    lock.setLong(1, SEQUENCING_LOCK);
                    try (ResultSet rs = lock.executeQuery()) {
                        if (!rs.next() || !rs.getBoolean(1)) {
                            return 0; // another replica is sequencing
                        }
                    }
                }
                List<UUID> ids = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement("""
                        SELECT id FROM outbox_event WHERE position IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                    select.setInt(1, config.batchSize());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    return 0;
                }
                List<Long> positions = new ArrayList<>();
                try (PreparedStatement next =
                        c.prepareStatement("SELECT nextval('outbox_event_position_seq') FROM generate_series(1, ?)")) {
                    next.setInt(1, ids.size());
                    try (ResultSet rs = next.executeQuery()) {
                        while (rs.next()) {
                            positions.add(rs.getLong(1));
                        }
                    }
                }
                positions.sort(null);
                OffsetDateTime now = now();
                try (PreparedStatement update =
                        c.prepareStatement("UPDATE outbox_event SET position = ?, sequenced_at = ? WHERE id = ?")) {
                    for (int i = 0; i < ids.size(); i++) {
                        update.setLong(1, positions.get(i));
                        update.setObject(2, now);
                        update.setObject(3, ids.get(i));
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                try (PreparedStatement fanOut = c.prepareStatement("""
                        INSERT INTO webhook_delivery (id, subscription_id, event_id, event_position, aggregate_type,
                                                      aggregate_id, status, attempts, next_attempt_at, created_at)
                        SELECT gen_random_uuid(), s.id, e.id, e.position, e.aggregate_type, e.aggregate_id, 'PENDING', 0, ?, ?
                        FROM outbox_event e JOIN webhook_subscription s ON s.active AND e.type = ANY (s.event_types)
                        WHERE e.id = ANY (?)
                        ON CONFLICT (subscription_id, event_id) DO NOTHING""")) {
                    fanOut.setObject(1, now);
                    fanOut.setObject(2, now);
                    fanOut.setArray(3, c.createArrayOf("uuid", ids.toArray()));
                    fanOut.executeUpdate();
                }
                return ids.size();
            }
        });
    }

    /** Step 2a: claims and leases the deliveries that may go now. */
    List<Claimed> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = now();
            UUID token = UUID.randomUUID();
            List<UUID> ids = new ArrayList<>();
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement select = c.prepareStatement("""
                        SELECT d.id FROM webhook_delivery d
                        JOIN webhook_subscription s ON s.id = d.subscription_id AND s.active
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?
                          AND NOT EXISTS (SELECT 1 FROM webhook_delivery p
                                          WHERE p.subscription_id = d.subscription_id
                                            AND p.aggregate_type = d.aggregate_type AND p.aggregate_id = d.aggregate_id
                                            AND p.event_position < d.event_position AND p.status <> 'DELIVERED')
                        ORDER BY d.next_attempt_at, d.event_position
                        LIMIT ?
                        FOR UPDATE OF d SKIP LOCKED""")) {
                    select.setObject(1, now);
                    select.setInt(2, config.batchSize());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    return List.of();
                }
                Array idArray = c.createArrayOf("uuid", ids.toArray());
                try (PreparedStatement lease = c.prepareStatement(
                        "UPDATE webhook_delivery SET next_attempt_at = ?, claim_token = ? WHERE id = ANY (?)")) {
                    lease.setObject(1, now.plus(config.lease()));
                    lease.setObject(2, token);
                    lease.setArray(3, idArray);
                    lease.executeUpdate();
                }
                List<Claimed> claimed = new ArrayList<>();
                try (PreparedStatement read = c.prepareStatement("""
                        SELECT d.id, d.attempts, s.id, s.target_url, e.id, e.position, e.aggregate_type,
                               e.aggregate_id, e.type, e.occurred_at, e.data::text
                        FROM webhook_delivery d
                        JOIN webhook_subscription s ON s.id = d.subscription_id
                        JOIN outbox_event e ON e.id = d.event_id
                        WHERE d.id = ANY (?)
                        ORDER BY d.event_position""")) {
                    read.setArray(1, idArray);
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            StoredEvent event = new StoredEvent(
                                    rs.getObject(5, UUID.class),
                                    rs.getLong(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getString(9),
                                    rs.getObject(10, OffsetDateTime.class).toInstant(),
                                    rs.getString(11));
                            claimed.add(new Claimed(
                                    rs.getObject(1, UUID.class),
                                    token,
                                    rs.getInt(2),
                                    rs.getObject(3, UUID.class),
                                    rs.getString(4),
                                    List.of(),
                                    event));
                        }
                    }
                }
                Map<UUID, List<String>> signing = secrets.signing(
                        c, claimed.stream().map(Claimed::subscriptionId).collect(Collectors.toSet()), now);
                claimed.replaceAll(d -> d.signedWith(signing.getOrDefault(d.subscriptionId(), List.of())));
                return claimed;
            }
        });
    }

    /** Step 2b: the HTTP calls, in parallel, outside any transaction. */
    List<Outcome> send(List<Claimed> claimed) {
        return attempts.send(claimed);
    }

    /** Step 2c: writes each outcome, where the lease is still ours. */
    void record(List<Outcome> outcomes) {
        attempts.record(outcomes);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    record Claimed(
            UUID id,
            UUID token,
            int attempts,
            UUID subscriptionId,
            String targetUrl,
            List<String> secrets,
            StoredEvent event) {
        Claimed signedWith(List<String> signing) {
            return new Claimed(id, token, attempts, subscriptionId, targetUrl, List.copyOf(signing), event);
        }

        /** Secrets are never part of a log line or an error message. */
        @Override
        public String toString() {
            return "Claimed[id=" + id + ", subscriptionId=" + subscriptionId + ", secrets=" + secrets.size() + "]";
        }
    }

    /** What one attempt came to; {@code refused}: the fence stopped it before any contact, so it parks at once. */
    record Outcome(Claimed delivery, Integer status, String error, boolean refused) {
        Outcome(Claimed delivery, Integer status, String error) {
            this(delivery, status, error, false);
        }

        boolean delivered() {
            return error == null && status != null;
        }
    }
}
