package org.consentgov.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The gateway's own limits, with small numbers: the per-client token bucket and the circuit breaker. */
@QuarkusTest
@TestProfile(LimitsTest.SmallLimits.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(UpstreamStubs.class)
class LimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.burst",
                    "5",
                    "gateway.rate-limit.requests-per-period",
                    "5",
                    "gateway.upstreams.consent.open-for",
                    "60s");
        }
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterWhileOthersGoOn() {
        String greedy = TestTokens.token("greedy", "integration", "luton-council", "gateway");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(greedy).when().get("/api/notices").then().statusCode(200);
        }
        SecurityHeaderAssertions.isNotStored(given().auth()
                .oauth2(greedy)
                .when()
                .get("/api/notices")
                .then()
                .statusCode(429)
                .extract()
                .response());
        given().auth()
                .oauth2(greedy)
                .when()
                .get("/api/notices")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("rate-limited"));
        String polite = TestTokens.token("polite", "integration", "luton-council", "gateway");
        given().auth().oauth2(polite).when().get("/api/notices").then().statusCode(200);
    }

    @Test
    void aFailingServiceOpensTheCircuitAndIsThenAnsweredAtOnce() {
        UpstreamStubs.consent.stubFor(get(urlPathEqualTo("/api/consents/broken"))
                .willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 10; i++) {
            String caller = TestTokens.token("breaker-" + i, "integration", "luton-council", "gateway");
            given().auth()
                    .oauth2(caller)
                    .when()
                    .get("/api/consents/broken")
                    .then()
                    .statusCode(500);
        }
        String next = TestTokens.token("breaker-next", "integration", "luton-council", "gateway");
        given().auth()
                .oauth2(next)
                .when()
                .get("/api/consents/broken")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("code", equalTo("upstream-unavailable"))
                .header("Retry-After", "60");
        UpstreamStubs.consent.verify(10, getRequestedFor(urlPathEqualTo("/api/consents/broken")));
    }
}
