package org.consentgov.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a service's tests a fresh database of their own on a real PostgreSQL (see {@link LocalPostgres}).
 * The database is named after the Maven module, e.g. {@code notice_service_test}, and is dropped and
 * created again at the start of each test run so that no run depends on an earlier one. Two checkouts
 * testing the same module at once on one PostgreSQL keep apart by setting {@code TEST_DB_SUFFIX}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalPostgres postgres = LocalPostgres.get();
        String database = Path.of(System.getProperty("user.dir"))
                        .getFileName()
                        .toString()
                        .toLowerCase()
                        .replaceAll("[^a-z0-9]+", "_")
                + "_test"
                + System.getenv()
                        .getOrDefault("TEST_DB_SUFFIX", "")
                        .toLowerCase()
                        .replaceAll("[^a-z0-9_]+", "");
        postgres.recreateDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // The database stays for inspection after the run; the next run recreates it.
    }
}
