package org.consentgov.reliability.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The tests' own PostgreSQL: an embedded one (zonky, as the platform test-jar's {@code LocalPostgres} starts) on a
 * free port, with a data directory under {@code target} that survives {@link #stop()} and {@link #start()}, so that
 * a test can take the database away from running services and give it back on the same address.
 */
public final class Postgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    Postgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A fresh instance: an empty data directory. */
    static Postgres fresh(Path dataDirectory) {
        deleteRecursively(dataDirectory);
        Postgres postgres = new Postgres(dataDirectory, Ports.free());
        postgres.start();
        return postgres;
    }

    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("PostgreSQL is already running");
        }
        try {
            Files.createDirectories(dataDirectory);
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setCleanDataDirectory(false)
                    .setDataDirectory(dataDirectory)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // TCP only: a socket file could collide with a system PostgreSQL's in /tmp
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start on port " + port, e);
        }
    }

    /** Stops the server (pg_ctl stop -m fast: open connections are cut); the data stays. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not stop", e);
        } finally {
            server = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl(database));
        ds.setUser("postgres");
        ds.setPassword("");
        return ds;
    }

    public void createDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    /** One column of every row a query answers, as strings. */
    public List<String> column(String database, String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long count(String database, String sql, Object... parameters) {
        return Long.parseLong(column(database, sql, parameters).get(0));
    }

    /** Runs a statement (tests use it to tamper with audit rows); answers the update count. */
    public int execute(String database, String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Runs a statement as someone with direct access to the database would, with triggers off for this session
     * ({@code session_replication_role = replica}), so that an append-only guard does not stop it.
     */
    public int tamper(String database, String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                return s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
