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

    /** A given, refused, superseded, invalidated or withdrawn event (withdrawn: with the day it was asked for). */
    public void publish(String type, ConsentRecord record, Instant at, String requestedBy, UUID supersededBy) {
        LocalDate requestedOn = ConsentEvents.WITHDRAWN.equals(type) ? record.withdrawalRequestedOn : null;
        publish(type, data(record, at, requestedBy, supersededBy, null, null, null, null, null, requestedOn, null));
    }

    /** A withdrawal-referred or late-withdrawal-resolved event. */
    public void withdrawal(
            String type,
            ConsentRecord record,
            Instant at,
            String requestedBy,
            UUID withdrawalRequestId,
            LocalDate windowEndedOn,
            String resolution,
            LocalDate requestedOn) {
        publish(
                type,
                data(
                        record,
                        at,
                        requestedBy,
                        null,
                        withdrawalRequestId,
                        windowEndedOn,
                        resolution,
                        null,
                        null,
                        requestedOn,
                        null));
    }

    /** A reconsent-required event naming the notice version now in force. */
    public void reconsentRequired(ConsentRecord record, Instant at, int currentNoticeVersion) {
        publish(
                ConsentEvents.RECONSENT_REQUIRED,
                data(record, at, null, null, null, null, null, true, currentNoticeVersion, null, null));
    }

    /** An expired event: the record passed its end. */
    public void expired(ConsentRecord record, Instant at) {
        publish(
                ConsentEvents.EXPIRED,
                data(record, at, null, null, null, null, null, null, null, null, record.expiresAt));
    }

    /** The data of a given, refused or superseded event, as {@link #publish} writes it. */
    public static ConsentEventData recordedEventData(ConsentRecord record, Instant at, UUID supersededBy) {
        return data(record, at, null, supersededBy, null, null, null, null, null, null, null);
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
            Integer currentNoticeVersion,
            LocalDate requestedOn,
            Instant expiresAt) {
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
                currentNoticeVersion,
                requestedOn,
                expiresAt);
    }
}
