package org.consentgov.agreement;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiFuzzTest {

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
                .tokens(AgreementTestData.token("dpo"), AgreementTestData.token("integration"), AgreementTestData.token("partner"),
                        AgreementTestData.token("auditor"), AgreementTestData.token("caseworker"), AgreementTestData.token("researcher"))
                .fingerprint(() -> DatabaseFingerprint.of(dataSource, tables))
                .build().run().assertClean();
    }
}
