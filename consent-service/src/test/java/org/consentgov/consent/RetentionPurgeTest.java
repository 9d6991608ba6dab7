package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.hamcrest.Matchers.containsString;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.consentgov.platform.retention.PlatformRetentionRules;
import org.consentgov.platform.retention.RetentionPurge;
import org.consentgov.platform.retention.RetentionReport;
import org.consentgov.platform.retention.RetentionRule;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The retention purge (platform/RETENTION.md) on this service's database: it deletes exactly the rows each rule
 * names once they are past their period, keeps every other row and every audit row, works in batches, and two
 * purgers on one database delete each row once between them.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class RetentionPurgeTest extends ConsentApiTestSupport {

    private static final String[] AUDIT_TABLES = {
        "subject",
        "subject_identifier",
        "consent_record",
        "consent_party",
        "consent_history",
        "withdrawal_request",
        "receipt_signing_key",
        "webhook_subscription"
    };
    private static final String TYPE = "org.consentgov.test.retention";

    @Inject
    RetentionPurge purge;

    @Inject
    Clock clock;

    @Test
    void thePurgeDeletesExactlyTheRowsThePolicyNamesAndKeepsTheRestAndEveryAuditRow() throws Exception {
        record(researchConsent(nhsNumber(), 3));
        Instant now = clock.instant();
        Instant old = now.minus(Duration.ofDays(40));
        Instant recent = now.minus(Duration.ofDays(1));
        List<UUID> gone = new ArrayList<>();
        List<UUID> kept = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            UUID active = subscription(c, true, null);
            UUID deactivatedLongAgo = subscription(c, false, old);
            UUID deactivatedYesterday = subscription(c, false, recent);

            // delivered long ago: the delivery, then its event
            UUID event = event(c, old, true);
            gone.add(event);
            gone.add(delivery(c, active, event, "DELIVERED", old));
            // delivered yesterday: the delivery stays, and keeps its old event
            event = event(c, old, true);
            kept.add(event);
            kept.add(delivery(c, active, event, "DELIVERED", recent));
            // parked on an active subscription: kept until resolved, with its event
            event = event(c, old, true);
            kept.add(event);
            kept.add(delivery(c, active, event, "PARKED", null));
            // pending on a subscription deactivated long ago: nothing will send it any more
            event = event(c, old, true);
            gone.add(event);
            gone.add(delivery(c, deactivatedLongAgo, event, "PENDING", null));
            // parked on a subscription deactivated yesterday: kept for the period
            event = event(c, old, true);
            kept.add(event);
            kept.add(delivery(c, deactivatedYesterday, event, "PARKED", null));
            gone.add(event(c, old, true)); // no subscriber: the event alone
            kept.add(event(c, recent, true)); // recent
            kept.add(event(c, old, false)); // not yet sequenced: the change feed has not shown it

            String caller = "retention-" + UUID.randomUUID();
            insert(
                    c,
                    "INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, created_at) VALUES (?, ?, ?, ?)",
                    caller,
                    "eight-days",
                    "0".repeat(64),
                    ts(now.minus(Duration.ofDays(8))));
            insert(
                    c,
                    "INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, created_at) VALUES (?, ?, ?, ?)",
                    caller,
                    "six-days",
                    "0".repeat(64),
                    ts(now.minus(Duration.ofDays(6))));

            String processedOld = "retention-" + UUID.randomUUID();
            String processedNew = "retention-" + UUID.randomUUID();
            processed(c, processedOld, now.minus(Duration.ofDays(31)));
            processed(c, processedNew, now.minus(Duration.ofDays(29)));

            Instant sixYearsAgo = now.atOffset(ZoneOffset.UTC).minusYears(6).toInstant();
            UUID accessOld = access(c, sixYearsAgo.minus(Duration.ofDays(1)));
            UUID accessNew = access(c, sixYearsAgo.plus(Duration.ofDays(1)));

            Instant twoYearsAgo = now.minus(Duration.ofDays(730));
            UUID importFinishedLongAgo = importJob(c, "COMPLETED", twoYearsAgo, twoYearsAgo);
            UUID importRunning = importJob(c, "RUNNING", twoYearsAgo, null);
            UUID importFinishedLately = importJob(c, "FAILED", twoYearsAgo, now.minus(Duration.ofDays(30)));

            Map<String, String> audit = DatabaseFingerprint.of(dataSource, AUDIT_TABLES);

            RetentionReport report = purge.purge();

            assertThat(report.rows("webhook-delivery")).isGreaterThanOrEqualTo(1);
            assertThat(report.rows("webhook-delivery-deactivated")).isGreaterThanOrEqualTo(1);
            assertThat(report.rows("outbox-event")).isGreaterThanOrEqualTo(3);
            for (UUID id : gone) {
                assertThat(exists(c, id)).as("purged: " + id).isFalse();
            }
            for (UUID id : kept) {
                assertThat(exists(c, id)).as("kept: " + id).isTrue();
            }
            assertThat(strings(c, "SELECT idempotency_key FROM idempotency_key WHERE caller = ?", caller))
                    .containsExactly("six-days");
            assertThat(strings(c, "SELECT event_id FROM processed_notice_event WHERE event_id LIKE ?", "retention-%"))
                    .contains(processedNew)
                    .doesNotContain(processedOld);
            assertThat(count(c, "subject_access_log", accessOld)).isZero();
            assertThat(count(c, "subject_access_log", accessNew)).isOne();
            assertThat(count(c, "consent_import", importFinishedLongAgo)).isZero();
            assertThat(count(c, "consent_import", importRunning)).isOne();
            assertThat(count(c, "consent_import", importFinishedLately)).isOne();
            assertThat(DatabaseFingerprint.of(dataSource, AUDIT_TABLES))
                    .as("audit tables")
                    .isEqualTo(audit);
        }

        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString(
                        "platform_retention_purged_rows_total{rule=\"outbox-event\",table=\"outbox_event\"}"))
                .body(containsString("platform_retention_batches_total{rule=\"subject-access-log\""))
                .body(containsString("platform_retention_oldest_age_seconds{rule=\"idempotency-key\""));
    }

    @Test
    void everyTableThatGrowsHasARuleAndDeliveriesGoBeforeTheirEvents() {
        List<RetentionRule> rules = purge.rules();
        assertThat(rules)
                .extracting(RetentionRule::name, RetentionRule::table, RetentionRule::period)
                .containsExactlyInAnyOrder(
                        tuple("webhook-delivery", "webhook_delivery", Period.ofDays(30)),
                        tuple("webhook-delivery-deactivated", "webhook_delivery", Period.ofDays(30)),
                        tuple("outbox-event", "outbox_event", Period.ofDays(30)),
                        tuple("idempotency-key", "idempotency_key", Period.ofDays(7)),
                        tuple("processed-notice-event", "processed_notice_event", Period.ofDays(30)),
                        tuple("subject-access-log", "subject_access_log", Period.ofYears(6)),
                        tuple("consent-import", "consent_import", Period.ofYears(1)));
        List<String> names = rules.stream().map(RetentionRule::name).toList();
        assertThat(names.indexOf("outbox-event"))
                .isGreaterThan(names.indexOf("webhook-delivery"))
                .isGreaterThan(names.indexOf("webhook-delivery-deactivated"));
    }

    @Test
    void everyColumnThePurgeSearchesByLeadsAnIndex() throws Exception {
        // the column each rule's batch and oldest-row queries look rows up by (for the outbox also "no delivery left")
        Map<String, List<String>> searchedBy = Map.of(
                "webhook-delivery", List.of("webhook_delivery.delivered_at"),
                "webhook-delivery-deactivated", List.of("webhook_delivery.subscription_id"),
                "outbox-event", List.of("outbox_event.occurred_at", "webhook_delivery.event_id"),
                "idempotency-key", List.of("idempotency_key.created_at"),
                "processed-notice-event", List.of("processed_notice_event.processed_at"),
                "subject-access-log", List.of("subject_access_log.at"),
                "consent-import", List.of("consent_import.finished_at"));
        assertThat(purge.rules())
                .extracting(RetentionRule::name)
                .containsExactlyInAnyOrderElementsOf(searchedBy.keySet());
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, List<String>> rule : searchedBy.entrySet()) {
                for (String column : rule.getValue()) {
                    assertThat(leadsAnIndex(c, column))
                            .as(rule.getKey() + ": " + column)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void fiveOldRowsInBatchesOfTwoAreThreeBatches() throws Exception {
        String caller = "retention-" + UUID.randomUUID();
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < 5; i++) {
                insert(
                        c,
                        "INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, created_at) VALUES (?, ?, ?, ?)",
                        caller,
                        "old-" + i,
                        "0".repeat(64),
                        ts(now.minus(Duration.ofDays(8 + i))));
            }
            insert(
                    c,
                    "INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, created_at) VALUES (?, ?, ?, ?)",
                    caller,
                    "new",
                    "0".repeat(64),
                    ts(now));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            RetentionPurge inBatchesOfTwo = new RetentionPurge(dataSource, List.of(keysOf(caller)), clock, registry, 2);

            RetentionReport report = inBatchesOfTwo.purge();

            assertThat(report.rows("idempotency-key")).isEqualTo(5);
            assertThat(report.batches("idempotency-key")).isEqualTo(3);
            assertThat(registry.get("platform.retention.batches").counter().count())
                    .isEqualTo(3.0);
            assertThat(registry.get("platform.retention.purged").counter().count())
                    .isEqualTo(5.0);
            assertThat(strings(c, "SELECT idempotency_key FROM idempotency_key WHERE caller = ?", caller))
                    .containsExactly("new");
        }
    }

    @Test
    void twoPurgersOnOneDatabaseDeleteEachRowOnceBetweenThem() throws Exception {
        String actor = "retention-" + UUID.randomUUID();
        Instant old = clock.instant().atOffset(ZoneOffset.UTC).minusYears(7).toInstant();
        int rows = 60;
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < rows; i++) {
                access(c, actor, old.plusSeconds(i));
            }
            access(c, actor, clock.instant());
        }
        RetentionRule rule = RetentionRule.olderThan(
                "subject-access-log", "subject_access_log", "at", "t.actor = '" + actor + "'", Period.ofYears(6));
        List<RetentionPurge> purgers = List.of(
                new RetentionPurge(dataSource, List.of(rule), clock, new SimpleMeterRegistry(), 3),
                new RetentionPurge(dataSource, List.of(rule), clock, new SimpleMeterRegistry(), 3));
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<RetentionReport>> runs = new ArrayList<>();
            for (RetentionPurge purger : purgers) {
                runs.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return purger.purge();
                }));
            }
            ready.await();
            go.countDown();
            long deleted = 0;
            for (Future<RetentionReport> run : runs) {
                deleted += run.get().rows("subject-access-log");
            }
            assertThat(deleted).isEqualTo(rows);
        } finally {
            threads.shutdownNow();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement select =
                        c.prepareStatement("SELECT count(*) FROM subject_access_log WHERE actor = ?")) {
            select.setString(1, actor);
            try (ResultSet left = select.executeQuery()) {
                left.next();
                assertThat(left.getInt(1)).as("the recent row").isOne();
            }
        }
    }

    @Test
    void outsideThePurgeAccessLogRowsAndSequencedEventsCannotBeDeleted() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            UUID access = access(c, Instant.parse("2001-01-01T00:00:00Z"));
            UUID event = event(c, Instant.parse("2001-01-01T00:00:00Z"), true);
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM subject_access_log WHERE id = '" + access + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() ->
                            s.executeUpdate("UPDATE subject_access_log SET actor = 'x' WHERE id = '" + access + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM outbox_event WHERE id = '" + event + "'"))
                    .hasMessageContaining("append-only");
            assertThat(count(c, "subject_access_log", access)).isOne();
            assertThat(exists(c, event)).isTrue();
        }
    }

    private static boolean leadsAnIndex(Connection c, String tableDotColumn) throws SQLException {
        String[] name = tableDotColumn.split("\\.");
        try (PreparedStatement select = c.prepareStatement("""
                SELECT count(*) FROM pg_index i
                JOIN pg_class t ON t.oid = i.indrelid
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
                WHERE t.relname = ? AND a.attname = ?""")) {
            select.setString(1, name[0]);
            select.setString(2, name[1]);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }

    private static RetentionRule keysOf(String caller) {
        RetentionRule keys = PlatformRetentionRules.IDEMPOTENCY_KEYS;
        return RetentionRule.olderThan(
                keys.name(), keys.table(), "created_at", "t.caller = '" + caller + "'", keys.period());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    private static UUID subscription(Connection c, boolean active, Instant deactivatedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        insert(
                c,
                """
                INSERT INTO webhook_subscription (id, target_url, event_types, secret, created_by, created_at, active,
                    deactivated_by, deactivated_at)
                VALUES (?, 'http://127.0.0.1:9/retention', ARRAY[?], ?, 'retention-test', now(), ?, ?, ?)""",
                id,
                TYPE,
                "s".repeat(32),
                active,
                active ? null : "retention-test",
                deactivatedAt == null ? null : ts(deactivatedAt));
        return id;
    }

    private static UUID event(Connection c, Instant occurredAt, boolean sequenced) throws SQLException {
        UUID id = UUID.randomUUID();
        insert(
                c,
                "INSERT INTO outbox_event (id, position, aggregate_type, aggregate_id, type, occurred_at, data, sequenced_at)"
                        + " VALUES (?, " + (sequenced ? "nextval('outbox_event_position_seq')" : "NULL")
                        + ", 'retention', ?, ?, ?, '{}'::jsonb, ?)",
                id,
                id.toString(),
                // an unsequenced event goes to no subscriber when another test's dispatcher sequences it
                sequenced ? TYPE : TYPE + ".unsubscribed",
                ts(occurredAt),
                sequenced ? ts(occurredAt) : null);
        return id;
    }

    private static UUID delivery(Connection c, UUID subscription, UUID event, String status, Instant deliveredAt)
            throws SQLException {
        UUID id = UUID.randomUUID();
        insert(c, """
                INSERT INTO webhook_delivery (id, subscription_id, event_id, event_position, aggregate_type, aggregate_id,
                    status, attempts, next_attempt_at, delivered_at, created_at)
                SELECT ?, ?, e.id, e.position, e.aggregate_type, e.aggregate_id, ?, 1, 'infinity', ?, e.occurred_at
                FROM outbox_event e WHERE e.id = ?""", id, subscription, status, deliveredAt == null ? null : ts(deliveredAt), event);
        return id;
    }

    private static void processed(Connection c, String eventId, Instant at) throws SQLException {
        insert(
                c,
                "INSERT INTO processed_notice_event (event_id, type, processed_at, records_flagged) VALUES (?, ?, ?, 0)",
                eventId,
                "org.consentgov.notice.published",
                ts(at));
    }

    private static UUID access(Connection c, Instant at) throws SQLException {
        return access(c, "retention-test", at);
    }

    private static UUID access(Connection c, String actor, Instant at) throws SQLException {
        UUID id = UUID.randomUUID();
        insert(
                c,
                "INSERT INTO subject_access_log (id, subject_id, actor, action, at) VALUES (?, ?, ?, 'read', ?)",
                id,
                UUID.randomUUID(),
                actor,
                ts(at));
        return id;
    }

    private static UUID importJob(Connection c, String state, Instant startedAt, Instant finishedAt)
            throws SQLException {
        UUID id = UUID.randomUUID();
        insert(
                c,
                """
                INSERT INTO consent_import (id, created_by, state, started_at, updated_at, finished_at)
                VALUES (?, 'retention-test', ?, ?, ?, ?)""",
                id,
                state,
                ts(startedAt),
                ts(finishedAt == null ? startedAt : finishedAt),
                finishedAt == null ? null : ts(finishedAt));
        return id;
    }

    /** Whether an outbox event or webhook delivery with this id is still stored. */
    private static boolean exists(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT (SELECT count(*) FROM outbox_event WHERE id = ?) + (SELECT count(*) FROM webhook_delivery WHERE id = ?)")) {
            select.setObject(1, id);
            select.setObject(2, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }

    private static long count(Connection c, String table, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static List<String> strings(Connection c, String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
        }
        return values;
    }
}
