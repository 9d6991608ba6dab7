package org.consentgov.e2e.security;

import java.net.URI;
import java.time.Duration;
import org.consentgov.e2e.E2eTest;
import org.consentgov.e2e.support.LocalSuite;
import org.consentgov.e2e.support.Tokens;
import org.consentgov.platform.testing.fuzz.FuzzSettings;
import org.consentgov.platform.testing.fuzz.OpenApiFuzzer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Bad input through the gateway, from its merged OpenAPI document, against the real services and Keycloak: the
 * same fuzzer that each service's OpenApiFuzzTest runs directly (platform test-jar), here with real tokens and
 * every answer coming back through the proxy. No 5xx, every 4xx a problem, nothing leaked, whatever the gateway
 * or a service behind it decided. The gateway's per-client rate limit is waited out as its Retry-After says.
 *
 * <p>Each service's own fuzz test proves that rejected requests change nothing in its database; this one adds the
 * gateway's path. It leaves out the operations that would change the demo data the local suite keeps
 * (transitions of existing notices, agreements and consents, updates, deletions, webhook subscriptions).
 * {@code -Dfuzz.requests} and {@code -Dfuzz.seed} work as in the services (default here: 600 requests).
 */
@E2eTest
@Order(40)
class GatewayFuzzE2eTest {

    @Test
    void badInputThroughTheGatewayIsRejectedCleanly() {
        OpenApiFuzzer.forService("gateway")
                .baseUri(URI.create(LocalSuite.GATEWAY))
                .settings(FuzzSettings.fromSystemProperties(600))
                .tokens(
                        Tokens.user("dpo"),
                        Tokens.user("editor"),
                        Tokens.eyesIntegration(),
                        Tokens.user("caseworker"),
                        Tokens.user("researcher"),
                        Tokens.user("partner-police"),
                        Tokens.user("auditor"))
                .exclude(GatewayFuzzE2eTest::changesDemoData)
                .honourRateLimit(Duration.ofSeconds(60))
                .build()
                .run()
                .assertClean();
    }

    /** "METHOD /path": updates, deletions, transitions of an existing resource, webhook subscriptions. */
    static boolean changesDemoData(String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        return switch (method) {
            case "GET" -> false;
            case "POST" -> path.contains("{") || path.endsWith("/subscriptions");
            default -> true;
        };
    }
}
