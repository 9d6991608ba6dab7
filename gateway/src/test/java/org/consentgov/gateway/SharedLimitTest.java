package org.consentgov.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.consentgov.gateway.ratelimit.LocalRedis;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway with its buckets in Redis (gateway.rate-limit.store=redis, the one on 127.0.0.1:6379; skipped with the
 * reason when none answers): the limit holds through the HTTP route, and a request the shared limit lets through
 * reaches the service whole, body and all, although it waited for Redis's answer. RedisRateLimiterTest proves the
 * limit holds across two gateways.
 */
@QuarkusTest
@TestProfile(SharedLimitTest.RedisStore.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(UpstreamStubs.class)
class SharedLimitTest {

    public static class RedisStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.store", "redis",
                    "gateway.rate-limit.redis-url", LocalRedis.URL,
                    "gateway.rate-limit.redis-key-prefix", "test:" + UUID.randomUUID() + ":",
                    "gateway.rate-limit.burst", "4",
                    "gateway.rate-limit.requests-per-period", "4");
        }
    }

    @BeforeEach
    void requireRedis() {
        LocalRedis.assumeAnswers();
    }

    @Test
    void theSharedLimitHoldsAndWhatItLetsThroughArrivesWhole() {
        String client = TestTokens.token("shared-" + UUID.randomUUID(), "integration", "luton-council", "gateway");
        String body = "{\"subject\":\"x\",\"note\":\"" + "a".repeat(2000) + "\"}";
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(client).when().get("/api/notices").then().statusCode(200);
        }
        for (int i = 0; i < 2; i++) {
            probe(client, body).statusCode(200);
        }
        UpstreamStubs.consent.verify(
                2,
                postRequestedFor(urlPathEqualTo("/api/consents/shared-limit-probe"))
                        .withRequestBody(equalTo(body)));
        probe(client, body)
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        UpstreamStubs.consent.verify(2, postRequestedFor(urlPathEqualTo("/api/consents/shared-limit-probe")));
        // the connection that carried a refused body still serves the next request
        given().auth().oauth2(client).when().get("/api/notices").then().statusCode(429);
        String other = TestTokens.token("other-" + UUID.randomUUID(), "integration", "luton-council", "gateway");
        given().auth().oauth2(other).when().get("/api/notices").then().statusCode(200);
    }

    private static ValidatableResponse probe(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/consents/shared-limit-probe")
                .then();
    }
}
