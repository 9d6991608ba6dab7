package org.consentgov.consent.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.consentgov.consent.domain.ImportState;

/**
 * The {@code consent_import} rows: one per bulk import. Every write is its own short transaction, so progress
 * is visible to readers while the import runs, and survives the import's failure.
 */
@ApplicationScoped
public class ImportJobs {

    /** One row. {@code errors} is the stored JSON array of {@code {line, problem}}. */
    public record Row(
            UUID id,
            String createdBy,
            String createdOrg,
            String idempotencyKey,
            String requestId,
            ImportState state,
            long linesRead,
            long created,
            long replayed,
            long rejected,
            String errors,
            String failure,
            Instant startedAt,
            Instant updatedAt,
            Instant finishedAt) {}

    /** A refused line as stored: its number and the problem it was answered with. */
    public record LineError(long line, Object problem) {}

    /** The counts so far, and the first refused lines. */
    public record Progress(long linesRead, long created, long replayed, long rejected, List<LineError> errors) {}

    private static final String COLUMNS = """
            id, created_by, created_org, idempotency_key, request_id, state, lines_read, created, replayed, rejected,
            errors, failure, started_at, updated_at, finished_at""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public ImportJobs(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public void start(UUID id, String createdBy, String createdOrg, String key, String requestId, Instant now) {
        update("""
                INSERT INTO consent_import (id, created_by, created_org, idempotency_key, request_id, state, started_at,
                    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", id, createdBy, createdOrg, key, requestId, ImportState.RUNNING.name(), at(now), at(now));
    }

    public void progress(UUID id, Progress p, Instant now) {
        update("""
                UPDATE consent_import SET lines_read = ?, created = ?, replayed = ?, rejected = ?, errors = ?::jsonb,
                    updated_at = ? WHERE id = ?""", p.linesRead(), p.created(), p.replayed(), p.rejected(), json(p.errors()), at(now), id);
    }

    public void finish(UUID id, Progress p, ImportState state, String failure, Instant now) {
        update(
                """
                UPDATE consent_import SET lines_read = ?, created = ?, replayed = ?, rejected = ?, errors = ?::jsonb,
                    state = ?, failure = ?, updated_at = ?, finished_at = ? WHERE id = ?""",
                p.linesRead(),
                p.created(),
                p.replayed(),
                p.rejected(),
                json(p.errors()),
                state.name(),
                failure == null ? null : failure.substring(0, Math.min(failure.length(), 1000)),
                at(now),
                at(now),
                id);
    }

    /** The import, if it is {@code createdBy}'s or {@code createdBy} is null. */
    public Optional<Row> find(UUID id, String createdBy) {
        List<Row> rows = query(
                "SELECT " + COLUMNS + " FROM consent_import WHERE id = ? AND (?::varchar IS NULL OR created_by = ?)",
                id,
                createdBy,
                createdBy);
        return rows.stream().findFirst();
    }

    /** Newest first; only {@code createdBy}'s when it is not null, only in {@code state} when it is not null. */
    public List<Row> page(String createdBy, ImportState state, int page, int size) {
        return query(
                "SELECT " + COLUMNS + " FROM consent_import WHERE (?::varchar IS NULL OR created_by = ?)"
                        + " AND (?::varchar IS NULL OR state = ?) ORDER BY started_at DESC, id LIMIT ? OFFSET ?",
                createdBy,
                createdBy,
                name(state),
                name(state),
                size,
                (long) page * size);
    }

    public long count(String createdBy, ImportState state) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = prepare(
                            c,
                            "SELECT count(*) FROM consent_import WHERE (?::varchar IS NULL OR"
                                    + " created_by = ?) AND (?::varchar IS NULL OR state = ?)",
                            createdBy,
                            createdBy,
                            name(state),
                            name(state));
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private List<Row> query(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = prepare(c, sql, params);
                    ResultSet r = s.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(new Row(
                            r.getObject("id", UUID.class),
                            r.getString("created_by"),
                            r.getString("created_org"),
                            r.getString("idempotency_key"),
                            r.getString("request_id"),
                            ImportState.valueOf(r.getString("state")),
                            r.getLong("lines_read"),
                            r.getLong("created"),
                            r.getLong("replayed"),
                            r.getLong("rejected"),
                            r.getString("errors"),
                            r.getString("failure"),
                            instant(r, "started_at"),
                            instant(r, "updated_at"),
                            instant(r, "finished_at")));
                }
                return rows;
            }
        });
    }

    private void update(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = prepare(c, sql, params)) {
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("consent_import could not be written", e);
            }
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    private static String name(ImportState state) {
        return state == null ? null : state.name();
    }

    private String json(List<LineError> errors) {
        try {
            return mapper.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
