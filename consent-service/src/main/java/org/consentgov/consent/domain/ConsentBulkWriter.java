package org.consentgov.consent.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.consentgov.consent.api.ConsentRequests.RecordConsentRequest;
import org.consentgov.consent.api.ConsentViews.IdentifierView;
import org.consentgov.consent.events.ConsentEvents;
import org.consentgov.consent.notices.PublishedNotice;
import org.consentgov.consent.persistence.ConsentParty;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.HistoryEntry;
import org.consentgov.platform.idempotency.IdempotentExecutor;
import org.consentgov.platform.json.CanonicalJson;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.requestid.RequestIds;
import org.consentgov.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * Records a batch of consent forms in one transaction with a few set-based reads and JDBC batch writes, with
 * exactly the outcome of {@link ConsentService#record} called for each line in order, each in its own
 * transaction, behind the {@link IdempotentExecutor}:
 *
 * <ul>
 * <li>the same checks in the same order, so a line fails with the same problem; a failed line changes nothing;
 * <li>the same rows: subject and identifiers (found or created), record, parties, the {@code recorded} history
 * entry, the {@code superseded} entry and update of the record a newer one replaces (hash-chained as
 * {@link HistoryChain} says, row version moved on), the {@code subject_access_log} row, the outbox events
 * ({@code given}/{@code refused}, then {@code superseded}) in that order, and with an Idempotency-Key K the
 * {@code idempotency_key} row {@code K:n} holding the response a single line's import stores;
 * <li>lines of one batch see each other: a subject created by line 3 is found by line 7, and line 7 supersedes
 * line 3's record.
 * </ul>
 *
 * <p>Anything unexpected (a database error, a concurrent writer creating the same subject, a key still being
 * processed elsewhere) throws and rolls the whole batch back; the caller then records the batch line by line.
 */
@ApplicationScoped
public class ConsentBulkWriter {

    private static final Logger LOG = Logger.getLogger(ConsentBulkWriter.class);

    /** One line to record: its number in the file and the parsed, Bean-Validated request. */
    public record Line(int number, RecordConsentRequest request) {}

    /** What became of a line: created or replayed with the record's id, or refused with the problem. */
    public record Outcome(int line, UUID id, boolean replayed, RuntimeException failure) {
        static Outcome created(int line, UUID id) {
            return new Outcome(line, id, false, null);
        }

        static Outcome replayed(int line, UUID id) {
            return new Outcome(line, id, true, null);
        }

        static Outcome failed(int line, RuntimeException failure) {
            return new Outcome(line, null, false, failure);
        }
    }

    /** Thrown when a batch cannot be written as a whole; nothing of it was kept. */
    public static class BatchFailed extends RuntimeException {
        BatchFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ConsentService consents;
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;
    private final Caller caller;

    public ConsentBulkWriter(
            ConsentService consents,
            AgroalDataSource dataSource,
            ObjectMapper mapper,
            SecurityIdentity identity,
            Caller caller) {
        this.consents = consents;
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.identity = identity;
        this.caller = caller;
    }

    /**
     * Records the lines in one new transaction, committed before this returns. With {@code key}, line n is
     * guarded by the key {@code key:n} under {@code operation}, as {@link IdempotentExecutor} guards it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Outcome> write(List<Line> lines, String key, String operation) {
        try (Connection connection = dataSource.getConnection()) {
            return new Batch(connection, key, operation).write(lines);
        } catch (SQLException | JsonProcessingException e) {
            throw new BatchFailed("consent import batch failed: " + e.getMessage(), e);
        }
    }

    /** The canonical fingerprint {@link IdempotentExecutor} stores for a request under an operation. */
    static String fingerprint(String operation, Object request) {
        return CanonicalJson.sha256Hex(
                (operation + "\n").getBytes(StandardCharsets.UTF_8),
                CanonicalJson.of(request).getBytes(StandardCharsets.UTF_8));
    }

    /** A subject as the batch knows it. */
    private record KnownSubject(UUID id, LocalDate dateOfBirth) {}

    /** An ACTIVE record as the batch knows it: read from the database, or created by an earlier line. */
    private static final class Active {
        final ConsentRecord record;
        final boolean stored;

        Active(ConsentRecord record, boolean stored) {
            this.record = record;
            this.stored = stored;
        }
    }

    private record StoredKey(String fingerprint, Integer status, String body) {}

    private final class Batch {
        private final Connection connection;
        private final String key;
        private final String operation;
        private final String callerName = caller.name();
        private final String callerOrg = caller.org().orElse(null);
        private final String idempotencyCaller;

        private final Map<String, KnownSubject> byIdentifier = new HashMap<>();
        private final Map<UUID, KnownSubject> byId = new HashMap<>();
        private final Map<String, List<Active>> active = new HashMap<>();

        // rows to write, in order
        private final List<Object[]> newSubjects = new ArrayList<>();
        private final List<Object[]> newIdentifiers = new ArrayList<>();
        private final List<ConsentRecord> newRecords = new ArrayList<>();
        private final Map<UUID, ConsentRecord> superseded = new LinkedHashMap<>();
        private final List<HistoryEntry> history = new ArrayList<>();
        private final List<Object[]> events = new ArrayList<>();
        private final List<Object[]> accesses = new ArrayList<>();
        private final List<Object[]> keys = new ArrayList<>();

        Batch(Connection connection, String key, String operation) {
            this.connection = connection;
            this.key = key;
            this.operation = operation;
            this.idempotencyCaller = identity.isAnonymous()
                    ? "anonymous"
                    : identity.getPrincipal().getName();
        }

        List<Outcome> write(List<Line> lines) throws SQLException, JsonProcessingException {
            Map<Integer, StoredKey> stored = key == null ? Map.of() : storedKeys(lines);
            prefetch(lines);
            List<Outcome> outcomes = new ArrayList<>(lines.size());
            for (Line line : lines) {
                StoredKey found = stored.get(line.number());
                if (found != null) {
                    outcomes.add(replay(line, found));
                    continue;
                }
                try {
                    outcomes.add(Outcome.created(line.number(), record(line)));
                } catch (ProblemException e) {
                    outcomes.add(Outcome.failed(line.number(), e));
                }
            }
            flush();
            return outcomes;
        }

        private Outcome replay(Line line, StoredKey found) {
            if (found.status() == null) {
                // another import with this key is recording the line right now: let the line-by-line path wait
                throw new BatchFailed("idempotency key " + key + ":" + line.number() + " is in use", null);
            }
            if (!found.fingerprint().equals(fingerprint(operation, line.request()))) {
                return Outcome.failed(
                        line.number(),
                        ProblemException.rule(
                                "idempotency-key-reused",
                                "This Idempotency-Key was used for a different request; use a new key for a new request",
                                IdempotentExecutor.HEADER));
            }
            try {
                return Outcome.replayed(
                        line.number(),
                        UUID.fromString(mapper.readTree(found.body()).path("id").asText()));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new IllegalStateException("stored import response unreadable", e);
            }
        }

        /** {@link ConsentService#record} for one line, against the batch's view of the database. */
        private UUID record(Line line) throws JsonProcessingException {
            RecordConsentRequest request = line.request();
            consents.validateShape(request);
            PublishedNotice notice = consents.noticeFor(request);
            List<String> dataCategories = consents.checkScope(request, notice);

            KnownSubject subject;
            List<IdentifierView> toAdd = List.of();
            boolean created = false;
            if (request.subjectId() != null) {
                subject = byId.get(request.subjectId());
                if (subject == null) {
                    throw ProblemException.rule(
                            "unknown-subject", "No subject has id " + request.subjectId(), "subjectId");
                }
            } else {
                // SubjectService.resolveOrCreate, against the batch's identifiers
                List<IdentifierView> identifiers =
                        SubjectService.validate(request.subject().identifiers(), "subject.identifiers");
                if (request.subject()
                        .dateOfBirth()
                        .isAfter(LocalDate.ofInstant(consents.now(), WithdrawalWindow.LONDON))) {
                    throw ProblemException.rule(
                            "date-in-future", "The date of birth is in the future", "subject.dateOfBirth");
                }
                KnownSubject found = null;
                for (IdentifierView id : identifiers) {
                    KnownSubject match = byIdentifier.get(identifierKey(id.system(), id.value()));
                    if (match != null) {
                        if (found != null && !found.id().equals(match.id())) {
                            throw ProblemException.rule(
                                    "identifiers-name-different-subjects",
                                    "These identifiers belong to two different subjects; resolve the duplicate first",
                                    "subject.identifiers");
                        }
                        found = match;
                    }
                }
                if (found != null) {
                    if (!found.dateOfBirth().equals(request.subject().dateOfBirth())) {
                        throw ProblemException.rule(
                                "date-of-birth-mismatch",
                                "The subject with these identifiers has another date of birth",
                                "subject.dateOfBirth");
                    }
                    List<IdentifierView> missing = new ArrayList<>();
                    for (IdentifierView id : identifiers) {
                        if (!byIdentifier.containsKey(identifierKey(id.system(), id.value()))) {
                            missing.add(id);
                        }
                    }
                    toAdd = missing;
                    subject = found;
                } else {
                    subject = new KnownSubject(
                            UUID.randomUUID(), request.subject().dateOfBirth());
                    toAdd = identifiers;
                    created = true;
                }
            }
            consents.checkDates(request, subject.dateOfBirth());

            // every check passed: from here on the line changes the batch's state
            if (created) {
                newSubjects.add(new Object[] {subject.id(), subject.dateOfBirth(), consents.now()});
                byId.put(subject.id(), subject);
            }
            for (IdentifierView id : toAdd) {
                newIdentifiers.add(new Object[] {UUID.randomUUID(), subject.id(), id.system(), id.value()});
                byIdentifier.put(identifierKey(id.system(), id.value()), subject);
            }
            Instant now = consents.now();
            ConsentRecord record =
                    consents.newRecord(request, notice, dataCategories, subject.id(), subject.dateOfBirth(), now);
            String slot = activeKey(subject.id(), notice.slug());
            List<Active> replaced = active.getOrDefault(slot, List.of());
            newRecords.add(record);
            history.add(consents.historyEntry(
                    record, "recorded", null, record.state, null, consents.recordedPayload(record), now));
            for (Active old : replaced) {
                ConsentState from = old.record.state;
                old.record.state = ConsentState.SUPERSEDED;
                old.record.endedAt = now;
                history.add(consents.historyEntry(
                        old.record,
                        "superseded",
                        from,
                        ConsentState.SUPERSEDED,
                        "superseded by record " + record.id,
                        mapper.createObjectNode().put("supersededBy", record.id.toString()),
                        now));
                if (old.stored) {
                    superseded.put(old.record.id, old.record);
                }
            }
            if (record.effective) {
                event(ConsentEvents.GIVEN, record, null);
            } else if (record.state == ConsentState.REFUSED) {
                event(ConsentEvents.REFUSED, record, null);
            }
            for (Active old : replaced) {
                event(ConsentEvents.SUPERSEDED, old.record, record.id);
            }
            List<Active> nowActive = new ArrayList<>(1);
            if (record.state == ConsentState.ACTIVE) {
                nowActive.add(new Active(record, false));
            }
            active.put(slot, nowActive);
            accesses.add(new Object[] {
                UUID.randomUUID(),
                subject.id(),
                callerName,
                callerOrg,
                "record-consent",
                consents.now(),
                RequestIds.current()
            });
            if (key != null) {
                keys.add(new Object[] {
                    key + ":" + line.number(),
                    fingerprint(operation, request),
                    mapper.writeValueAsString(Map.of("id", record.id))
                });
            }
            return record.id;
        }

        private void event(String type, ConsentRecord record, UUID supersededBy) throws JsonProcessingException {
            Instant at = consents.now();
            events.add(new Object[] {
                UUID.randomUUID(),
                record.id.toString(),
                type,
                consents.clockInstant(),
                mapper.writeValueAsString(ConsentService.recordedEventData(record, at, supersededBy))
            });
        }

        // ---- reads

        private Map<Integer, StoredKey> storedKeys(List<Line> lines) throws SQLException {
            Map<String, Integer> numbers = new HashMap<>();
            for (Line line : lines) {
                numbers.put(key + ":" + line.number(), line.number());
            }
            Map<Integer, StoredKey> found = new HashMap<>();
            // one primary-key probe per key, whatever the statistics say: "caller = ? AND idempotency_key = ANY (?)"
            // was planned, on a table not analysed since it was small, as a scan of all the caller's keys filtered
            // by the array, a cost that grew with every batch (1 s a batch at 110,000 keys)
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT k.key, ik.fingerprint, ik.response_status, ik.response_body
                    FROM unnest(?::varchar[]) AS k (key)
                    JOIN LATERAL (SELECT fingerprint, response_status, response_body FROM idempotency_key
                                  WHERE caller = ? AND idempotency_key = k.key LIMIT 1) ik ON true""")) {
                select.setArray(
                        1, connection.createArrayOf("varchar", numbers.keySet().toArray()));
                select.setString(2, idempotencyCaller);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Integer status =
                                row.getObject("response_status") == null ? null : row.getInt("response_status");
                        found.put(
                                numbers.get(row.getString(1)),
                                new StoredKey(row.getString("fingerprint"), status, row.getString("response_body")));
                    }
                }
            }
            return found;
        }

        /** Reads the subjects the lines name and their ACTIVE records (locked), in three statements. */
        private void prefetch(List<Line> lines) throws SQLException {
            Set<UUID> subjectIds = new LinkedHashSet<>();
            List<String> systems = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (Line line : lines) {
                RecordConsentRequest request = line.request();
                if (request.subjectId() != null) {
                    subjectIds.add(request.subjectId());
                } else if (request.subject() != null) {
                    for (var id : request.subject().identifiers()) {
                        Optional<IdentifierSystem> system = IdentifierSystem.fromCode(id.system());
                        if (system.isPresent()) {
                            systems.add(system.get().code());
                            values.add(system.get().normalise(id.value()));
                        }
                    }
                }
            }
            if (!systems.isEmpty()) {
                try (PreparedStatement select = connection.prepareStatement("""
                        SELECT i.system, i.value, s.id, s.date_of_birth FROM subject_identifier i
                        JOIN subject s ON s.id = i.subject_id
                        JOIN unnest(?::varchar[], ?::varchar[]) AS wanted (system, value)
                          ON wanted.system = i.system AND wanted.value = i.value""")) {
                    select.setArray(1, connection.createArrayOf("varchar", systems.toArray()));
                    select.setArray(2, connection.createArrayOf("varchar", values.toArray()));
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            KnownSubject subject =
                                    new KnownSubject(row.getObject(3, UUID.class), row.getObject(4, LocalDate.class));
                            byIdentifier.put(identifierKey(row.getString(1), row.getString(2)), subject);
                            byId.put(subject.id(), subject);
                        }
                    }
                }
            }
            subjectIds.removeAll(byId.keySet());
            if (!subjectIds.isEmpty()) {
                try (PreparedStatement select =
                        connection.prepareStatement("SELECT id, date_of_birth FROM subject WHERE id = ANY (?)")) {
                    select.setArray(1, connection.createArrayOf("uuid", subjectIds.toArray()));
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            KnownSubject subject =
                                    new KnownSubject(row.getObject(1, UUID.class), row.getObject(2, LocalDate.class));
                            byId.put(subject.id(), subject);
                        }
                    }
                }
            }
            if (byId.isEmpty()) {
                return;
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, subject_id, notice_slug, notice_version, notice_content_hash, purposes, state, effective,
                           history_length, history_head, row_version
                    FROM consent_record WHERE subject_id = ANY (?) AND state = 'ACTIVE'
                    ORDER BY id FOR UPDATE""")) {
                select.setArray(
                        1, connection.createArrayOf("uuid", byId.keySet().toArray()));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ConsentRecord r = new ConsentRecord();
                        r.id = row.getObject("id", UUID.class);
                        r.subjectId = row.getObject("subject_id", UUID.class);
                        r.noticeSlug = row.getString("notice_slug");
                        r.noticeVersion = row.getInt("notice_version");
                        r.noticeContentHash = row.getString("notice_content_hash");
                        r.purposes = List.of((String[]) row.getArray("purposes").getArray());
                        r.state = ConsentState.valueOf(row.getString("state"));
                        r.effective = row.getBoolean("effective");
                        r.historyLength = row.getInt("history_length");
                        r.historyHead = row.getString("history_head");
                        r.rowVersion = row.getLong("row_version");
                        active.computeIfAbsent(activeKey(r.subjectId, r.noticeSlug), k -> new ArrayList<>())
                                .add(new Active(r, true));
                    }
                }
            }
        }

        // ---- writes

        private void flush() throws SQLException {
            if (!newSubjects.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO subject (id, date_of_birth, created_at, created_by, row_version)
                        VALUES (?, ?, ?, ?, 0)""")) {
                    for (Object[] s : newSubjects) {
                        insert.setObject(1, s[0]);
                        insert.setObject(2, s[1]);
                        insert.setObject(3, at((Instant) s[2]));
                        insert.setString(4, callerName);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            if (!newIdentifiers.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO subject_identifier (id, subject_id, system, value) VALUES (?, ?, ?, ?)""")) {
                    for (Object[] i : newIdentifiers) {
                        for (int c = 0; c < 4; c++) {
                            insert.setObject(c + 1, i[c]);
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            insertRecords();
            insertParties();
            updateSuperseded();
            insertHistory();
            insertAccesses();
            insertEvents();
            insertKeys();
        }

        private void insertRecords() throws SQLException {
            if (newRecords.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO consent_record (id, subject_id, notice_slug, notice_version, notice_content_hash, purposes,
                        data_categories, decision, state, effective, missing_parties, collection_method, form_issued_on,
                        form_received_on, evidence_reference, recorded_by, recorded_org, recorded_at,
                        withdrawal_window_ends_on, withdrawal_any_time, reconsent_required, effective_from, ended_at,
                        history_length, history_head, row_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (ConsentRecord r : newRecords) {
                    int c = 1;
                    insert.setObject(c++, r.id);
                    insert.setObject(c++, r.subjectId);
                    insert.setString(c++, r.noticeSlug);
                    insert.setInt(c++, r.noticeVersion);
                    insert.setString(c++, r.noticeContentHash);
                    insert.setArray(c++, texts(r.purposes));
                    insert.setArray(c++, texts(r.dataCategories));
                    insert.setString(c++, r.decision.name());
                    insert.setString(c++, r.state.name());
                    insert.setBoolean(c++, r.effective);
                    insert.setArray(c++, texts(r.missingParties));
                    insert.setString(c++, r.collectionMethod);
                    insert.setObject(c++, r.formIssuedOn, Types.DATE);
                    insert.setObject(c++, r.formReceivedOn);
                    insert.setString(c++, r.evidenceReference);
                    insert.setString(c++, r.recordedBy);
                    insert.setString(c++, r.recordedOrg);
                    insert.setObject(c++, at(r.recordedAt));
                    insert.setObject(c++, r.withdrawalWindowEndsOn, Types.DATE);
                    insert.setBoolean(c++, r.withdrawalAnyTime);
                    insert.setBoolean(c++, r.reconsentRequired);
                    insert.setObject(c++, at(r.effectiveFrom), Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.setObject(c++, at(r.endedAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.setInt(c++, r.historyLength);
                    insert.setString(c++, r.historyHead);
                    // as Hibernate leaves a record that ConsentService#record persisted and then chained
                    insert.setLong(c, ConsentService.NEW_RECORD_VERSION);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        private void insertParties() throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO consent_party (id, record_id, position, role, relationship, decision, capacity, assessed_by,
                        assessed_on, decided_on, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (ConsentRecord r : newRecords) {
                    for (ConsentParty p : r.parties) {
                        int c = 1;
                        insert.setObject(c++, p.id);
                        insert.setObject(c++, r.id);
                        insert.setInt(c++, p.position);
                        insert.setString(c++, p.role);
                        insert.setString(c++, p.relationship);
                        insert.setString(c++, p.decision.name());
                        insert.setString(c++, p.capacity == null ? null : p.capacity.name());
                        insert.setString(c++, p.assessedBy);
                        insert.setObject(c++, p.assessedOn, Types.DATE);
                        insert.setObject(c++, p.decidedOn);
                        insert.setString(c++, p.recordedBy);
                        insert.setObject(c, at(p.recordedAt));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        }

        private void updateSuperseded() throws SQLException {
            if (superseded.isEmpty()) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE consent_record SET state = ?, ended_at = ?, history_length = ?, history_head = ?,
                        row_version = row_version + 1
                    WHERE id = ? AND row_version = ?""")) {
                for (ConsentRecord r : superseded.values()) {
                    update.setString(1, r.state.name());
                    update.setObject(2, at(r.endedAt));
                    update.setInt(3, r.historyLength);
                    update.setString(4, r.historyHead);
                    update.setObject(5, r.id);
                    update.setLong(6, r.rowVersion);
                    update.addBatch();
                }
                for (int count : update.executeBatch()) {
                    if (count == 0) {
                        throw new BatchFailed("a superseded record changed meanwhile", null);
                    }
                }
            }
        }

        private void insertHistory() throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO consent_history (id, record_id, seq, event, from_state, to_state, actor, at, reason, payload,
                        prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")) {
                for (HistoryEntry h : history) {
                    insert.setObject(1, h.id);
                    insert.setObject(2, h.recordId);
                    insert.setInt(3, h.seq);
                    insert.setString(4, h.event);
                    insert.setString(5, h.fromState == null ? null : h.fromState.name());
                    insert.setString(6, h.toState.name());
                    insert.setString(7, h.actor);
                    insert.setObject(8, at(h.at));
                    insert.setString(9, h.reason);
                    insert.setString(10, h.payload);
                    insert.setString(11, h.prevHash);
                    insert.setString(12, h.hash);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        private void insertAccesses() throws SQLException {
            if (accesses.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO subject_access_log (id, subject_id, actor, actor_org, action, at, request_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                for (Object[] a : accesses) {
                    insert.setObject(1, a[0]);
                    insert.setObject(2, a[1]);
                    insert.setString(3, (String) a[2]);
                    insert.setString(4, (String) a[3]);
                    insert.setString(5, (String) a[4]);
                    insert.setObject(6, at((Instant) a[5]));
                    insert.setString(7, (String) a[6]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // one line per batch instead of one per record: the rows above are the evidence, with ids only
            LOG.infof(
                    "subject access: record-consent by %s (%s) for %d subjects (bulk import)",
                    callerName, callerOrg, accesses.size());
        }

        private void insertEvents() throws SQLException {
            if (events.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, occurred_at, data)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb)""")) {
                for (Object[] e : events) {
                    insert.setObject(1, e[0]);
                    insert.setString(2, ConsentEvents.AGGREGATE);
                    insert.setString(3, (String) e[1]);
                    insert.setString(4, (String) e[2]);
                    insert.setObject(5, at((Instant) e[3]));
                    insert.setString(6, (String) e[4]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        private void insertKeys() throws SQLException {
            if (keys.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, response_status, response_headers,
                        response_body, created_at)
                    VALUES (?, ?, ?, 201, '{"Content-Type": "application/json"}'::jsonb, ?, now())""")) {
                // no ON CONFLICT: a key claimed meanwhile by a concurrent import with the same key fails the batch
                for (Object[] k : keys) {
                    insert.setString(1, idempotencyCaller);
                    insert.setString(2, (String) k[0]);
                    insert.setString(3, (String) k[1]);
                    insert.setString(4, (String) k[2]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        private Array texts(List<String> values) throws SQLException {
            return connection.createArrayOf("text", values.toArray());
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null
                ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static String identifierKey(String system, String value) {
        return system + '\u0000' + value;
    }

    private static String activeKey(UUID subjectId, String slug) {
        return subjectId + "\u0000" + slug;
    }
}
