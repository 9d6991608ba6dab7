package org.consentgov.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The PostgreSQL of the local run command ({@code ./run}), for machines that have none on 127.0.0.1:5432.
 *
 * <pre>
 * LocalPostgresMain [--port 5432] [--data-dir .cache/postgres-data] notices consents agreements
 *     starts an embedded PostgreSQL (zonky) on 127.0.0.1:port whose data survives restarts, creates the
 *     named databases if missing, prints "postgres ready on 127.0.0.1:port" and blocks until the JVM is
 *     stopped (SIGTERM / Ctrl-C); a shutdown hook stops the server.
 * LocalPostgresMain --create-only [--host 127.0.0.1] [--port 5432] notices consents agreements
 *     creates the named databases on an already running PostgreSQL (user postgres, or PGUSER/PGPASSWORD)
 *     and exits; for machines that have PostgreSQL but no psql.
 * </pre>
 *
 * Unlike {@link LocalPostgres}, which picks a free port and a throw-away directory for tests, this one binds
 * the fixed port of the local run contract so that services started with their default JDBC URL find it.
 */
public final class LocalPostgresMain {

    private LocalPostgresMain() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LocalPostgresMain: " + e.getMessage());
            System.err.println(
                    "usage: LocalPostgresMain [--create-only] [--host HOST] [--port PORT] [--data-dir DIR] DATABASE...");
            System.exit(2);
            return;
        }
        if (options.createOnly) {
            String user = env("PGUSER", "postgres");
            String password = env("PGPASSWORD", "");
            createDatabases(options.host, options.port, user, password, options.databases);
            System.out.println("databases " + options.databases + " present on " + options.host + ":" + options.port);
            return;
        }
        runEmbedded(options);
    }

    private static void runEmbedded(Options options) throws IOException, InterruptedException {
        Path dataDirectory = options.dataDirectory.toAbsolutePath();
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(options.port)
                .setCleanDataDirectory(false)
                .setDataDirectory(dataDirectory)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // TCP only: a socket file could collide with a system PostgreSQL's in /tmp
                .setServerConfig("unix_socket_directories", "''")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                postgres.close();
                                System.out.println("postgres on 127.0.0.1:" + options.port + " stopped");
                            } catch (IOException e) {
                                System.err.println("could not stop postgres cleanly: " + e.getMessage());
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "local-postgres-stop"));
        createDatabases("127.0.0.1", options.port, "postgres", "", options.databases);
        System.out.println("postgres ready on 127.0.0.1:" + options.port + " (data in " + dataDirectory + ", databases "
                + options.databases + ")");
        System.out.flush();
        stopped.await();
    }

    static void createDatabases(String host, int port, String user, String password, List<String> databases) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
                Statement create = c.createStatement()) {
            for (String database : databases) {
                exists.setString(1, database);
                boolean present;
                try (var rs = exists.executeQuery()) {
                    present = rs.next();
                }
                if (!present) {
                    // names are checked against a plain identifier pattern in Options.parse
                    create.execute("CREATE DATABASE " + database);
                    System.out.println("created database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not create databases " + databases + " on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private record Options(boolean createOnly, String host, int port, Path dataDirectory, List<String> databases) {

        static Options parse(String[] args) {
            boolean createOnly = false;
            String host = "127.0.0.1";
            int port = 5432;
            Path dataDirectory = Path.of(".cache", "postgres-data");
            List<String> databases = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--create-only" -> createOnly = true;
                    case "--host" -> host = value(args, ++i, "--host");
                    case "--port" -> port = port(value(args, ++i, "--port"));
                    case "--data-dir" -> dataDirectory = Path.of(value(args, ++i, "--data-dir"));
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        if (!args[i].matches("[a-z][a-z0-9_]{0,62}")) {
                            throw new IllegalArgumentException("not a plain database name: " + args[i]);
                        }
                        databases.add(args[i]);
                    }
                }
            }
            return new Options(createOnly, host, port, dataDirectory, List.copyOf(databases));
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int port(String text) {
            try {
                int port = Integer.parseInt(text);
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("port out of range: " + text);
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a port: " + text);
            }
        }
    }
}
