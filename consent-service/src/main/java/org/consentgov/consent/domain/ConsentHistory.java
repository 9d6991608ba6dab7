package org.consentgov.consent.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.consentgov.consent.persistence.ConsentParty;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.consent.persistence.HistoryEntry;
import org.consentgov.platform.security.Caller;

/** A record's append-only history: each entry chained to the one before (see {@link HistoryChain}). */
@ApplicationScoped
public class ConsentHistory {

    private final ConsentRecordRepository records;
    private final Caller caller;
    private final ObjectMapper mapper;

    public ConsentHistory(ConsentRecordRepository records, Caller caller, ObjectMapper mapper) {
        this.records = records;
        this.caller = caller;
        this.mapper = mapper;
    }

    /** Chains and stores the record's next entry. */
    public void append(
            ConsentRecord record,
            String event,
            ConsentState from,
            ConsentState to,
            String reason,
            JsonNode payload,
            Instant at) {
        records.append(entry(record, event, from, to, reason, payload, at));
    }

    /** The record's next entry, chained to its head; the record's head and length move to it. Not persisted. */
    public HistoryEntry entry(
            ConsentRecord record,
            String event,
            ConsentState from,
            ConsentState to,
            String reason,
            JsonNode payload,
            Instant at) {
        HistoryEntry entry = new HistoryEntry();
        entry.id = UUID.randomUUID();
        entry.recordId = record.id;
        entry.seq = record.historyLength + 1;
        entry.event = event;
        entry.fromState = from;
        entry.toState = to;
        entry.actor = caller.name();
        entry.at = at;
        entry.reason = reason;
        entry.payload = payload.toString();
        entry.prevHash = record.historyHead;
        // the tree the payload was written from: its canonical form is that of the stored text, without parsing it back
        entry.hash = HistoryChain.hash(
                entry.prevHash, record.id, entry.seq, event, from, to, entry.actor, at, reason, payload);
        record.historyLength = entry.seq;
        record.historyHead = entry.hash;
        record.changedAt = at;
        return entry;
    }

    public ObjectNode payload() {
        return mapper.createObjectNode();
    }

    /** The payload of a record's {@code recorded} entry: everything the form said. */
    public JsonNode recordedPayload(ConsentRecord r) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("subjectId", r.subjectId.toString());
        payload.put("noticeSlug", r.noticeSlug)
                .put("noticeVersion", r.noticeVersion)
                .put("noticeContentHash", r.noticeContentHash);
        payload.set("purposes", mapper.valueToTree(r.purposes));
        payload.set("dataCategories", mapper.valueToTree(r.dataCategories));
        payload.put("decision", r.decision.name()).put("effective", r.effective);
        payload.set("missingParties", mapper.valueToTree(r.missingParties));
        payload.put("collectionMethod", r.collectionMethod);
        payload.put("formIssuedOn", r.formIssuedOn == null ? null : r.formIssuedOn.toString());
        payload.put("formReceivedOn", r.formReceivedOn.toString());
        payload.put("givenOn", r.givenOn.toString());
        if (r.expiresAt != null) {
            payload.put("expiresAt", r.expiresAt.toString());
        }
        if (r.reconsentRequired) {
            payload.put("reconsentRequired", true);
        }
        payload.put("evidenceReference", r.evidenceReference);
        payload.put(
                "withdrawalWindowEndsOn",
                r.withdrawalWindowEndsOn == null ? null : r.withdrawalWindowEndsOn.toString());
        payload.set(
                "parties",
                mapper.valueToTree(r.parties.stream().map(this::partyNode).toList()));
        return payload;
    }

    /** The payload of a {@code party-added} entry. */
    public JsonNode partyAddedPayload(ConsentRecord record, ConsentParty party) {
        ObjectNode payload = mapper.createObjectNode();
        payload.set("party", partyNode(party));
        payload.put("effective", record.effective);
        payload.set("missingParties", mapper.valueToTree(record.missingParties));
        return payload;
    }

    /** A stored entry's payload as JSON, to verify its hash. */
    public JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode partyNode(ConsentParty p) {
        ObjectNode node = mapper.createObjectNode()
                .put("role", p.role)
                .put("decision", p.decision.name())
                .put("decidedOn", p.decidedOn.toString());
        if (p.relationship != null) {
            node.put("relationship", p.relationship);
        }
        if (p.capacity != null) {
            node.put("capacity", p.capacity.name());
            node.put("assessedOn", p.assessedOn == null ? null : p.assessedOn.toString());
            node.put("assessedBy", p.assessedBy);
        }
        return node;
    }
}
