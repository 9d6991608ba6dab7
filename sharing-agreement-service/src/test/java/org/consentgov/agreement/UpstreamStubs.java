package org.consentgov.agreement;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * notice-service, consent-service and the OIDC token endpoint at the HTTP boundary, in one WireMock server.
 * By default: both seed notices published, every consent check answered "no consent", tokens for anyone. Tests
 * stage their own notices, consents and failures through the static methods and {@link #server}; {@link #reset}
 * brings the defaults back.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    public static final String WIMTM = "what-it-means-to-me";
    public static final String CFE = "children-families-education";
    static final ObjectMapper JSON = new ObjectMapper();

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new WhileAnswering()));
        server.start();
        reset();
        return Map.of(
                "quarkus.rest-client.notices.url", server.baseUrl(),
                "quarkus.rest-client.consents.url", server.baseUrl(),
                "quarkus.oidc-client.auth-server-url", server.baseUrl(),
                "quarkus.oidc-client.token-path", server.baseUrl() + "/token");
    }

    /** Back to healthy services with the default answers. */
    public static void reset() {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"x\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        server.stubFor(get(urlPathMatching("/public/notices/.*"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"code\":\"not-found\"}")));
        server.stubFor(get(urlPathEqualTo("/public/notices"))
                .atPriority(5)
                .willReturn(json(
                        200,
                        List.of(
                                Map.of("slug", CFE, "title", "Children, families and education", "currentVersion", 1),
                                Map.of("slug", WIMTM, "title", "What It Means to Me", "currentVersion", 1)))));
        for (String slug : List.of(WIMTM, CFE)) {
            String body = fixture("/notices/" + slug + ".json");
            server.stubFor(get(urlPathEqualTo("/public/notices/" + slug + "/versions/1"))
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(body)));
            server.stubFor(get(urlPathEqualTo("/public/notices/" + slug))
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(body)));
        }
        server.stubFor(get(urlPathEqualTo("/api/consents/check"))
                .atPriority(10)
                .willReturn(json(
                        200,
                        Map.of(
                                "consented",
                                false,
                                "reasons",
                                List.of("no consent record for this subject and notice")))));
    }

    /** A notice version as notice-service would publish it, naming the organisations and categories. */
    public static void notice(
            String slug,
            int version,
            String state,
            List<String> recipients,
            List<String> controllers,
            List<String> categories) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(
                "controllers",
                controllers.stream()
                        .map(o -> Map.of("name", o, "organisationId", o, "role", "CONTROLLER"))
                        .toList());
        content.put(
                "recipients",
                recipients.stream()
                        .map(o -> Map.of(
                                "name", o, "organisationType", "other", "organisationId", o, "role", "RECIPIENT"))
                        .toList());
        content.put("dataCategories", categories);
        content.put("purposes", List.of(Map.of("code", "research", "description", "research")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("version", version);
        body.put("state", state);
        body.put("current", "PUBLISHED".equals(state));
        body.put("contentHash", "c".repeat(64));
        body.put("content", content);
        body.put("someFieldThisServiceDoesNotKnow", "ignored");
        server.stubFor(get(urlPathEqualTo("/public/notices/" + slug + "/versions/" + version))
                .atPriority(1)
                .willReturn(json(200, body)));
        if ("PUBLISHED".equals(state)) {
            noticeInForce(slug, version, "c".repeat(64), null);
        }
    }

    /**
     * notice-service's {@code GET /public/notices/{slug}?at=}: the version in force at that instant ({@code at}
     * exactly), or at any instant asked about when {@code at} is null (a stub for one instant wins).
     */
    public static void noticeInForce(String slug, int version, String contentHash, java.time.Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("version", version);
        body.put("state", "PUBLISHED");
        body.put("contentHash", contentHash);
        server.stubFor(get(urlPathEqualTo("/public/notices/" + slug))
                .atPriority(at == null ? 3 : 2)
                .withQueryParam(
                        "at",
                        at == null
                                ? com.github.tomakehurst.wiremock.client.WireMock.matching(".+")
                                : equalTo(at.toString()))
                .willReturn(json(200, body)));
    }

    /**
     * consent-service's answer as it had the records at {@code knownAt} (for any knownAt when null; a stub for one
     * knownAt wins): the record relied on, its history length, and whether it is an effective consent.
     */
    public static void consentAsKnownAt(
            String subject,
            String notice,
            String purpose,
            java.time.Instant knownAt,
            boolean consented,
            UUID record,
            int historyLength,
            String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("consented", consented);
        body.put("notice", notice);
        body.put("purpose", purpose);
        body.put("reasons", consented ? List.of() : List.of(reason));
        body.put("recordId", record.toString());
        body.put("state", consented ? "ACTIVE" : "WITHDRAWN");
        body.put("historyLength", historyLength);
        body.put("noticeVersion", Map.of("slug", notice, "version", 1, "contentHash", "a".repeat(64)));
        if (knownAt != null) {
            body.put("knownAt", knownAt.toString());
        }
        server.stubFor(get(urlPathEqualTo("/api/consents/check"))
                .atPriority(knownAt == null ? 3 : 2)
                .withQueryParam("subject", equalTo(subject))
                .withQueryParam("notice", equalTo(notice))
                .withQueryParam("purpose", equalTo(purpose))
                .withQueryParam(
                        "knownAt",
                        knownAt == null
                                ? com.github.tomakehurst.wiremock.client.WireMock.matching(".+")
                                : equalTo(knownAt.toString()))
                .willReturn(json(200, body)));
    }

    /** consent-service: an effective consent for this subject, notice and purpose. */
    public static UUID consented(String subject, String notice, String purpose) {
        UUID record = UUID.randomUUID();
        server.stubFor(get(urlPathEqualTo("/api/consents/check"))
                .atPriority(1)
                .withQueryParam("subject", equalTo(subject))
                .withQueryParam("notice", equalTo(notice))
                .withQueryParam("purpose", equalTo(purpose))
                .willReturn(json(
                        200,
                        Map.of(
                                "consented",
                                true,
                                "notice",
                                notice,
                                "purpose",
                                purpose,
                                "reasons",
                                List.of(),
                                "recordId",
                                record.toString(),
                                "state",
                                "ACTIVE",
                                "reconsentRequired",
                                false,
                                "noticeVersion",
                                Map.of("slug", notice, "version", 1, "contentHash", "a".repeat(64))))));
        return record;
    }

    public static void consentServiceFails(int status) {
        server.stubFor(get(urlPathEqualTo("/api/consents/check"))
                .atPriority(0)
                .willReturn(aResponse().withStatus(status)));
    }

    public static void consentServiceSlow() {
        server.stubFor(get(urlPathEqualTo("/api/consents/check"))
                .atPriority(0)
                .willReturn(json(200, Map.of("consented", true, "reasons", List.of()))
                        .withFixedDelay(6000)));
    }

    public static int consentChecks() {
        return server.countRequestsMatching(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                urlPathEqualTo("/api/consents/check"))
                        .build())
                .getCount();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, Object body) {
        try {
            return aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fixture(String path) {
        try (InputStream in = UpstreamStubs.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@link #probe} on WireMock's thread while it answers a stub that names this transformer: a look at what
     * the service holds while it waits for another service, without timing anything.
     */
    public static final class WhileAnswering implements ResponseDefinitionTransformerV2 {
        public static final String NAME = "while-answering";
        public static volatile Runnable probe = () -> {};

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            probe.run();
            return serveEvent.getResponseDefinition();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
