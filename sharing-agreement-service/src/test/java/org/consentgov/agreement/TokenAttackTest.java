package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Token attacks on sharing-agreement-service itself (zero trust: it checks every token, whatever the gateway did): tokens signed
 * with the key its tests trust but expired, not yet valid, of another issuer or for another audience, and
 * forgeries (no signature, a broken one, another key, an unknown key id, HS256 keyed with the trusted RSA public
 * key). Each is a 401 problem and never data; the same request with a good token is answered, so the door is not
 * simply shut. The e2e module's TokenAttackE2eTest makes the forgeries against the real Keycloak's keys.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TokenAttackTest {

    static final String AUDIENCE = "sharing-agreement-service";
    static final String PATH = "/api/agreements";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    static Stream<String> attacks() {
        return Stream.of(
                "expired",
                "not-yet-valid",
                "wrong-issuer",
                "wrong-audience",
                "no-signature",
                "alg-none-with-the-trusted-kid",
                "bad-signature",
                "claims-rewritten",
                "another-key-with-the-trusted-kid",
                "unknown-kid",
                "hs256-keyed-with-the-trusted-public-key");
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void aForgedOrMisdirectedTokenIsA401ProblemAndNeverData(String attack) throws Exception {
        Response response = given().header("Authorization", "Bearer " + token(attack))
                .accept("application/json")
                .when()
                .get(PATH);
        assertThat(response.statusCode())
                .as("%s: %s", attack, response.asString())
                .isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).doesNotContain("\"items\"");
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void theSameRequestWithAGoodTokenIsAnswered(String ignored) {
        given().auth()
                .oauth2(good())
                .accept("application/json")
                .when()
                .get(PATH)
                .then()
                .statusCode(200);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "partner, /api/agreements",
        "researcher, /api/agreements",
        "partner, /api/disclosures",
        "researcher, /api/disclosures"
    })
    void aPartnerOrResearcherWithoutAnOrganisationIsRefused(String role, String path) {
        // org-scoped roles see only what concerns their organisation; a token that names none is a 403, never data
        given().auth()
                .oauth2(TestTokens.token(role + "-without-org", role, null, AUDIENCE))
                .accept("application/json")
                .when()
                .get(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("organisation-required"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("items")));
    }

    @org.junit.jupiter.api.Test
    void aPartnerWithoutAnOrganisationMayNotAskForAnotherOrganisationsDecision() {
        given().auth()
                .oauth2(TestTokens.token("partner-without-org", "partner", null, AUDIENCE))
                .contentType("application/json")
                .accept("application/json")
                .body("{\"recipient\": \"luton-schools\", \"categories\": [\"education.attendance\"], "
                        + "\"subject\": \"nhs-number:9990000018\", \"purpose\": \"support-pupil-learning\"}")
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    static String good() {
        return TestTokens.sign(claims());
    }

    static io.smallrye.jwt.build.JwtClaimsBuilder claims() {
        return TestTokens.builder("dpo-user", Set.of("dpo"), "luton-council", AUDIENCE);
    }

    static String token(String attack) throws Exception {
        Instant now = Instant.now();
        return switch (attack) {
            case "expired" ->
                TestTokens.sign(claims().issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(1800)));
            case "not-yet-valid" ->
                TestTokens.sign(claims().claim("nbf", now.plusSeconds(3600).getEpochSecond())
                        .expiresAt(now.plusSeconds(7200)));
            case "wrong-issuer" -> TestTokens.sign(claims().issuer("https://attacker.example.com"));
            case "wrong-audience" ->
                TestTokens.sign(TestTokens.builder("dpo-user", Set.of("dpo"), "luton-council", "another-api"));
            case "no-signature" -> unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}", claimsOf(good())) + ".";
            case "alg-none-with-the-trusted-kid" ->
                unsigned("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"1\"}", claimsOf(good())) + ".";
            case "bad-signature" -> flipOneBitOfTheSignature(good());
            case "claims-rewritten" -> {
                String[] parts = TestTokens.sign(
                                TestTokens.builder("auditor-user", Set.of("auditor"), "luton-council", AUDIENCE))
                        .split("\\.");
                String rewritten = new String(B64_DECODE.decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"auditor\"", "\"dpo\"");
                yield parts[0] + "." + B64.encodeToString(rewritten.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            }
            case "another-key-with-the-trusted-kid" -> claims().jws().keyId("1").sign(stranger());
            case "unknown-kid" -> claims().jws().keyId("no-such-key").sign(stranger());
            case "hs256-keyed-with-the-trusted-public-key" -> hs256(trustedPublicKeyDer(), claimsOf(good()));
            default -> throw new IllegalArgumentException(attack);
        };
    }

    static String claimsOf(String token) {
        return new String(B64_DECODE.decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    static String unsigned(String header, String claims) {
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    }

    static String flipOneBitOfTheSignature(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = B64_DECODE.decode(token.substring(dot + 1));
        signature[signature.length / 2] ^= 0x01;
        return token.substring(0, dot + 1) + B64.encodeToString(signature);
    }

    static PrivateKey stranger() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    /** The public half of the key the tests trust (quarkus-test-oidc-server's publicKey.jwk), X.509-encoded. */
    static byte[] trustedPublicKeyDer() throws IOException, GeneralSecurityException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("publicKey.jwk")) {
            assertThat(in).as("publicKey.jwk of quarkus-test-oidc-server").isNotNull();
            JsonNode jwk = new ObjectMapper().readTree(in);
            BigInteger n = new BigInteger(1, B64_DECODE.decode(jwk.path("n").asText()));
            BigInteger e = new BigInteger(1, B64_DECODE.decode(jwk.path("e").asText()));
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(n, e))
                    .getEncoded();
        }
    }

    static String hs256(byte[] secret, String claims) throws GeneralSecurityException {
        String input = unsigned("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"1\"}", claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }
}
