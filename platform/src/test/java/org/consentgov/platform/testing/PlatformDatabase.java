package org.consentgov.platform.testing;

import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh database holding only the platform's own tables (its {@code db/platform} migrations), on the
 * {@link LocalPostgres}, for plain JUnit tests of the platform's JDBC code.
 */
public final class PlatformDatabase {

    private static final String[] MIGRATIONS = {
        "db/platform/V0_1__idempotency_keys.sql", "db/platform/V0_2__outbox_and_webhooks.sql"
    };

    private final String name;

    private PlatformDatabase(String name) {
        this.name = name;
    }

    /** Drops and creates {@code name}, then applies the platform migrations to it. */
    public static PlatformDatabase recreate(String name) {
        LocalPostgres.get().recreateDatabase(name);
        PlatformDatabase database = new PlatformDatabase(name);
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            for (String migration : MIGRATIONS) {
                statement.execute(resource(migration));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("platform migrations failed", e);
        }
        return database;
    }

    /** A new connection in auto-commit mode. */
    public Connection connect() throws SQLException {
        LocalPostgres postgres = LocalPostgres.get();
        return DriverManager.getConnection(postgres.jdbcUrl(name), postgres.user(), postgres.password());
    }

    /** A data source handing out {@link #connect()} connections, for classes that take an Agroal one. */
    public AgroalDataSource dataSource() {
        return (AgroalDataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {AgroalDataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                        return connect();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String resource(String path) {
        try (InputStream in = PlatformDatabase.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no migration " + path + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
