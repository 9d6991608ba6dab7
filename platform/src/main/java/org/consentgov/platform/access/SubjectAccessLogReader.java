package org.consentgov.platform.access;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.consentgov.platform.paging.PageView;

/**
 * Answers "who looked at this child's records?" from the service's {@code subject_access_log}: one subject's
 * entries, newest first, a page at a time. The service decides who may ask (the DPO and auditors) and logs the
 * asking itself as a read of that subject.
 */
@ApplicationScoped
public class SubjectAccessLogReader {

    private static final String COLUMNS = "id, actor, actor_client, actor_org, action, at, request_id, detail";

    private final AgroalDataSource dataSource;

    public SubjectAccessLogReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public PageView<AccessLogEntryView> page(AccessedSubject subject, int page, int size) {
        String where;
        List<Object> keys = new ArrayList<>();
        if (subject instanceof AccessedSubject.ById byId) {
            where = "subject_id = ?";
            keys.add(byId.subjectId());
        } else if (subject instanceof AccessedSubject.ByIdentifier byIdentifier) {
            where = "subject_system = ? AND subject_value = ?";
            keys.add(byIdentifier.system());
            keys.add(byIdentifier.value());
        } else {
            throw new IllegalArgumentException("no subject");
        }
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count =
                    connection.prepareStatement("SELECT count(*) FROM subject_access_log WHERE " + where)) {
                bind(count, keys);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AccessLogEntryView> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM subject_access_log WHERE " + where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")) {
                bind(select, keys);
                select.setInt(keys.size() + 1, size);
                select.setLong(keys.size() + 2, (long) page * size);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        items.add(new AccessLogEntryView(
                                rs.getObject("id", java.util.UUID.class),
                                rs.getString("actor"),
                                rs.getString("actor_client"),
                                rs.getString("actor_org"),
                                rs.getString("action"),
                                rs.getTimestamp("at").toInstant(),
                                rs.getString("request_id"),
                                rs.getString("detail")));
                    }
                }
            }
            return PageView.of(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("the access log could not be read", e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> keys) throws SQLException {
        for (int i = 0; i < keys.size(); i++) {
            statement.setObject(i + 1, keys.get(i));
        }
    }
}
