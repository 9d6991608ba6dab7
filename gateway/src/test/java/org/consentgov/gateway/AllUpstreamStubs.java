package org.consentgov.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * All three services as WireMock servers that answer like a service that forgot every security header: JSON,
 * no Cache-Control, no Content-Security-Policy. Tests add the answers of services that do set their own.
 */
public class AllUpstreamStubs implements QuarkusTestResourceLifecycleManager {

    static final Map<String, WireMockServer> SERVERS = new LinkedHashMap<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>();
        for (String name : new String[] {"notice", "consent", "agreements"}) {
            WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
            server.start();
            SERVERS.put(name, server);
            config.put("gateway.upstreams." + name + ".url", server.baseUrl());
        }
        reset();
        return config;
    }

    static WireMockServer server(String name) {
        return SERVERS.get(name);
    }

    static void reset() {
        SERVERS.forEach((name, server) -> {
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
                            .withBody(UpstreamStubs.openApi(name))));
        });
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(WireMockServer::stop);
        SERVERS.clear();
    }
}
