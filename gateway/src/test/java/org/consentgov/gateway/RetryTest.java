package org.consentgov.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request whose pooled connection to the upstream is closed before any answer (ClosingUpstream closes each
 * path's first one) is sent once more when it is idempotent and its body is held; otherwise it fails with 502.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(ClosingUpstream.class)
class RetryTest {

    @TestHTTPResource("/")
    URL gateway;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aGetOnAClosedConnectionIsSentAgainAndAnswered() {
        double before = retriesCounted();
        given().when().get("/public/close-once/get").then().statusCode(200).body("attempt", equalTo(2));
        assertThat(ClosingUpstream.seen("GET", "/public/close-once/get")).hasSize(2);
        assertThat(retriesCounted()).isEqualTo(before + 1);
    }

    @Test
    void aPostWithAnIdempotencyKeyIsSentAgainWithTheSameBody() {
        String body = "{\"subject\":\"s-1\",\"purpose\":\"education\"}";
        given().contentType("application/json")
                .header("Idempotency-Key", "retry-1")
                .body(body)
                .when()
                .post("/public/close-once/post-with-key")
                .then()
                .statusCode(200)
                .body("attempt", equalTo(2));
        assertThat(ClosingUpstream.seen("POST", "/public/close-once/post-with-key"))
                .containsExactly(body, body);
    }

    @Test
    void aPostWithoutAnIdempotencyKeyIsNotSentAgain() {
        given().contentType("application/json")
                .body("{\"subject\":\"s-2\"}")
                .when()
                .post("/public/close-once/post-without-key")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("code", equalTo("bad-gateway"));
        assertThat(ClosingUpstream.seen("POST", "/public/close-once/post-without-key"))
                .hasSize(1);
    }

    @Test
    void aBodyLargerThanTheGatewayHoldsStreamsAndIsNotSentAgain() {
        String large = "x".repeat(8 * 1024);
        given().contentType("application/json")
                .header("Idempotency-Key", "retry-large")
                .body(large)
                .when()
                .post("/public/close-once/large")
                .then()
                .statusCode(502);
        assertThat(ClosingUpstream.seen("POST", "/public/close-once/large")).containsExactly(large);
    }

    @Test
    void aChunkedBodyStreamsAndIsNotSentAgain() throws Exception {
        byte[] chunked = "{\"chunked\":true}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway + "public/close-once/chunked"))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", "retry-chunked")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(ClosingUpstream.seen("POST", "/public/close-once/chunked")).containsExactly("{\"chunked\":true}");
    }

    /** gateway.upstream.retries for the notice upstream, from the metrics endpoint. */
    private static double retriesCounted() {
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher m = Pattern.compile("(?m)^gateway_upstream_retries_total\\{[^}]*upstream=\"notice\"[^}]*} (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
