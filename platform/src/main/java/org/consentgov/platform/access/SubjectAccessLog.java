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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.consentgov.platform.requestid.RequestIds;
import org.consentgov.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * The log of who read whose personal data (DESIGN §7: a subject access request must be answerable), one
 * append-only row per read in the service's own {@code subject_access_log} table, written in the caller's
 * transaction so that a read that fails leaves no row. The actor, organisation and request id come from the
 * request; the time from the injected clock, to the microsecond the column keeps.
 *
 * <p>The services' tables differ in how they name the subject ({@link AccessedSubject}); only the columns the
 * entry uses are written, so each service keeps its table as it is.
 */
@ApplicationScoped
public class SubjectAccessLog {

    private static final Logger LOG = Logger.getLogger(SubjectAccessLog.class);

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

    /** As {@link #record(AccessedSubject, String)}, with what was read when it is not one subject's record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(AccessedSubject subject, String action, String detail) {
        Entry entry = new Entry(
                UUID.randomUUID(),
                subject,
                caller.name(),
                caller.org().orElse(null),
                action,
                detail,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                RequestIds.current());
        try (Connection connection = dataSource.getConnection()) {
            write(connection, entry);
        } catch (SQLException e) {
            throw new IllegalStateException("the subject access could not be logged", e);
        }
        LOG.infof("subject access: %s by %s (%s) subject=%s", action, entry.actor(), entry.actorOrg(), subject);
        return entry.id();
    }

    /** A row of {@code subject_access_log}. */
    record Entry(
            UUID id,
            AccessedSubject subject,
            String actor,
            String actorOrg,
            String action,
            String detail,
            Instant at,
            String requestId) {

        Entry {
            if (action == null || action.isBlank() || action.length() > 40) {
                throw new IllegalArgumentException("an action is 1 to 40 characters");
            }
            if (subject instanceof AccessedSubject.Many && detail == null) {
                throw new IllegalArgumentException("a read of many subjects says what it read in its detail");
            }
        }
    }

    static void write(Connection connection, Entry entry) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", entry.id());
        if (entry.subject() instanceof AccessedSubject.ById byId) {
            row.put("subject_id", byId.subjectId());
        } else if (entry.subject() instanceof AccessedSubject.ByIdentifier byIdentifier) {
            row.put("subject_system", byIdentifier.system());
            row.put("subject_value", byIdentifier.value());
        }
        row.put("actor", entry.actor());
        row.put("actor_org", entry.actorOrg());
        row.put("action", entry.action());
        if (entry.detail() != null) {
            row.put("detail", entry.detail());
        }
        row.put("at", Timestamp.from(entry.at()));
        row.put("request_id", entry.requestId());
        String sql = "INSERT INTO subject_access_log (" + String.join(", ", row.keySet()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(row.size(), "?")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object value : row.values()) {
                if (value == null) {
                    insert.setNull(index++, Types.VARCHAR);
                } else {
                    insert.setObject(index++, value);
                }
            }
            insert.executeUpdate();
        }
    }
}
