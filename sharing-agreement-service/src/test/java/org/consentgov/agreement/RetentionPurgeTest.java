package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
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
import java.util.Map;
import java.util.UUID;
import org.consentgov.platform.retention.RetentionPurge;
import org.consentgov.platform.retention.RetentionRule;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The retention purge (platform/RETENTION.md) on this service's database: processed notice events and access-log rows
 * past their period go; newer ones, agreements and their history, signatures, events, decisions and disclosures stay;
 * the access log stays append-only for everyone but the purge.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RetentionPurgeTest {

    private static final String[] AUDIT_TABLES = {
        "organisation",
        "agreement",
        "agreement_version",
        "agreement_party",
        "agreement_signature",
        "agreement_history",
        "agreement_event",
        "sharing_decision",
        "disclosure"
    };

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RetentionPurge purge;

    @Inject
    Clock clock;

    @Test
    void thePurgeDeletesOldProcessedEventsAndAccessRowsAndNothingAnAuditReliesOn() throws Exception {
        AgreementTestData.active(AgreementTestData.parties());
        Instant now = clock.instant();
        Instant sixYearsAgo = now.atOffset(ZoneOffset.UTC).minusYears(6).toInstant();
        String processedOld = "retention-" + UUID.randomUUID();
        String processedNew = "retention-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            processed(c, processedOld, now.minus(Duration.ofDays(31)));
            processed(c, processedNew, now.minus(Duration.ofDays(29)));
            UUID accessOld = access(c, sixYearsAgo.minus(Duration.ofDays(1)));
            UUID accessNew = access(c, sixYearsAgo.plus(Duration.ofDays(1)));
            Map<String, String> audit = DatabaseFingerprint.of(dataSource, AUDIT_TABLES);
            assertThat(audit.get("agreement_history")).doesNotStartWith("0:");

            purge.purge();

            assertThat(count(c, "processed_notice_event", "event_id", processedOld))
                    .isZero();
            assertThat(count(c, "processed_notice_event", "event_id", processedNew))
                    .isOne();
            assertThat(count(c, "subject_access_log", "id", accessOld)).isZero();
            assertThat(count(c, "subject_access_log", "id", accessNew)).isOne();
            assertThat(DatabaseFingerprint.of(dataSource, AUDIT_TABLES))
                    .as("audit tables")
                    .isEqualTo(audit);
        }
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(
                        containsString(
                                "platform_retention_purged_rows_total{rule=\"subject-access-log\",table=\"subject_access_log\"}"))
                .body(containsString("platform_retention_oldest_age_seconds{rule=\"processed-notice-event\""));
    }

    @Test
    void theServiceNamesItsOwnTablesBesideThePlatforms() {
        assertThat(purge.rules())
                .extracting(RetentionRule::name, RetentionRule::table, RetentionRule::period)
                .contains(
                        tuple("processed-notice-event", "processed_notice_event", Period.ofDays(30)),
                        tuple("subject-access-log", "subject_access_log", Period.ofYears(6)),
                        tuple("outbox-event", "outbox_event", Period.ofDays(30)))
                .extracting(t -> (String) t.toArray()[1])
                .doesNotContain(AUDIT_TABLES);
    }

    @Test
    void outsideThePurgeAnAccessRowCannotBeChangedOrDeleted() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            UUID access = access(c, Instant.parse("2001-01-01T00:00:00Z"));
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM subject_access_log WHERE id = '" + access + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate(
                            "UPDATE subject_access_log SET actor = 'someone-else' WHERE id = '" + access + "'"))
                    .hasMessageContaining("append-only");
            assertThat(count(c, "subject_access_log", "id", access)).isOne();
        }
    }

    private static void processed(Connection c, String eventId, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO processed_notice_event (event_id, type, processed_at, records_flagged) VALUES (?, ?, ?, 0)")) {
            insert.setString(1, eventId);
            insert.setString(2, "org.consentgov.notice.published");
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    private static UUID access(Connection c, Instant at) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO subject_access_log (id, subject_system, subject_value, actor, action, at)
                VALUES (?, 'nhs-number', ?, 'retention-test', 'read-decisions', ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, AgreementTestData.nhsNumber());
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        }
        return id;
    }

    private static long count(Connection c, String table, String column, Object value) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")) {
            select.setObject(1, value);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
