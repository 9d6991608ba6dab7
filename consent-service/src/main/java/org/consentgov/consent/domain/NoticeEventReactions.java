package org.consentgov.consent.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.platform.events.subscription.EventReaction;
import org.consentgov.platform.events.subscription.NoticeMaterialChange;
import org.consentgov.platform.events.subscription.ReceivedEvent;
import org.consentgov.platform.problem.ErrorCode;

/**
 * What consent-service does when notice-service tells it a notice changed; run once per event id by the
 * platform's {@link org.consentgov.platform.events.subscription.EventInbox}, in its transaction, which notes the
 * ids in {@code processed_notice_event}.
 */
@ApplicationScoped
public class NoticeEventReactions implements EventReaction {

    private final ConsentRecordRepository records;
    private final ConsentHistory history;
    private final ConsentEventPublisher events;
    private final ConsentTime time;

    public NoticeEventReactions(
            ConsentRecordRepository records, ConsentHistory history, ConsentEventPublisher events, ConsentTime time) {
        this.records = records;
        this.history = history;
        this.events = events;
        this.time = time;
    }

    @Override
    public String processedEventsTable() {
        return "processed_notice_event";
    }

    @Override
    public ErrorCode invalidEvent() {
        return ConsentErrors.INVALID_EVENT;
    }

    @Override
    public void check(ReceivedEvent event) {
        NoticeMaterialChange.check(event, ConsentErrors.INVALID_EVENT);
    }

    /**
     * For {@code org.consentgov.notice.material-change} every ACTIVE record pinned to an older version of that
     * notice gets {@code reconsentRequired = true}, a history entry {@code reconsent-required} naming the new
     * version and the material reasons, and a {@code org.consentgov.consent.reconsent-required} event; it stays
     * effective. Other types are recorded as processed and otherwise ignored.
     */
    @Override
    public int apply(ReceivedEvent event) {
        if (!NoticeMaterialChange.is(event)) {
            return 0;
        }
        NoticeMaterialChange change = NoticeMaterialChange.of(event);
        String slug = change.slug();
        int version = change.version();
        List<String> reasons = change.reasons();
        Instant now = time.now();
        String reason = "notice " + slug + " version " + version + " changed materially"
                + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
        if (reason.length() > 1000) {
            reason = reason.substring(0, 997) + "...";
        }
        List<ConsentRecord> pinned = records.activePinnedBefore(slug, version);
        for (ConsentRecord record : pinned) {
            record.reconsentRequired = true;
            ObjectNode payload =
                    history.payload().put("noticeEventId", event.id()).put("currentNoticeVersion", version);
            reasons.forEach(payload.putArray("materialReasons")::add);
            history.append(record, "reconsent-required", record.state, record.state, reason, payload, now);
        }
        records.flush();
        for (ConsentRecord record : pinned) {
            events.reconsentRequired(record, now, version);
        }
        return pinned.size();
    }
}
