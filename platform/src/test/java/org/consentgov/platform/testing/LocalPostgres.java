package org.consentgov.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Finds a real PostgreSQL for tests and local runs, in this order: the one named by
 * {@code TEST_PG_HOST}/{@code TEST_PG_PORT}/{@code TEST_PG_USER}/{@code TEST_PG_PASSWORD}; the one
 * answering on 127.0.0.1:5432 (user postgres); otherwise an embedded PostgreSQL (zonky) started in this
 * JVM, whose binaries come from Maven Central. {@code TEST_PG_MODE=embedded} skips the first two, so
 * that a machine with a PostgreSQL can still prove the tests pass on one without.
 */
public final class LocalPostgres {

    private static LocalPostgres instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private LocalPostgres(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    public static synchronized LocalPostgres get() {
        if (instance == null) {
            instance = discover();
        }
        return instance;
    }

    private static LocalPostgres discover() {
        if ("embedded".equals(System.getenv("TEST_PG_MODE"))) {
            return startEmbedded();
        }
        String host = System.getenv("TEST_PG_HOST");
        if (host != null && !host.isBlank()) {
            return new LocalPostgres(
                    host,
                    Integer.parseInt(env("TEST_PG_PORT", "5432")),
                    env("TEST_PG_USER", "postgres"),
                    env("TEST_PG_PASSWORD", ""),
                    null);
        }
        if (answers("127.0.0.1", 5432)) {
            LocalPostgres local = new LocalPostgres("127.0.0.1", 5432, "postgres", "", null);
            if (local.canConnect()) {
                return local;
            }
        }
        return startEmbedded();
    }

    private static LocalPostgres startEmbedded() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary data directory goes with it
                }
            }));
            return new LocalPostgres("127.0.0.1", embedded.getPort(), "postgres", "", embedded);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "no PostgreSQL answers on 127.0.0.1:5432 and the embedded one did not start", e);
        }
    }

    public boolean embedded() {
        return embedded != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Creates the database if it does not exist yet. */
    public void ensureDatabase(String database) {
        requireName(database);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    /** Drops and creates the database, so that a test run starts from an empty schema. */
    public void recreateDatabase(String database) {
        requireName(database);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not recreate database " + database, e);
        }
    }

    private boolean canConnect() {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireName(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
