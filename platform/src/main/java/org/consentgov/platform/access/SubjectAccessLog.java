package org.consentgov.platform.access;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.consentgov.platform.requestid.RequestIds;
import org.consentgov.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * The log of who read whose personal data (DESIGN §7: a subject access request must be answerable), one
 * append-only row per subject per read in the service's own {@code subject_access_log} table, written in the
 * caller's transaction so that a read that fails leaves no row. The actor, its OAuth client, organisation and
 * request id come from the request; the time from the injected clock, to the microsecond the column keeps.
 *
 * <p>A read that returns many subjects (a listing, an export) writes one row per distinct subject it returned, in
 * that request: a page of 20 records about 7 children is 7 rows, each with the same request id. The detail says
 * in what context (e.g. the filter used), never whom.
 *
 * <p>The services' tables differ in how they name the subject ({@link AccessedSubject}); only the columns the
 * entry uses are written, so each service keeps its table as it is.
 */
@ApplicationScoped
public class SubjectAccessLog {

    private static final Logger LOG = Logger.getLogger(SubjectAccessLog.class);

    /** Rows written per JDBC batch by {@link Batch}. */
    static final int BATCH_SIZE = 500;

    private final AgroalDataSource dataSource;
    private final Caller caller;
    private final Clock clock;

    public SubjectAccessLog(AgroalDataSource dataSource, Caller caller, Clock clock) {
        this.dataSource = dataSource;
        this.caller = caller;
        this.clock = clock;
    }

    /** One row: who read this subject's data, and how ({@code action}, e.g. {@code read-subject}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(AccessedSubject subject, String action) {
        return record(subject, action, null);
    }

    /** As {@link #record(AccessedSubject, String)}, with the context of the read (e.g. the filter used). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(AccessedSubject subject, String action, String detail) {
        Entry entry = entry(subject, action, detail);
        insert(List.of(entry));
        LOG.infof("subject access: %s by %s (%s) subject=%s", action, entry.actor(), entry.actorOrg(), subject);
        return entry.id();
    }

    /**
     * One row per distinct subject of a read that returned many (a page, a search): the subjects in the order
     * first returned. Returns how many rows were written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordEach(Collection<? extends AccessedSubject> subjects, String action, String detail) {
        List<Entry> entries = new ArrayList<>();
        for (AccessedSubject subject : new LinkedHashSet<>(subjects)) {
            entries.add(entry(subject, action, detail));
        }
        insert(entries);
        if (!entries.isEmpty()) {
            LOG.infof(
                    "subject access: %s by %s (%s) of %d subjects",
                    action, caller.name(), caller.org().orElse(null), entries.size());
        }
        return entries.size();
    }

    /**
     * For a read streamed in parts (an export): each subject is logged once for the whole request, however many
     * of its rows it returns, before its rows leave the service. Take it while the request is handled (it reads
     * the caller); add the subjects of each part and {@link Batch#flush() flush} in that part's transaction.
     */
    public Batch batch(String action, String detail) {
        return new Batch(
                action,
                detail,
                caller.name(),
                caller.clientId().orElse(null),
                caller.org().orElse(null),
                RequestIds.current());
    }

    /** The subjects of one streamed read, each logged once. Not thread-safe: one per request. */
    public final class Batch {
        private final String action;
        private final String detail;
        private final String actor;
        private final String client;
        private final String org;
        private final String requestId;
        private final Set<AccessedSubject> logged = new HashSet<>();
        private final List<Entry> pending = new ArrayList<>();

        private Batch(String action, String detail, String actor, String client, String org, String requestId) {
            this.action = action;
            this.detail = detail;
            this.actor = actor;
            this.client = client;
            this.org = org;
            this.requestId = requestId;
        }

        /** Notes a subject returned; a subject already logged by this read is not logged again. */
        public void add(AccessedSubject subject) {
            if (logged.add(subject)) {
                pending.add(
                        new Entry(UUID.randomUUID(), subject, actor, client, org, action, detail, now(), requestId));
                if (pending.size() >= BATCH_SIZE) {
                    flush();
                }
            }
        }

        /** Writes the subjects noted since the last flush, in the current transaction. */
        public void flush() {
            insert(pending);
            pending.clear();
        }

        /** How many distinct subjects this read has logged or noted. */
        public int subjects() {
            return logged.size();
        }
    }

    private Entry entry(AccessedSubject subject, String action, String detail) {
        return new Entry(
                UUID.randomUUID(),
                subject,
                caller.name(),
                caller.clientId().orElse(null),
                caller.org().orElse(null),
                action,
                detail,
                now(),
                RequestIds.current());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void insert(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            write(connection, entries);
        } catch (SQLException e) {
            throw new IllegalStateException("the subject access could not be logged", e);
        }
    }

    /** A row of {@code subject_access_log}. */
    record Entry(
            UUID id,
            AccessedSubject subject,
            String actor,
            String actorClient,
            String actorOrg,
            String action,
            String detail,
            Instant at,
            String requestId) {

        Entry {
            if (subject == null) {
                throw new IllegalArgumentException("an access names its subject");
            }
            if (action == null || action.isBlank() || action.length() > 40) {
                throw new IllegalArgumentException("an action is 1 to 40 characters");
            }
            if (detail != null && detail.length() > 500) {
                detail = detail.substring(0, 500);
            }
        }
    }

    static void write(Connection connection, Entry entry) throws SQLException {
        write(connection, List.of(entry));
    }

    /** Writes the entries in as few JDBC batches as their column sets allow. */
    static void write(Connection connection, List<Entry> entries) throws SQLException {
        Map<String, List<Map<String, Object>>> bySql = new LinkedHashMap<>();
        for (Entry entry : entries) {
            Map<String, Object> row = row(entry);
            String sql = "INSERT INTO subject_access_log (" + String.join(", ", row.keySet()) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(row.size(), "?")) + ")";
            bySql.computeIfAbsent(sql, k -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<String, List<Map<String, Object>>> statement : bySql.entrySet()) {
            try (PreparedStatement insert = connection.prepareStatement(statement.getKey())) {
                for (Map<String, Object> row : statement.getValue()) {
                    int index = 1;
                    for (Object value : row.values()) {
                        if (value == null) {
                            insert.setNull(index++, Types.VARCHAR);
                        } else {
                            insert.setObject(index++, value);
                        }
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static Map<String, Object> row(Entry entry) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", entry.id());
        if (entry.subject() instanceof AccessedSubject.ById byId) {
            row.put("subject_id", byId.subjectId());
        } else if (entry.subject() instanceof AccessedSubject.ByIdentifier byIdentifier) {
            row.put("subject_system", byIdentifier.system());
            row.put("subject_value", byIdentifier.value());
        }
        row.put("actor", entry.actor());
        if (entry.actorClient() != null) {
            row.put("actor_client", entry.actorClient());
        }
        row.put("actor_org", entry.actorOrg());
        row.put("action", entry.action());
        if (entry.detail() != null) {
            row.put("detail", entry.detail());
        }
        row.put("at", Timestamp.from(entry.at()));
        row.put("request_id", entry.requestId());
        return row;
    }
}
