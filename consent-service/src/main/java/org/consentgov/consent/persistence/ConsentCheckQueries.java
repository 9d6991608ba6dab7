package org.consentgov.consent.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.domain.ConsentState;

/**
 * The check API's one read: the columns its answer needs of a subject's records for a notice, newest first, by the
 * index {@code consent_record_subject_notice}. Plain prepared SQL on the transaction's own connection (the one
 * Hibernate and the subject access log use): the check is the suite's hottest path, and Hibernate's query
 * machinery (the query plan, the row reader, the constructor expression) took a third of consent-service's CPU per
 * check (bench/RESULTS.md). Called in the check's transaction (ConsentCheckService), so what it reads and the
 * access-log row the check writes are one unit.
 */
@ApplicationScoped
public class ConsentCheckQueries {

    private static final String COLUMNS = "SELECT r.id, r.subject_id, r.notice_version, r.notice_content_hash,"
            + " r.state, r.effective, r.purposes, r.missing_parties, r.recorded_at, r.given_on, r.effective_from,"
            + " r.ended_at, r.expires_at, r.reconsent_required, r.history_length, r.changed_at FROM consent_record r";
    private static final String BY_IDENTIFIER = COLUMNS
            + " WHERE r.notice_slug = ? AND r.subject_id ="
            + " (SELECT i.subject_id FROM subject_identifier i WHERE i.system = ? AND i.value = ?)"
            + " ORDER BY r.recorded_at DESC";
    private static final String BY_SUBJECT =
            COLUMNS + " WHERE r.subject_id = ? AND r.notice_slug = ? ORDER BY r.recorded_at DESC";

    private final AgroalDataSource dataSource;

    public ConsentCheckQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The records of the subject named by an identifier, for the notice, newest first. */
    public List<ConsentCheckRow> byIdentifier(String system, String value, String noticeSlug) {
        return read(BY_IDENTIFIER, noticeSlug, system, value);
    }

    /** As {@link #byIdentifier}, by the subject's id. */
    public List<ConsentCheckRow> bySubject(UUID subjectId, String noticeSlug) {
        return read(BY_SUBJECT, subjectId, noticeSlug);
    }

    private List<ConsentCheckRow> read(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<ConsentCheckRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the consent check could not read the records", e);
        }
    }

    private static ConsentCheckRow row(ResultSet rs) throws SQLException {
        return new ConsentCheckRow(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getInt(3),
                rs.getString(4),
                ConsentState.valueOf(rs.getString(5)),
                rs.getBoolean(6),
                strings(rs.getArray(7)),
                strings(rs.getArray(8)),
                instant(rs, 9),
                rs.getObject(10, LocalDate.class),
                instant(rs, 11),
                instant(rs, 12),
                instant(rs, 13),
                rs.getBoolean(14),
                rs.getInt(15),
                instant(rs, 16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.copyOf(Arrays.asList((String[]) array.getArray()));
        } finally {
            array.free();
        }
    }
}
