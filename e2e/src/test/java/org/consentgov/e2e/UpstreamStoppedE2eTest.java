package org.consentgov.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.consentgov.e2e.support.Gateway;
import org.consentgov.e2e.support.LocalSuite;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A service of the suite dies: the gateway answers its routes with a 503 problem at once and keeps serving the
 * others. This stops consent-service for good, so the class runs last ({@code junit-platform.properties} orders
 * classes by {@link Order}); see {@link LocalSuite#stopService} for how run's watchdog is kept from stopping the
 * rest of the suite meanwhile.
 */
@E2eTest
@Order(Integer.MAX_VALUE)
class UpstreamStoppedE2eTest {

    private static final String CONSENTS = "/api/consents?notice=" + E2eTestData.RESEARCH_NOTICE + "&size=1";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** Paces the polling well under the gateway's rate limit (10 requests a second after a burst of 100). */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    @Test
    void consentServiceStoppedIsA503ProblemWhileNoticesAreStillServed(LocalSuite suite) {
        Gateway.as("dpo").when().get(CONSENTS).then().statusCode(200);

        suite.stopService("consent-service");

        // the first answers may still be 502 (a pooled connection the dead service closed); within the deadline
        // the gateway must answer 503 upstream-unavailable, and never anything but a 502/503 problem meanwhile
        List<Integer> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(DEADLINE);
        Response answer;
        do {
            pause();
            answer = Gateway.as("dpo").when().get(CONSENTS);
            seen.add(answer.statusCode());
            assertThat(answer.statusCode())
                    .as("answers after consent-service stopped: %s", seen)
                    .isIn(502, 503);
            assertThat(answer.contentType()).startsWith(Gateway.PROBLEM_JSON);
        } while (!isUnavailable(answer) && Instant.now().isBefore(deadline));

        answer.then()
                .statusCode(503)
                .body("type", equalTo(Gateway.PROBLEM_TYPE_BASE + "upstream-unavailable"))
                .body("status", equalTo(503));
        assertThat(answer.header("Retry-After")).as("Retry-After").isNotBlank();

        Gateway.as("dpo").when().get("/api/notices").then().statusCode(200);
        Gateway.anonymous()
                .accept("application/json")
                .when()
                .get("/public/notices/{slug}", E2eTestData.RESEARCH_NOTICE)
                .then()
                .statusCode(200);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUnavailable(Response answer) {
        return answer.statusCode() == 503
                && (Gateway.PROBLEM_TYPE_BASE + "upstream-unavailable")
                        .equals(answer.jsonPath().getString("type"));
    }
}
