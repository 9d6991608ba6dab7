package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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
        OpenApiFuzzer.forService("notice-service")
                .baseUri(URI.create(service.toString()))
                .settings(FuzzSettings.fromSystemProperties(3500))
                .tokens(
                        NoticeTestData.token("dpo"),
                        NoticeTestData.token("notice-editor"),
                        NoticeTestData.token("integration"),
                        NoticeTestData.token("auditor"))
                .fingerprint(() -> DatabaseFingerprint.of(dataSource, tables))
                .build()
                .run()
                .assertClean();
    }

    // ---- defects the fuzzer found, kept as plain regression tests

    @Test
    void nulInAPathIsABadRequestNotADatabaseError() {
        given().auth()
                .oauth2(NoticeTestData.token("dpo"))
                .urlEncodingEnabled(false)
                .when()
                .get("/api/notices/nul%00/versions/1/checks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-character"));
        given().urlEncodingEnabled(false)
                .when()
                .get("/public/notices?lang=e%00n")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void nulInAJsonStringIsAnInvalidValue() {
        given().auth()
                .oauth2(NoticeTestData.token("dpo"))
                .contentType("application/json")
                .body(
                        "{\"targetUrl\":\"https://example.org/a\\u0000b\",\"eventTypes\":[\"org.consentgov.notice.published\"],"
                                + "\"secret\":\"a-long-random-shared-secret-of-at-least-32-chars\"}")
                .when()
                .post("/api/notices/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-value"));
    }

    @Test
    void aFieldNamedTwiceIsMalformedJsonNotA500() {
        given().auth()
                .oauth2(NoticeTestData.token("dpo"))
                .contentType("application/json")
                .header("If-Match", "\"1\"")
                .body("{\"reason\": 1, \"reason\": \"The research project has ended\"}")
                .when()
                .post("/api/notices/what-it-means-to-me/versions/1/retire")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-json"));
    }

    @Test
    void aFailedIfMatchOnTheVocabularyIsAProblem() {
        given().header("If-Match", "\"unterminated")
                .when()
                .get("/public/vocabulary")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("status", equalTo(412));
    }
}
