package org.consentgov.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(UpstreamStubs.class)
class GatewayTest {

    @TestHTTPResource("/")
    URL gateway;

    static String token(String user) {
        return TestTokens.token(user, "caseworker", "luton-council", "gateway");
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetStubs() {
        UpstreamStubs.reset();
    }

    @Test
    void publicPagesNeedNoTokenAndReachNoticeService() {
        given().when()
                .get("/public/notices/what-it-means-to-me")
                .then()
                .statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("notice"))
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
        UpstreamStubs.notice.verify(getRequestedFor(urlPathEqualTo("/public/notices/what-it-means-to-me"))
                .withHeader("X-Request-Id", matching(".+"))
                .withHeader("traceparent", matching("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")));
    }

    @Test
    void signedNoticeEventsPassWithoutATokenWithTheirSignatureAndOnlyOnTheirExactPath() {
        given().contentType("application/cloudevents+json")
                .header("Webhook-Signature", "t=1,v1=abc")
                .body("{\"id\":\"e1\"}")
                .when()
                .post("/api/consents/notice-events")
                .then()
                .statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("consent"));
        UpstreamStubs.consent.verify(postRequestedFor(urlPathEqualTo("/api/consents/notice-events"))
                .withHeader("Webhook-Signature", matching("t=1,v1=abc")));
        // Only that path: its neighbours still need a token.
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/consents/notice-events/x")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/consents")
                .then()
                .statusCode(401);
    }

    @Test
    void eachPrefixGoesToItsService() {
        String t = token("router");
        given().auth()
                .oauth2(t)
                .when()
                .get("/api/notices")
                .then()
                .statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("notice"));
        given().auth()
                .oauth2(t)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("consent"));
        given().auth()
                .oauth2(t)
                .when()
                .get("/api/subjects/1")
                .then()
                .statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("consent"));
        given().auth()
                .oauth2(t)
                .when()
                .get("/api/noticesX")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void apiCallsWithoutAValidTokenAreRefusedBeforeReachingAService() {
        given().when()
                .get("/api/notices")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", org.hamcrest.Matchers.equalTo("unauthenticated"));
        given().auth()
                .oauth2("forged.token.value")
                .when()
                .get("/api/notices")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        String wrongAudience = TestTokens.token("x", "dpo", "luton-council", "notice-service");
        given().auth().oauth2(wrongAudience).when().get("/api/notices").then().statusCode(401);
        String expired = TestTokens.sign(TestTokens.builder("x", Set.of("dpo"), "luton-council", "gateway")
                .issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(1800)));
        given().auth().oauth2(expired).when().get("/api/notices").then().statusCode(401);
        UpstreamStubs.notice.verify(0, getRequestedFor(urlPathEqualTo("/api/notices")));
    }

    @Test
    void theTokenIsForwardedAndSpoofableHeadersAreReplaced() {
        String t = token("forwarder");
        given().auth()
                .oauth2(t)
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Org", "bedfordshire-police")
                .header("Forwarded", "for=6.6.6.6")
                .header("X-Request-Id", "req-42")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .when()
                .get("/api/notices")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "req-42");
        UpstreamStubs.notice.verify(getRequestedFor(urlPathEqualTo("/api/notices"))
                .withHeader("Authorization", equalTo("Bearer " + t))
                .withHeader("X-Forwarded-For", equalTo("127.0.0.1"))
                .withHeader("X-Org", absent())
                .withHeader("Forwarded", absent())
                .withHeader("X-Request-Id", equalTo("req-42"))
                .withHeader("traceparent", matching("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")));
    }

    /** On the notice route: its test timeout (5 s) leaves room for 8 MB on a busy machine; consent's 1 s is for the 504 test. */
    @Test
    void requestAndResponseBodiesPassThroughWhole() {
        UpstreamStubs.notice.stubFor(post(urlPathEqualTo("/api/notices/import"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/octet-stream")
                        .withBody(new byte[3_000_000])));
        byte[] body = new byte[5_000_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        byte[] answer = given().auth()
                .oauth2(token("bulk"))
                .contentType("application/x-ndjson")
                .body(body)
                .when()
                .post("/api/notices/import")
                .then()
                .statusCode(201)
                .extract()
                .asByteArray();
        assertThat(answer).hasSize(3_000_000);
        UpstreamStubs.notice.verify(
                postRequestedFor(urlPathEqualTo("/api/notices/import")).withRequestBody(matching("abcdefghij.*")));
        assertThat(UpstreamStubs.notice
                        .findAll(postRequestedFor(urlPathEqualTo("/api/notices/import")))
                        .get(0)
                        .getBody())
                .hasSize(5_000_000);
    }

    /** Larger than Vert.x's default limit (10 MB): the consent import takes up to 1 GiB, and the gateway streams it. */
    @Test
    void aBodyLargerThanTenMegabytesIsStreamedToTheService() {
        UpstreamStubs.notice.stubFor(post(urlPathEqualTo("/api/notices/import"))
                .willReturn(aResponse().withStatus(201)));
        byte[] body = new byte[12_000_000];
        java.util.Arrays.fill(body, (byte) 'x');
        given().auth()
                .oauth2(token("bulk"))
                .contentType("application/x-ndjson")
                .body(body)
                .when()
                .post("/api/notices/import")
                .then()
                .statusCode(201);
        assertThat(UpstreamStubs.notice
                        .findAll(postRequestedFor(urlPathEqualTo("/api/notices/import")))
                        .get(0)
                        .getBody())
                .hasSize(12_000_000);
    }

    /** The streamed import answers once the file is recorded: longer than consent's request timeout (1 s in tests). */
    @Test
    void theStreamedImportMayAnswerAfterTheRequestTimeoutOtherPostsMayNot() {
        UpstreamStubs.consent.stubFor(post(urlPathEqualTo("/api/consents/imports"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"state\":\"COMPLETED\"}")
                        .withFixedDelay(2500)));
        UpstreamStubs.consent.stubFor(post(urlPathEqualTo("/api/consents"))
                .willReturn(aResponse().withStatus(201).withFixedDelay(2500)));
        given().auth()
                .oauth2(token("bulk"))
                .contentType("application/x-ndjson")
                .body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when()
                .post("/api/consents/imports")
                .then()
                .statusCode(201)
                .body("state", org.hamcrest.Matchers.equalTo("COMPLETED"));
        given().auth()
                .oauth2(token("bulk"))
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/consents")
                .then()
                .statusCode(504);
    }

    /** An h2c upgrade is ignored: the answer is HTTP/1.1 (an upgraded stream would hold the whole body). */
    @Test
    void aCleartextHttp2UpgradeIsIgnored() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(gateway.getHost(), gateway.getPort())) {
            socket.getOutputStream()
                    .write(("GET /public/notices HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 ").doesNotContain("101");
        }
    }

    @Test
    void aStoppedServiceIsA503ProblemNotAHang() {
        given().auth()
                .oauth2(token("stopped"))
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("code", org.hamcrest.Matchers.equalTo("upstream-unavailable"));
    }

    @Test
    void aSlowServiceIsA504Problem() {
        UpstreamStubs.consent.stubFor(get(urlPathEqualTo("/api/consents/slow"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        given().auth()
                .oauth2(token("slow"))
                .when()
                .get("/api/consents/slow")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("upstream-timeout"));
    }

    @Test
    void theServicesProblemsPassThroughUnchanged() {
        UpstreamStubs.consent.stubFor(get(urlPathEqualTo("/api/consents/missing"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"code\":\"not-found\"}")));
        given().auth()
                .oauth2(token("problems"))
                .when()
                .get("/api/consents/missing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("not-found"));
    }

    @Test
    void oneMergedOpenApiDocumentDescribesEveryService() {
        given().when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/notices"))
                .body("paths", hasKey("/api/consents"))
                .body("components.schemas", hasKey("Onlynotice"))
                .body("components.schemas", hasKey("Onlyconsent"))
                .body("components.securitySchemes.oidc.type", org.hamcrest.Matchers.equalTo("openIdConnect"))
                .body("info.x-missing-services", containsString("agreements"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void healthShowsEachUpstream() {
        given().when()
                .get("/q/health")
                .then()
                .body("checks.find { it.name == 'upstreams' }.data.notice", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.consent", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.agreements", startsWith("DOWN"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void corsAllowsOnlyTheConfiguredFrontEnds() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/consents")
                .then()
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/consents")
                .then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void clientsAbortingMidRequestDoNotWedgeTheGateway() throws Exception {
        UpstreamStubs.notice.stubFor(any(urlPathMatching("/public/slow/.*"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withChunkedDribbleDelay(20, 400)
                        .withBody("x".repeat(20_000))));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Void>> aborts = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int n = i;
                aborts.add(() -> {
                    try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
                        OutputStream out = socket.getOutputStream();
                        if (n % 3 == 0) {
                            // headers promise a body that never comes
                            out.write(("POST /public/slow/" + n
                                            + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" + "partial")
                                    .getBytes(StandardCharsets.US_ASCII));
                        } else {
                            out.write(("GET /public/slow/" + n + " HTTP/1.1\r\nHost: x\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                            if (n % 3 == 1) {
                                InputStream in = socket.getInputStream();
                                in.read(new byte[64]);
                            }
                        }
                        out.flush();
                    }
                    return null;
                });
            }
            // well-behaved clients alongside the aborting ones: every one of their requests is answered
            List<Callable<Void>> mixed = new ArrayList<>();
            List<Integer> alongside = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int i = 0; i < aborts.size(); i++) {
                mixed.add(aborts.get(i));
                int n = i;
                mixed.add(() -> {
                    alongside.add(
                            n % 2 == 0
                                    ? given().when().get("/public/notices/ok").statusCode()
                                    : given().contentType("application/json")
                                            .header("Idempotency-Key", "alongside-" + n)
                                            .body("{\"n\":" + n + "}")
                                            .when()
                                            .post("/public/notices/ok")
                                            .statusCode());
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(mixed)) {
                f.get();
            }
            assertThat(alongside).hasSize(300).allMatch(status -> status >= 200 && status < 300);
            List<Callable<Integer>> normal = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                normal.add(() -> given().when().get("/public/notices/ok").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(normal)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
