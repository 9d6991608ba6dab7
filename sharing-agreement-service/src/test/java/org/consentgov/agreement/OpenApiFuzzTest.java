package org.consentgov.agreement;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.Set;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.fuzz.DatabaseTables;
import org.consentgov.platform.testing.fuzz.FuzzSettings;
import org.consentgov.platform.testing.fuzz.OpenApiFuzzer;
import org.junit.jupiter.api.Test;

/**
 * Bad input, from the service's own OpenAPI document: thousands of valid, edge and invalid requests over every
 * operation; no 5xx, every 4xx a problem, no leaked internals, and rejected requests change nothing. Repeat a
 * run with {@code -Dfuzz.seed=<seed>}, make it longer with {@code -Dfuzz.requests=<n>} (see the README).
 */
@QuarkusTest
@TestProfile(OpenApiFuzzTest.Last.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiFuzzTest {

    /**
     * A profile of its own, so that this test runs after the module's other tests (Quarkus runs tests with a
     * profile after those without) and its thousands of requests change no data those tests read.
     */
    public static class Last implements QuarkusTestProfile {}

    @TestHTTPResource("/")
    URL service;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void badInputIsRejectedCleanlyAndChangesNothing() throws Exception {
        String[] tables = DatabaseTables.all(dataSource, Set.of("flyway_schema_history"));
        OpenApiFuzzer.forService("sharing-agreement-service")
                .baseUri(URI.create(service.toString()))
                .settings(FuzzSettings.fromSystemProperties(3500))
                .tokens(
                        AgreementTestData.token("dpo"),
                        AgreementTestData.token("integration"),
                        AgreementTestData.token("partner"),
                        AgreementTestData.token("auditor"),
                        AgreementTestData.token("caseworker"),
                        AgreementTestData.token("researcher"))
                .fingerprint(() -> DatabaseFingerprint.of(dataSource, tables))
                .build()
                .run()
                .assertClean();
    }
}
