package org.consentgov.consent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * notice-service at the HTTP boundary: three published fixture notices, 404 for anything else. Tests
 * reach the server through {@link #server} to stage notice-service's failures.
 */
public class NoticeServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String RESEARCH = "research-notice";
    public static final String RESEARCH_HASH = "1".repeat(64);
    public static final String CONSENT_BASIS = "consent-basis-notice";
    public static final String CONSENT_BASIS_HASH = "2".repeat(64);
    public static final String NO_CONSENT = "no-consent-notice";
    public static final String NO_CONSENT_HASH = "3".repeat(64);

    static WireMockServer server;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        reset();
        return Map.of("quarkus.rest-client.notices.url", server.baseUrl());
    }

    /** Back to the healthy notice-service with the three fixtures. */
    public static void reset() {
        server.resetAll();
        server.stubFor(get(urlMatching("/public/notices/.*"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"code\":\"not-found\"}")));
        publish(RESEARCH, 1, "research.json");
        publish(CONSENT_BASIS, 2, "consent-basis.json");
        publish(NO_CONSENT, 1, "no-consent.json");
    }

    private static void publish(String slug, int version, String fixture) {
        server.stubFor(get(urlEqualTo("/public/notices/" + slug + "/versions/" + version))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(read(fixture))));
    }

    /**
     * Publishes a variant of the research fixture as {@code slug} version {@code version} (hash {@code hash}): the
     * edit sets its state, in-force interval, material change or consent terms. Gone again after {@link #reset}.
     */
    public static void stage(String slug, int version, String hash, Consumer<ObjectNode> edit) {
        try {
            ObjectNode notice = (ObjectNode) JSON.readTree(read("research.json"));
            notice.put("slug", slug).put("version", version).put("contentHash", hash);
            edit.accept(notice);
            server.stubFor(get(urlEqualTo("/public/notices/" + slug + "/versions/" + version))
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(JSON.writeValueAsString(notice))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** notice-service's {@code ?at=} answer for {@code slug}: that version, whatever the instant. */
    public static void inForceAtAnyInstant(String slug, int version, String hash) {
        try {
            ObjectNode notice = (ObjectNode) JSON.readTree(read("research.json"));
            notice.put("slug", slug).put("version", version).put("contentHash", hash);
            server.stubFor(get(urlPathEqualTo("/public/notices/" + slug))
                    .withQueryParam("at", matching(".+"))
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(JSON.writeValueAsString(notice))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String fixture) {
        try (InputStream in = NoticeServiceStub.class.getResourceAsStream("/notices/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
