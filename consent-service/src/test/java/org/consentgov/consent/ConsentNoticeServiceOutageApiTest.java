package org.consentgov.consent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.consentgov.consent.ConsentTestData.competentChild;
import static org.consentgov.consent.ConsentTestData.consent;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.Map;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Recording while notice-service fails or is too slow: a 503 to retry, and nothing stored. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentNoticeServiceOutageApiTest extends ConsentApiTestSupport {

    @Test
    void whenNoticeServiceFailsTheAnswerIs503WithRetryAfterAndNothingIsStored() {
        // a notice never fetched before, so no cache can hide the failure
        NoticeServiceStub.server.stubFor(get(urlEqualTo("/public/notices/failing-notice/versions/1"))
                .atPriority(0)
                .willReturn(aResponse().withStatus(500)));
        Map<String, Object> body = consent(
                nhsNumber(), "failing-notice", 1, "5".repeat(64), "early-help", 0, list(competentChild("GIVEN")));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("code", equalTo("notice-service-unavailable"))
                .extract());
    }

    @Test
    void whenNoticeServiceIsTooSlowTheAnswerIs503() {
        NoticeServiceStub.server.stubFor(get(urlEqualTo("/public/notices/slow-notice/versions/1"))
                .atPriority(0)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(3000)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));
        Map<String, Object> body =
                consent(nhsNumber(), "slow-notice", 1, "4".repeat(64), "early-help", 0, list(competentChild("GIVEN")));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .extract());
    }
}
