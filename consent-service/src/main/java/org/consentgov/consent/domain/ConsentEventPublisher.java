package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.consentgov.consent.events.ConsentEvents;
import org.consentgov.consent.events.ConsentEvents.ConsentEventData;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.platform.events.Outbox;

/** Writes consent events to the outbox, in the caller's transaction: ids only, never identifiers or free text. */
@ApplicationScoped
public class ConsentEventPublisher {

    private final Outbox outbox;

    public ConsentEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A given, refused, superseded, invalidated or withdrawn event. */
    public void publish(String type, ConsentRecord record, Instant at, String requestedBy, UUID supersededBy) {
        publish(type, data(record, at, requestedBy, supersededBy, null, null, null, null, null));
    }

    /** A withdrawal-referred or late-withdrawal-resolved event. */
    public void withdrawal(
            String type,
            ConsentRecord record,
            Instant at,
            String requestedBy,
            UUID withdrawalRequestId,
            LocalDate windowEndedOn,
            String resolution) {
        publish(type, data(record, at, requestedBy, null, withdrawalRequestId, windowEndedOn, resolution, null, null));
    }

    /** A reconsent-required event naming the notice version now in force. */
    public void reconsentRequired(ConsentRecord record, Instant at, int currentNoticeVersion) {
        publish(
                ConsentEvents.RECONSENT_REQUIRED,
                data(record, at, null, null, null, null, null, true, currentNoticeVersion));
    }

    /** The data of a given, refused or superseded event, as {@link #publish} writes it. */
    public static ConsentEventData recordedEventData(ConsentRecord record, Instant at, UUID supersededBy) {
        return data(record, at, null, supersededBy, null, null, null, null, null);
    }

    private void publish(String type, ConsentEventData data) {
        outbox.publish(ConsentEvents.AGGREGATE, data.recordId().toString(), type, data);
    }

    private static ConsentEventData data(
            ConsentRecord record,
            Instant at,
            String requestedBy,
            UUID supersededBy,
            UUID withdrawalRequestId,
            LocalDate windowEndedOn,
            String resolution,
            Boolean reconsentRequired,
            Integer currentNoticeVersion) {
        return new ConsentEventData(
                record.id,
                record.subjectId,
                record.noticeSlug,
                record.noticeVersion,
                record.noticeContentHash,
                record.purposes,
                record.state.name(),
                record.effective,
                at,
                requestedBy,
                supersededBy,
                withdrawalRequestId,
                windowEndedOn,
                resolution,
                reconsentRequired,
                currentNoticeVersion);
    }
}
