package org.consentgov.agreement.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.platform.events.Outbox;

/**
 * Writes domain events, in the caller's transaction, so that an event exists if and only if its change
 * committed: into {@code agreement_event}, this service's own append-only record read per agreement, and into
 * the platform outbox, from which the dispatcher delivers them as CloudEvents to webhook subscribers and the
 * change feed. Payloads name agreements, organisations and codes, never a subject.
 */
@ApplicationScoped
public class EventLog implements PanacheRepositoryBase<AgreementEvent, UUID> {

    private final ObjectMapper mapper;
    private final Outbox outbox;

    public EventLog(ObjectMapper mapper, Outbox outbox) {
        this.mapper = mapper;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AgreementEvent agreement(String type, UUID agreementId, Map<String, ?> payload, Instant at, String actor) {
        return raise("agreement", agreementId, agreementId, type, payload, at, actor);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AgreementEvent raise(
            String aggregateType,
            UUID aggregateId,
            UUID agreementId,
            String type,
            Map<String, ?> payload,
            Instant at,
            String actor) {
        AgreementEvent event = new AgreementEvent();
        event.id = UUID.randomUUID();
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.agreementId = agreementId;
        event.type = type;
        event.occurredAt = at;
        event.actor = actor;
        try {
            event.payload = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload cannot be serialised", e);
        }
        persist(event);
        outbox.publish(aggregateType, aggregateId.toString(), EventTypes.cloudEventType(type), payload);
        return event;
    }

    public List<AgreementEvent> forAgreement(UUID agreementId, int page, int size) {
        return find("agreementId", Sort.by("seq"), agreementId)
                .page(Page.of(page, size))
                .list();
    }

    public long countForAgreement(UUID agreementId) {
        return count("agreementId", agreementId);
    }
}
