package org.consentgov.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Signed bearer tokens for tests, verified by the service against the JWKS of quarkus-test-oidc-server's
 * {@code OidcWiremockTestResource} (key id 1, issuer https://server.example.com).
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";

    private TestTokens() {}

    /** A token for a user with one realm role, in an organisation (null for none), for the audience. */
    public static String token(String user, String role, String org, String audience) {
        return builder(user, Set.of(role), org, audience).jws().keyId("1").sign("privateKey.jwk");
    }

    /** The builder for token attacks: change a claim, then sign. */
    public static JwtClaimsBuilder builder(String user, Set<String> roles, String org, String audience) {
        Instant now = Instant.now();
        JwtClaimsBuilder builder = Jwt.preferredUserName(user)
                .subject(user)
                .groups(roles)
                .issuer(ISSUER)
                .audience(audience)
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(10)));
        if (org != null) {
            builder.claim("org", org);
        }
        return builder;
    }

    public static String sign(JwtClaimsBuilder builder) {
        return builder.jws().keyId("1").sign("privateKey.jwk");
    }
}
