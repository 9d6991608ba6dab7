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
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a service writes its domain events: a row of {@code outbox_event} inserted through the connection of
 * the caller's transaction, which must exist ({@code MANDATORY}), so that the event exists if and only if the
 * change it reports commits. The {@link Dispatcher} sequences and delivers it afterwards.
 *
 * <p>Payloads carry ids (record, subject, notice slug and version), never names or external identifiers: the
 * events leave the service for every subscriber and poller of the change feed.
 */
@ApplicationScoped
public class Outbox {

    /** CloudEvents reverse-DNS style, e.g. {@code org.consentgov.notice.published}. */
    static final Pattern TYPE = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

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
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("not a reverse-DNS event type: " + type);
        }
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, occurred_at, data)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb)""")) {
            insert.setObject(1, id);
            insert.setString(2, aggregateType);
            insert.setString(3, aggregateId);
            insert.setString(4, type);
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.setString(6, mapper.writeValueAsString(data));
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("event could not be written to the outbox", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data cannot be written as JSON", e);
        }
    }
}
