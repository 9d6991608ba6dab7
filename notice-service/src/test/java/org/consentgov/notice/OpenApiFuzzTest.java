package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.contracts.OpenApiFuzzContract;
import org.junit.jupiter.api.Test;

/** The fuzz run of {@link OpenApiFuzzContract} on notice-service, with its roles' tokens. */
@QuarkusTest
@TestProfile(OpenApiFuzzContract.Last.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiFuzzTest extends OpenApiFuzzContract {

    @Override
    protected String serviceName() {
        return "notice-service";
    }

    @Override
    protected String[] tokens() {
        return new String[] {
            NoticeTestData.token("dpo"),
            NoticeTestData.token("notice-editor"),
            NoticeTestData.token("integration"),
            NoticeTestData.token("auditor")
        };
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
