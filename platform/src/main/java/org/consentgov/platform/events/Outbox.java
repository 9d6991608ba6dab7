package org.consentgov.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a service writes its domain events: a row of {@code outbox_event} inserted through the connection of
 * the caller's transaction, which must exist ({@code MANDATORY}), so that the event exists if and only if the
 * change it reports commits. The {@link Dispatcher} sequences and delivers it afterwards.
 *
 * <p>A writer that records many changes on its own JDBC connection (a bulk import) makes each event with
 * {@link #event} when its change is decided and appends them all with {@link #appendAll}: the same rows as
 * {@link #publish} one at a time, in one batch.
 *
 * <p>Payloads carry ids (record, subject, notice slug and version), never names or external identifiers: the
 * events leave the service for every subscriber and poller of the change feed.
 */
@ApplicationScoped
public class Outbox {

    /** CloudEvents reverse-DNS style, e.g. {@code org.consentgov.notice.published}. */
    static final Pattern TYPE = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    /** An event ready to be appended: its id, when it happened and its data already written as JSON. */
    public record NewEvent(
            UUID id, String aggregateType, String aggregateId, String type, Instant occurredAt, String data) {}

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Outbox(AgroalDataSource dataSource, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Records that {@code type} happened to the aggregate, with {@code data} (a record or map, written as
     * JSON). Returns the event's id, which is also its CloudEvent id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String aggregateType, String aggregateId, String type, Object data) {
        NewEvent event = event(aggregateType, aggregateId, type, data);
        try (Connection connection = dataSource.getConnection()) {
            appendAll(connection, List.of(event));
            return event.id();
        } catch (SQLException e) {
            throw new IllegalStateException("event could not be written to the outbox", e);
        }
    }

    /**
     * The event {@link #publish} would write now, not written yet: data is written as JSON at once, so that a
     * later change to the objects it was read from does not change the event.
     */
    public NewEvent event(String aggregateType, String aggregateId, String type, Object data) {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("not a reverse-DNS event type: " + type);
        }
        try {
            return new NewEvent(
                    UUID.randomUUID(),
                    aggregateType,
                    aggregateId,
                    type,
                    // the column's precision, so that the event in hand is the event stored
                    clock.instant().truncatedTo(ChronoUnit.MICROS),
                    mapper.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data cannot be written as JSON", e);
        }
    }

    /**
     * Appends the events, in order, through {@code connection} (which must belong to the transaction of the
     * changes they report) as one JDBC batch.
     */
    public void appendAll(Connection connection, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, occurred_at, data)
                VALUES (?, ?, ?, ?, ?, ?::jsonb)""")) {
            for (NewEvent event : events) {
                insert.setObject(1, event.id());
                insert.setString(2, event.aggregateType());
                insert.setString(3, event.aggregateId());
                insert.setString(4, event.type());
                insert.setTimestamp(5, Timestamp.from(event.occurredAt()));
                insert.setString(6, event.data());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
