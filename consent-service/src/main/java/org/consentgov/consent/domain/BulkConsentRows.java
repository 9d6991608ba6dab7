package org.consentgov.consent.domain;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.consent.persistence.ConsentParty;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.HistoryEntry;

/**
 * The consent-service rows a bulk import batch writes, collected line by line and inserted with JDBC batches, in
 * the order the single create writes them. The platform's rows (outbox events, idempotency keys) are written by
 * the platform's own batch writers.
 */
final class BulkConsentRows {

    record NewSubject(UUID id, LocalDate dateOfBirth, Instant createdAt) {}

    record NewIdentifier(UUID id, UUID subjectId, String system, String value) {}

    record Access(
            UUID id,
            UUID subjectId,
            String actor,
            String actorClient,
            String actorOrg,
            String action,
            String detail,
            Instant at,
            String requestId) {}

    final List<NewSubject> subjects = new ArrayList<>();
    final List<NewIdentifier> identifiers = new ArrayList<>();
    final List<ConsentRecord> records = new ArrayList<>();
    final Map<UUID, ConsentRecord> superseded = new LinkedHashMap<>();
    final List<HistoryEntry> history = new ArrayList<>();
    final List<Access> accesses = new ArrayList<>();

    private final Connection connection;
    private final String callerName;

    BulkConsentRows(Connection connection, String callerName) {
        this.connection = connection;
        this.callerName = callerName;
    }

    void flush() throws SQLException {
        insertSubjects();
        insertIdentifiers();
        insertRecords();
        insertParties();
        updateSuperseded();
        insertHistory();
        insertAccesses();
    }

    private void insertSubjects() throws SQLException {
        if (subjects.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO subject (id, date_of_birth, created_at, created_by, row_version)
                VALUES (?, ?, ?, ?, 0)""")) {
            for (NewSubject s : subjects) {
                insert.setObject(1, s.id());
                insert.setObject(2, s.dateOfBirth());
                insert.setObject(3, at(s.createdAt()));
                insert.setString(4, callerName);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertIdentifiers() throws SQLException {
        if (identifiers.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO subject_identifier (id, subject_id, system, value) VALUES (?, ?, ?, ?)""")) {
            for (NewIdentifier i : identifiers) {
                insert.setObject(1, i.id());
                insert.setObject(2, i.subjectId());
                insert.setObject(3, i.system());
                insert.setObject(4, i.value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertRecords() throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO consent_record (id, subject_id, notice_slug, notice_version, notice_content_hash, purposes,
                    data_categories, decision, state, effective, missing_parties, collection_method, form_issued_on,
                    form_received_on, evidence_reference, recorded_by, recorded_org, recorded_at,
                    withdrawal_window_ends_on, withdrawal_any_time, reconsent_required, effective_from, ended_at,
                    history_length, history_head, given_on, expires_at, changed_at, row_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (ConsentRecord r : records) {
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
                insert.setObject(c++, r.givenOn);
                insert.setObject(c++, at(r.expiresAt), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setObject(c++, at(r.changedAt));
                // the version the single create inserts its record with
                insert.setLong(c, ConsentRecordFactory.NEW_RECORD_VERSION);
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
            for (ConsentRecord r : records) {
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
                    changed_at = ?, row_version = row_version + 1
                WHERE id = ? AND row_version = ?""")) {
            for (ConsentRecord r : superseded.values()) {
                update.setString(1, r.state.name());
                update.setObject(2, at(r.endedAt));
                update.setInt(3, r.historyLength);
                update.setString(4, r.historyHead);
                update.setObject(5, at(r.changedAt));
                update.setObject(6, r.id);
                update.setLong(7, r.rowVersion);
                update.addBatch();
            }
            for (int count : update.executeBatch()) {
                if (count == 0) {
                    throw new ConsentBulkWriter.BatchFailed("a superseded record changed meanwhile", null);
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
                INSERT INTO subject_access_log
                    (id, subject_id, actor, actor_client, actor_org, action, detail, at, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Access a : accesses) {
                insert.setObject(1, a.id());
                insert.setObject(2, a.subjectId());
                insert.setString(3, a.actor());
                insert.setString(4, a.actorClient());
                insert.setString(5, a.actorOrg());
                insert.setString(6, a.action());
                insert.setString(7, a.detail());
                insert.setObject(8, at(a.at()));
                insert.setString(9, a.requestId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private Array texts(List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null
                ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
