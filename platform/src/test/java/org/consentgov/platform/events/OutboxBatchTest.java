package org.consentgov.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.platform.testing.MutableClock;
import org.consentgov.platform.testing.PlatformDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutboxBatchTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:15:30.123456789Z");

    private static PlatformDatabase database;
    private static Outbox outbox;

    @BeforeAll
    static void database() {
        database = PlatformDatabase.recreate("platform_outbox_batch");
        outbox = new Outbox(database.dataSource(), new ObjectMapper(), new MutableClock(NOW));
    }

    @Test
    void aBatchWritesTheRowsPublishWritesOneAtATime() throws SQLException {
        String aggregate = UUID.randomUUID().toString();
        Map<String, Object> data = Map.of("recordId", aggregate, "purposes", List.of("care", "health"));
        UUID published = outbox.publish("consent", aggregate, "org.consentgov.consent.given", data);
        Outbox.NewEvent batched = outbox.event("consent", aggregate, "org.consentgov.consent.given", data);
        try (Connection connection = database.connect()) {
            outbox.appendAll(connection, List.of(batched));
        }

        List<String> publishedRow = row(published);
        assertThat(row(batched.id())).isEqualTo(publishedRow);
        assertThat(publishedRow)
                .containsExactly(
                        "consent",
                        aggregate,
                        "org.consentgov.consent.given",
                        NOW.truncatedTo(ChronoUnit.MICROS).toString(),
                        "{\"purposes\": [\"care\", \"health\"], \"recordId\": \"" + aggregate + "\"}");
    }

    @Test
    void aBatchKeepsTheOrderOfItsEventsInTheWritingSequence() throws SQLException {
        List<Outbox.NewEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(outbox.event("consent", "r" + i, "org.consentgov.consent.refused", Map.of("n", i)));
        }
        try (Connection connection = database.connect()) {
            outbox.appendAll(connection, events);
        }

        List<UUID> inSeqOrder = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement select =
                        connection.prepareStatement("SELECT id FROM outbox_event WHERE id = ANY (?) ORDER BY seq")) {
            select.setArray(
                    1,
                    connection.createArrayOf(
                            "uuid", events.stream().map(Outbox.NewEvent::id).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    inSeqOrder.add(rs.getObject(1, UUID.class));
                }
            }
        }
        assertThat(inSeqOrder)
                .containsExactlyElementsOf(
                        events.stream().map(Outbox.NewEvent::id).toList());
    }

    @Test
    void anEmptyBatchWritesNothing() throws SQLException {
        try (Connection connection = database.connect()) {
            outbox.appendAll(connection, List.of());
        }
    }

    @Test
    void anEventTypeThatIsNotReverseDnsIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> outbox.event("consent", "r", "ConsentGiven", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> row(UUID id) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT aggregate_type, aggregate_id, type,
                               to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), data::text
                        FROM outbox_event WHERE id = ?""")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("event " + id + " stored").isTrue();
                List<String> out = new ArrayList<>();
                for (int c = 1; c <= 5; c++) {
                    out.add(rs.getString(c));
                }
                return out;
            }
        }
    }
}
