package org.consentgov.platform.testing.contracts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.Set;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.RestAssuredLogging;
import org.consentgov.platform.testing.fuzz.DatabaseTables;
import org.consentgov.platform.testing.fuzz.FuzzSettings;
import org.consentgov.platform.testing.fuzz.OpenApiFuzzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input, from the service's own OpenAPI document: thousands of valid, edge and invalid requests over every
 * operation; no 5xx, every 4xx a problem, no leaked internals, and rejected requests change nothing (the
 * fingerprint of every table but Flyway's is taken around each rejected batch). Every run prints its seed: repeat
 * it with {@code -Dfuzz.seed=<seed>}, make it longer with {@code -Dfuzz.requests=<n>} ({@link FuzzSettings}).
 * A service's {@code OpenApiFuzzTest} extends this with its name, its tokens and its regression tests, and runs
 * under {@code @TestProfile(OpenApiFuzzContract.Last.class)}.
 */
@ExtendWith(RestAssuredLogging.class)
public abstract class OpenApiFuzzContract {

    /** Requests per run unless {@code -Dfuzz.requests} says otherwise: keeps {@code verify} short. */
    public static final int DEFAULT_REQUESTS = 3500;

    /**
     * A profile of its own, so that the fuzz test runs after the module's other tests (Quarkus runs tests with a
     * profile after those without) and its thousands of requests change no data those tests read.
     */
    public static class Last implements QuarkusTestProfile {}

    @TestHTTPResource("/")
    protected URL service;

    @Inject
    protected AgroalDataSource dataSource;

    /** The service's name, as its OpenAPI document is served and its kept copy named. */
    protected abstract String serviceName();

    /** Tokens for the service's roles: the fuzzer spreads its requests over them. */
    protected abstract String[] tokens();

    @Test
    public void badInputIsRejectedCleanlyAndChangesNothing() throws Exception {
        String[] tables = DatabaseTables.all(dataSource, Set.of("flyway_schema_history"));
        OpenApiFuzzer.forService(serviceName())
                .baseUri(URI.create(service.toString()))
                .settings(FuzzSettings.fromSystemProperties(DEFAULT_REQUESTS))
                .tokens(tokens())
                .fingerprint(() -> DatabaseFingerprint.of(dataSource, tables))
                .build()
                .run()
                .assertClean();
    }
}
