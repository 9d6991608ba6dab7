package org.consentgov.consent.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.domain.ConsentCommands.Identifier;
import org.consentgov.consent.domain.ConsentCommands.RecordConsent;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.platform.identifiers.IdentifierSystem;

/**
 * A bulk import batch's view of the subjects its lines name and of their ACTIVE records: read in three statements
 * before the first line, then kept up to date by each line, so that lines of one batch see each other. Resolves a
 * line's subject as {@link SubjectService#resolveOrCreate} does, with the same problems.
 */
final class BulkSubjects {

    /** A subject as the batch knows it. */
    private record Known(UUID id, LocalDate dateOfBirth) {}

    /** A line's subject: found or new, and the identifiers the line adds to it. */
    record Resolved(UUID id, LocalDate dateOfBirth, boolean created, List<Identifier> toAdd) {}

    /** An ACTIVE record as the batch knows it: read from the database, or created by an earlier line. */
    record Active(ConsentRecord record, boolean stored) {}

    private final Connection connection;
    private final BulkConsentRows rows;
    private final ConsentTime time;
    private final Map<String, Known> byIdentifier = new HashMap<>();
    private final Map<UUID, Known> byId = new HashMap<>();
    private final Map<String, List<Active>> active = new HashMap<>();

    BulkSubjects(Connection connection, BulkConsentRows rows, ConsentTime time) {
        this.connection = connection;
        this.rows = rows;
        this.time = time;
    }

    /** The subject the line names, without changing the batch's state; a problem if the line cannot have it. */
    Resolved resolve(RecordConsent command) {
        if (command.subjectId() != null) {
            Known subject = byId.get(command.subjectId());
            if (subject == null) {
                throw ConsentErrors.UNKNOWN_SUBJECT.problem("No subject has id " + command.subjectId(), "subjectId");
            }
            return new Resolved(subject.id(), subject.dateOfBirth(), false, List.of());
        }
        List<Identifier> identifiers = SubjectService.validate(command.subject().identifiers(), "subject.identifiers");
        if (command.subject().dateOfBirth().isAfter(time.today())) {
            throw ConsentErrors.DATE_IN_FUTURE.problem("The date of birth is in the future", "subject.dateOfBirth");
        }
        Known found = null;
        for (Identifier id : identifiers) {
            Known match = byIdentifier.get(identifierKey(id.system(), id.value()));
            if (match != null) {
                if (found != null && !found.id().equals(match.id())) {
                    throw ConsentErrors.IDENTIFIERS_NAME_DIFFERENT_SUBJECTS.problem(
                            "These identifiers belong to two different subjects; resolve the duplicate first",
                            "subject.identifiers");
                }
                found = match;
            }
        }
        if (found == null) {
            return new Resolved(UUID.randomUUID(), command.subject().dateOfBirth(), true, identifiers);
        }
        if (!found.dateOfBirth().equals(command.subject().dateOfBirth())) {
            throw ConsentErrors.DATE_OF_BIRTH_MISMATCH.problem(
                    "The subject with these identifiers has another date of birth", "subject.dateOfBirth");
        }
        List<Identifier> missing = new ArrayList<>();
        for (Identifier id : identifiers) {
            if (!byIdentifier.containsKey(identifierKey(id.system(), id.value()))) {
                missing.add(id);
            }
        }
        return new Resolved(found.id(), found.dateOfBirth(), false, missing);
    }

    /** Keeps a line's subject once its checks have all passed: a new subject and new identifiers become rows. */
    void keep(Resolved subject) {
        Known known = new Known(subject.id(), subject.dateOfBirth());
        if (subject.created()) {
            rows.subjects.add(new BulkConsentRows.NewSubject(subject.id(), subject.dateOfBirth(), time.now()));
            byId.put(subject.id(), known);
        }
        for (Identifier id : subject.toAdd()) {
            rows.identifiers.add(
                    new BulkConsentRows.NewIdentifier(UUID.randomUUID(), subject.id(), id.system(), id.value()));
            byIdentifier.put(identifierKey(id.system(), id.value()), known);
        }
    }

    /** The ACTIVE records the new record replaces; from now on the new record is the subject's one (if ACTIVE). */
    List<Active> replaceActive(ConsentRecord record) {
        String slot = activeKey(record.subjectId, record.noticeSlug);
        List<Active> replaced = active.getOrDefault(slot, List.of());
        List<Active> nowActive = new ArrayList<>(1);
        if (record.state == ConsentState.ACTIVE) {
            nowActive.add(new Active(record, false));
        }
        active.put(slot, nowActive);
        return replaced;
    }

    /** Reads the subjects the lines name and their ACTIVE records (locked), in three statements. */
    void prefetch(List<RecordConsent> commands) throws SQLException {
        Set<UUID> subjectIds = new LinkedHashSet<>();
        List<String> systems = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (RecordConsent command : commands) {
            if (command.subjectId() != null) {
                subjectIds.add(command.subjectId());
            } else if (command.subject() != null) {
                for (Identifier id : command.subject().identifiers()) {
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
                        Known subject = new Known(row.getObject(3, UUID.class), row.getObject(4, LocalDate.class));
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
                        Known subject = new Known(row.getObject(1, UUID.class), row.getObject(2, LocalDate.class));
                        byId.put(subject.id(), subject);
                    }
                }
            }
        }
        if (!byId.isEmpty()) {
            prefetchActive();
        }
    }

    private void prefetchActive() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, subject_id, notice_slug, notice_version, notice_content_hash, purposes, state, effective,
                       history_length, history_head, row_version
                FROM consent_record WHERE subject_id = ANY (?) AND state = 'ACTIVE'
                ORDER BY id FOR UPDATE""")) {
            select.setArray(1, connection.createArrayOf("uuid", byId.keySet().toArray()));
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

    private static String identifierKey(String system, String value) {
        return system + '\u0000' + value;
    }

    private static String activeKey(UUID subjectId, String slug) {
        return subjectId + "\u0000" + slug;
    }
}
