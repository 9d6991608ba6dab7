package org.consentgov.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.consentgov.gateway.routing.Upstreams;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * An upstream whose circuit opened gets its traffic back within the open interval plus one health interval of
 * coming back, also when its first answers are slow (routing/UpstreamRecovery). Without the recovery, the circuit
 * stays open until a request happens to half-open it, and then only three slow trial calls pass while every other
 * request is answered 503.
 */
@QuarkusTest
@TestProfile(CircuitRecoveryTest.ShortIntervals.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(UpstreamStubs.class)
class CircuitRecoveryTest {

    static final Duration OPEN_FOR = Duration.ofSeconds(1);
    static final Duration HEALTH_INTERVAL = Duration.ofMillis(300);

    public static class ShortIntervals implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.upstreams.consent.open-for", OPEN_FOR.toMillis() + "ms",
                    "gateway.upstreams.consent.health-interval", HEALTH_INTERVAL.toMillis() + "ms",
                    "gateway.upstreams.consent.request-timeout", "5s");
        }
    }

    @Inject
    Upstreams upstreams;

    @Test
    void aServiceThatComesBackSlowGetsAllItsTrafficBackWithinTheOpenIntervalAndOneHealthInterval() throws Exception {
        String caller = TestTokens.token("recovery", "integration", "luton-council", "gateway");
        UpstreamStubs.consent.stubFor(get(urlPathEqualTo("/api/consents/recovering"))
                .willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 10; i++) {
            given().auth()
                    .oauth2(caller)
                    .when()
                    .get("/api/consents/recovering")
                    .then()
                    .statusCode(500);
        }
        given().auth()
                .oauth2(caller)
                .when()
                .get("/api/consents/recovering")
                .then()
                .statusCode(503)
                .body("code", equalTo("upstream-unavailable"));
        CircuitBreaker breaker = upstreams.get("consent").breaker();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        // back, ready at once, but its first answers are slow (a service that has just started)
        UpstreamStubs.consent.stubFor(get(urlPathEqualTo("/api/consents/recovering"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(1500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"service\":\"consent\"}")));
        Instant back = Instant.now();
        // nobody calls it meanwhile: the health probes alone close the circuit (allowing for a slow machine)
        Instant deadline = back.plus(OPEN_FOR).plus(HEALTH_INTERVAL).plusSeconds(4);
        while (breaker.getState() != CircuitBreaker.State.CLOSED
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(breaker.getState())
                .as(
                        "the circuit, %s ms after the service came back",
                        Duration.between(back, Instant.now()).toMillis())
                .isEqualTo(CircuitBreaker.State.CLOSED);

        // every request now reaches it, however slow, none is answered 503
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> given().auth()
                                .oauth2(caller)
                                .when()
                                .get("/api/consents/recovering")
                                .then()
                                .extract()
                                .statusCode(),
                        pool));
            }
            assertThat(calls.stream().map(CompletableFuture::join)).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
