package org.consentgov.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * notice-service's events as the services that react to them receive them (consent-service flags records for
 * re-consent, sharing-agreement-service flags agreements for review), and the outbox count that shows what a
 * reaction emitted. One place, so that both receivers are tested with the same CloudEvent.
 */
public final class NoticeEventTestData {

    public static final String SOURCE = "/notice-service";
    public static final String MATERIAL_CHANGE = "org.consentgov.notice.material-change";

    private NoticeEventTestData() {}

    /**
     * A notice-service CloudEvent in structured JSON, as a map a test may add to: its subject is the notice's
     * slug ({@code data.slug}), its time now.
     */
    public static Map<String, Object> event(String id, String type, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", SOURCE);
        event.put("type", type);
        event.put("subject", data.get("slug"));
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return event;
    }

    /** The material change of a notice from {@code previousVersion} to {@code version}, with its reasons. */
    public static Map<String, Object> materialChange(
            String id, String slug, int version, int previousVersion, List<String> reasons) {
        return event(
                id,
                MATERIAL_CHANGE,
                SuiteTestData.map(
                        "slug", slug, "version", version, "previousVersion", previousVersion, "reasons", reasons));
    }

    /** How many events of the type the outbox holds about the aggregate (a consent record, an agreement). */
    public static long outboxEvents(DataSource dataSource, String aggregateId, String type) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = ?")) {
            s.setString(1, aggregateId);
            s.setString(2, type);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the outbox could not be read", e);
        }
    }
}
