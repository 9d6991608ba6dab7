package org.consentgov.reliability.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.consentgov.platform.testing.TestTokens;

/**
 * The tests' OIDC provider: WireMock on a free port serving the realm's discovery document, the JWKS with the
 * public half of the key {@link TestTokens} signs with (quarkus-test-oidc-server's key pair, key id 1), and a
 * token endpoint that answers every client-credentials grant with a token of the role {@code integration} for
 * every service's audience, as Keycloak's demo realm gives the services' own clients.
 */
public final class OidcProvider implements AutoCloseable {

    public static final String REALM_PATH = "/realms/reliability";
    static final Set<String> AUDIENCES =
            Set.of("notice-service", "consent-service", "sharing-agreement-service", "gateway");

    private final WireMockServer server;

    private OidcProvider(WireMockServer server) {
        this.server = server;
    }

    static OidcProvider start() {
        WireMockServer server =
                new WireMockServer(wireMockConfig().port(Ports.free()).containerThreads(20));
        server.start();
        String realm = server.baseUrl() + REALM_PATH;
        server.stubFor(get(urlPathEqualTo(REALM_PATH + "/.well-known/openid-configuration"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"issuer": "%s",
                         "jwks_uri": "%s/protocol/openid-connect/certs",
                         "token_endpoint": "%s/protocol/openid-connect/token",
                         "authorization_endpoint": "%s/protocol/openid-connect/auth",
                         "introspection_endpoint": "%s/protocol/openid-connect/token/introspect",
                         "grant_types_supported": ["client_credentials"],
                         "id_token_signing_alg_values_supported": ["RS256"]}
                        """.formatted(TestTokens.ISSUER, realm, realm, realm, realm))));
        server.stubFor(get(urlPathEqualTo(REALM_PATH + "/protocol/openid-connect/certs"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"keys\": [" + resource("publicKey.jwk") + "]}")));
        server.stubFor(post(urlPathEqualTo(REALM_PATH + "/protocol/openid-connect/token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\": \"" + serviceToken()
                                + "\", \"token_type\": \"Bearer\", \"expires_in\": 7200}")));
        return new OidcProvider(server);
    }

    /** What the services get for OIDC_AUTH_SERVER_URL. */
    public String realmUrl() {
        return server.baseUrl() + REALM_PATH;
    }

    /** A user's token for one service's audience. */
    public static String token(String user, String role, String org, String audience) {
        return TestTokens.token(user, role, org, audience);
    }

    /** The token every service's own client gets from the token endpoint: role integration, every audience. */
    static String serviceToken() {
        Instant now = Instant.now();
        return TestTokens.sign(TestTokens.builder("service-account", Set.of("integration"), "luton-council", "gateway")
                .audience(AUDIENCES)
                .expiresAt(now.plus(Duration.ofHours(3))));
    }

    private static String resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path (quarkus-test-oidc-server)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
