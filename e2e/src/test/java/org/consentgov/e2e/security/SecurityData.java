package org.consentgov.e2e.security;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.consentgov.e2e.support.Gateway;
import org.consentgov.platform.testing.SuiteTestData;

/** Lookups shared by the security tests; their small factories come from the suite's {@link SuiteTestData}. */
final class SecurityData {

    private static final Duration RATE_LIMIT_PATIENCE = Duration.ofSeconds(90);

    private SecurityData() {}

    /** A demo agreement as the DPO sees it, by reference. */
    static JsonPath agreement(String reference) {
        String id = Gateway.as("dpo")
                .queryParam("reference", reference)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .extract()
                .path("items[0].id");
        return Gateway.as("dpo")
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /**
     * Sends the request; a 429 of the gateway's per-client rate limit (these tests ask many questions as one
     * user) is asked again once the limiter says so, until a deadline.
     */
    static Response send(RequestSpecification request, String method, String url) {
        Instant deadline = Instant.now().plus(RATE_LIMIT_PATIENCE);
        while (true) {
            Response response = request.request(method.toUpperCase(), url);
            if (response.statusCode() != 429 || Instant.now().isAfter(deadline)) {
                return response;
            }
            String retryAfter = response.header("Retry-After");
            long seconds = retryAfter == null ? 1 : Math.max(1, Long.parseLong(retryAfter.trim()));
            try {
                TimeUnit.SECONDS.sleep(Math.min(seconds, 10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }

    /** A valid UPN (DfE check letter, modulus 23) that no other test uses. */
    static String upn() {
        return SuiteTestData.upn();
    }

    static Map<String, Object> map(Object... pairs) {
        return SuiteTestData.map(pairs);
    }
}
