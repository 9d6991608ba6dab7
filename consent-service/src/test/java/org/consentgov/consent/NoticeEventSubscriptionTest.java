package org.consentgov.consent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import org.consentgov.platform.events.subscription.EventSubscriber;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registration of consent-service's webhook at notice-service: with its own client-credentials token, looking up
 * the existing subscriptions by target URL first. notice-service's subscriptions API and the token endpoint are
 * WireMock stubs.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeEventSubscriptionTest.Upstream.class)
class NoticeEventSubscriptionTest {

    static final String TARGET = "http://localhost:8082/api/consents/notice-events";
    static final String SUBSCRIPTIONS = "/api/notices/subscriptions";

    /** notice-service's subscriptions API and the OIDC token endpoint, in one WireMock server. */
    public static class Upstream implements QuarkusTestResourceLifecycleManager {
        static WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(wireMockConfig().dynamicPort());
            server.start();
            return Map.of(
                    "quarkus.rest-client.event-subscriptions.url",
                    server.baseUrl() + SUBSCRIPTIONS,
                    "quarkus.oidc-client.auth-server-url",
                    server.baseUrl(),
                    "quarkus.oidc-client.token-path",
                    server.baseUrl() + "/token",
                    "consent.notice-events.target-url",
                    TARGET);
        }

        @Override
        public void stop() {
            server.stop();
        }
    }

    @Inject
    EventSubscriber subscriber;

    @Inject
    EventSubscriber.Subscription noticeEvents;

    WireMockServer server() {
        return Upstream.server;
    }

    @BeforeEach
    void reset() {
        server().resetAll();
        server().stubFor(
                        post(urlEqualTo("/token"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(200)
                                                .withHeader("Content-Type", "application/json")
                                                .withBody(
                                                        "{\"access_token\":\"consent-service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        server().stubFor(post(urlEqualTo(SUBSCRIPTIONS))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"3f1d2c4b-5a6e-4f70-8b9c-0d1e2f3a4b5c\",\"targetUrl\":\"" + TARGET
                                + "\",\"active\":true}")));
    }

    void existing(String items, int totalPages) {
        server().stubFor(get(urlPathEqualTo(SUBSCRIPTIONS))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[" + items + "],\"page\":0,\"size\":100,\"totalItems\":1,\"totalPages\":"
                                + totalPages + "}")));
    }

    @Test
    void createsTheSubscriptionWithItsOwnToken() {
        existing(
                "{\"id\":\"a\",\"targetUrl\":\"" + TARGET
                        + "\",\"eventTypes\":[\"org.consentgov.notice.material-change\"],"
                        + "\"active\":false},{\"id\":\"b\",\"targetUrl\":\"https://elsewhere.example/hook\","
                        + "\"eventTypes\":[\"org.consentgov.notice.material-change\"],\"active\":true}",
                1);

        assertThat(subscriber.subscribe(noticeEvents)).isEqualTo(EventSubscriber.Result.CREATED);

        // the token came from the token endpoint (client credentials; the OIDC client caches it between tests)
        server().verify(getRequestedFor(urlPathEqualTo(SUBSCRIPTIONS))
                .withHeader("Authorization", equalTo("Bearer consent-service-token")));
        server().verify(
                        1,
                        postRequestedFor(urlEqualTo(SUBSCRIPTIONS))
                                .withHeader("Authorization", equalTo("Bearer consent-service-token"))
                                .withRequestBody(equalToJson(
                                        "{\"targetUrl\":\"" + TARGET
                                                + "\",\"eventTypes\":[\"org.consentgov.notice.material-change\"],"
                                                + "\"secret\":\"test-notice-events-secret-0123456789abcdefghij\"}",
                                        true,
                                        true)));
    }

    @Test
    void keepsAnActiveSubscriptionForTheSameTarget() {
        existing(
                "{\"id\":\"a\",\"targetUrl\":\"" + TARGET + "\",\"eventTypes\":[\"org.consentgov.notice.published\","
                        + "\"org.consentgov.notice.material-change\"],\"active\":true}",
                1);

        assertThat(subscriber.subscribe(noticeEvents)).isEqualTo(EventSubscriber.Result.EXISTING);
        server().verify(0, postRequestedFor(urlEqualTo(SUBSCRIPTIONS)));
    }

    @Test
    void aRefusalIsAnErrorToRetry() {
        server().stubFor(get(urlPathEqualTo(SUBSCRIPTIONS))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":403}")));
        assertThatThrownBy(() -> subscriber.subscribe(noticeEvents)).isInstanceOf(RuntimeException.class);
        server().verify(0, postRequestedFor(urlEqualTo(SUBSCRIPTIONS)));
    }
}
