package org.consentgov.consent.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.consent.persistence.ProcessedNoticeEvents;

/** What consent-service does when notice-service tells it a notice changed. */
@ApplicationScoped
public class NoticeEventReactions {

    static final String MATERIAL_CHANGE = "org.consentgov.notice.material-change";

    /** What {@link #onNoticeEvent} did: whether the event was new, and how many records it flagged. */
    public record NoticeEventOutcome(String eventId, String type, boolean duplicate, int recordsFlagged) {}

    private final ConsentRecordRepository records;
    private final ProcessedNoticeEvents processed;
    private final ConsentHistory history;
    private final ConsentEventPublisher events;
    private final ConsentTime time;

    public NoticeEventReactions(
            ConsentRecordRepository records,
            ProcessedNoticeEvents processed,
            ConsentHistory history,
            ConsentEventPublisher events,
            ConsentTime time) {
        this.records = records;
        this.processed = processed;
        this.history = history;
        this.events = events;
        this.time = time;
    }

    /**
     * Acts on one CloudEvent from notice-service, once per event id. For {@code
     * org.consentgov.notice.material-change} every ACTIVE record pinned to an older version of that notice gets
     * {@code reconsentRequired = true}, a history entry {@code reconsent-required} naming the new version and the
     * material reasons, and a {@code org.consentgov.consent.reconsent-required} event; it stays effective. Other
     * types are recorded as processed and otherwise ignored. The event id is claimed in the same transaction, so a
     * redelivered event (or two replicas receiving it at once) changes nothing.
     */
    @Transactional
    public NoticeEventOutcome onNoticeEvent(JsonNode event) {
        String id = text(event, "id");
        String type = text(event, "type");
        if (id == null || type == null) {
            throw ConsentErrors.INVALID_EVENT.problem("A CloudEvent with an id and a type is required", "id");
        }
        JsonNode data = event.path("data");
        boolean material = MATERIAL_CHANGE.equals(type);
        String slug = material ? text(data, "slug") : null;
        if (material
                && (slug == null
                        || !data.path("version").canConvertToInt()
                        || data.path("version").asInt() < 1)) {
            throw ConsentErrors.INVALID_EVENT.problem(
                    "A material-change event needs data.slug and data.version", "data");
        }
        Instant now = time.now();
        if (!processed.claim(id, type, text(event, "subject"), now)) {
            return new NoticeEventOutcome(id, type, true, 0);
        }
        if (!material) {
            return new NoticeEventOutcome(id, type, false, 0);
        }
        int version = data.path("version").asInt();
        List<String> reasons = new ArrayList<>();
        data.path("reasons").forEach(r -> reasons.add(r.asText()));
        String reason = "notice " + slug + " version " + version + " changed materially"
                + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
        if (reason.length() > 1000) {
            reason = reason.substring(0, 997) + "...";
        }
        List<ConsentRecord> pinned = records.activePinnedBefore(slug, version);
        for (ConsentRecord record : pinned) {
            record.reconsentRequired = true;
            ObjectNode payload = history.payload().put("noticeEventId", id).put("currentNoticeVersion", version);
            reasons.forEach(payload.putArray("materialReasons")::add);
            history.append(record, "reconsent-required", record.state, record.state, reason, payload, now);
        }
        records.flush();
        for (ConsentRecord record : pinned) {
            events.reconsentRequired(record, now, version);
        }
        processed.recordsFlagged(id, pinned.size());
        return new NoticeEventOutcome(id, type, false, pinned.size());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
