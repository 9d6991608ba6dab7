package org.consentgov.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The three services at the HTTP boundary: notice and consent are WireMock servers that echo which
 * service answered; agreements points at a port where nothing listens, to stand for a stopped service.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    static WireMockServer notice;
    static WireMockServer consent;
    static int deadPort;

    @Override
    public Map<String, String> start() {
        notice = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64));
        consent = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64));
        notice.start();
        consent.start();
        reset();
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("gateway.upstreams.notice.url", notice.baseUrl());
        config.put("gateway.upstreams.consent.url", consent.baseUrl());
        config.put("gateway.upstreams.agreements.url", "http://127.0.0.1:" + deadPort);
        return config;
    }

    static void reset() {
        for (WireMockServer server : new WireMockServer[] {notice, consent}) {
            String name = server == notice ? "notice" : "consent";
            server.resetAll();
            server.stubFor(any(urlPathMatching("/.*"))
                    .atPriority(10)
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"service\":\"" + name + "\"}")));
            server.stubFor(get(urlPathEqualTo("/q/health/ready"))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"status\":\"UP\"}")));
            server.stubFor(get(urlPathEqualTo("/q/openapi"))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(openApi(name))));
        }
    }

    static String openApi(String name) {
        String path = name.equals("notice") ? "/api/notices" : "/api/consents";
        return """
                {"openapi":"3.1.0","info":{"title":"%s","version":"1"},
                 "tags":[{"name":"%s"}],
                 "paths":{"%s":{"get":{"operationId":"list-%s","summary":"List","tags":["%s"],"responses":{"200":{"description":"ok"}}}},
                          "/public/vocabulary":{"get":{"operationId":"getVocabulary","summary":"Vocabulary","tags":["Vocabulary"],"responses":{"200":{"description":"ok"}}}}},
                 "components":{"schemas":{"Problem":{"type":"object"},"Only%s":{"type":"string"}},
                               "securitySchemes":{"jwt":{"type":"http","scheme":"bearer"}}}}
                """.formatted(name, name, path, name, name, name);
    }

    @Override
    public void stop() {
        notice.stop();
        consent.stop();
    }
}
