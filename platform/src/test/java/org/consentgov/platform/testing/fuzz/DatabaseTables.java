package org.consentgov.platform.testing.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** The tables of the service's schema, to fingerprint all of them. */
public final class DatabaseTables {

    private DatabaseTables() {}

    public static String[] all(DataSource dataSource, Set<String> except) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                                + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (table.matches("[a-z_]+") && !except.contains(table)) {
                    out.add(table);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toArray(String[]::new);
    }
}
