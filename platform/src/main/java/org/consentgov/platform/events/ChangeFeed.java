package org.consentgov.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.access.SubjectAccessLog;
import org.consentgov.platform.events.WebhookViews.ChangeFeedView;

/**
 * The change feed, for pollers that cannot take webhooks: the events after a position, in position order. A
 * position is given when the dispatcher sequences the event (within a second of its commit, on any replica),
 * and positions become visible in increasing order, so a poller that keeps {@code next} misses nothing.
 */
@ApplicationScoped
public class ChangeFeed {

    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 100;

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final EventsConfig config;
    private final Instance<ChangeFeedSubjects> subjects;
    private final Instance<SubjectAccessLog> accessLog;

    public ChangeFeed(
            AgroalDataSource dataSource,
            ObjectMapper mapper,
            EventsConfig config,
            Instance<ChangeFeedSubjects> subjects,
            Instance<SubjectAccessLog> accessLog) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.config = config;
        this.subjects = subjects;
        this.accessLog = accessLog;
    }

    @Transactional
    public ChangeFeedView after(long after, int limit) {
        List<JsonNode> items = new ArrayList<>();
        long next = after;
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                SELECT id, position, aggregate_type, aggregate_id, type, occurred_at, data::text
                FROM outbox_event WHERE position > ? ORDER BY position LIMIT ?""")) {
            select.setLong(1, after);
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    StoredEvent event = new StoredEvent(
                            rs.getObject(1, UUID.class),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class).toInstant(),
                            rs.getString(7));
                    items.add(mapper.readTree(event.toJson(config.source())));
                    next = event.position();
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("change feed could not be read", e);
        }
        if (subjects.isResolvable()) {
            // events that name a subject are a read of personal data: logged in the transaction of the read
            ChangeFeedSubjects named = subjects.get();
            List<AccessedSubject> read = new ArrayList<>();
            items.forEach(item -> named.subjectOf(item).ifPresent(read::add));
            accessLog.get().recordEach(read, named.action(), "after=" + after);
        }
        return new ChangeFeedView(items, next);
    }
}
