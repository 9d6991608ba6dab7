package org.consentgov.platform.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A digest of the whole content of the named tables, to prove that a rejected request changed nothing:
 * take one before, one after, and compare.
 */
public final class DatabaseFingerprint {

    private DatabaseFingerprint() {}

    public static Map<String, String> of(DataSource dataSource, String... tables) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String table : tables) {
                if (!table.matches("[a-z_]+")) {
                    throw new IllegalArgumentException(table);
                }
                try (ResultSet rs = s.executeQuery(
                        "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
                                + table + " t")) {
                    rs.next();
                    out.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
