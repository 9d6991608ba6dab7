package org.consentgov.platform.testing.contracts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.smallrye.jwt.build.JwtClaimsBuilder;
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
import org.consentgov.platform.testing.RestAssuredLogging;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Token attacks on a service itself (zero trust: it checks every token, whatever the gateway did): each
 * {@link TokenAttack} is a 401 problem and never data; the same request with a good token is answered, so the
 * door is not simply shut. A service's {@code TokenAttackTest} extends this, names its audience and a path that
 * lists data with {@link TokenAttackTarget}, and adds its own expectations; the forging helpers are static so that other tests can make the same tokens.
 * The e2e module's TokenAttackE2eTest makes the forgeries against the real Keycloak's keys.
 */
@ExtendWith(RestAssuredLogging.class)
public abstract class TokenAttackContract {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    /** The audience the service accepts, from the test's {@link TokenAttackTarget}. */
    protected String audience() {
        return target().audience();
    }

    /** The path the attacks ask for, from the test's {@link TokenAttackTarget}. */
    protected String path() {
        return target().path();
    }

    private TokenAttackTarget target() {
        TokenAttackTarget target = getClass().getAnnotation(TokenAttackTarget.class);
        assertThat(target).as("@TokenAttackTarget on %s", getClass().getName()).isNotNull();
        return target;
    }

    /** Runs before each request of the contract (e.g. to reset the stubs of the services behind a gateway). */
    protected void beforeRequest() {}

    /** Runs after each refused request (e.g. to check that nothing reached the services behind a gateway). */
    protected void afterRefusal() {}

    public static Stream<TokenAttack> attacks() {
        return Stream.of(TokenAttack.values());
    }

    @ParameterizedTest
    @MethodSource("org.consentgov.platform.testing.contracts.TokenAttackContract#attacks")
    public void aForgedOrMisdirectedTokenIsA401ProblemAndNeverData(TokenAttack attack) throws Exception {
        beforeRequest();
        Response response = given().header("Authorization", "Bearer " + forge(attack, audience()))
                .accept("application/json")
                .when()
                .get(path());
        assertThat(response.statusCode())
                .as("%s: %s", attack, response.asString())
                .isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).doesNotContain("\"items\"");
        afterRefusal();
    }

    @ParameterizedTest
    @MethodSource("org.consentgov.platform.testing.contracts.TokenAttackContract#attacks")
    public void theSameRequestWithAGoodTokenIsAnswered(TokenAttack ignored) {
        beforeRequest();
        given().auth()
                .oauth2(good(audience()))
                .accept("application/json")
                .when()
                .get(path())
                .then()
                .statusCode(200);
    }

    /** A good token of the DPO of luton-council for the audience. */
    public static String good(String audience) {
        return TestTokens.sign(claims(audience));
    }

    public static JwtClaimsBuilder claims(String audience) {
        return TestTokens.builder("dpo-user", Set.of("dpo"), "luton-council", audience);
    }

    /** The token of the attack, made from the claims of {@link #good(String)} for the audience. */
    public static String forge(TokenAttack attack, String audience) throws GeneralSecurityException, IOException {
        Instant now = Instant.now();
        return switch (attack) {
            case EXPIRED ->
                TestTokens.sign(
                        claims(audience).issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(1800)));
            case NOT_YET_VALID ->
                TestTokens.sign(claims(audience)
                        .claim("nbf", now.plusSeconds(3600).getEpochSecond())
                        .expiresAt(now.plusSeconds(7200)));
            case WRONG_ISSUER -> TestTokens.sign(claims(audience).issuer("https://attacker.example.com"));
            case WRONG_AUDIENCE ->
                TestTokens.sign(TestTokens.builder("dpo-user", Set.of("dpo"), "luton-council", "another-api"));
            case NO_SIGNATURE -> unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}", claimsOf(good(audience))) + ".";
            case ALG_NONE_WITH_THE_TRUSTED_KID ->
                unsigned("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"1\"}", claimsOf(good(audience))) + ".";
            case BAD_SIGNATURE -> flipOneBitOfTheSignature(good(audience));
            case CLAIMS_REWRITTEN -> {
                String[] parts = TestTokens.sign(
                                TestTokens.builder("auditor-user", Set.of("auditor"), "luton-council", audience))
                        .split("\\.");
                String rewritten = new String(B64_DECODE.decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"auditor\"", "\"dpo\"");
                yield parts[0] + "." + B64.encodeToString(rewritten.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            }
            case ANOTHER_KEY_WITH_THE_TRUSTED_KID ->
                claims(audience).jws().keyId("1").sign(stranger());
            case UNKNOWN_KID -> claims(audience).jws().keyId("no-such-key").sign(stranger());
            case HS256_KEYED_WITH_THE_TRUSTED_PUBLIC_KEY -> hs256(trustedPublicKeyDer(), claimsOf(good(audience)));
        };
    }

    public static String claimsOf(String token) {
        return new String(B64_DECODE.decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    public static String unsigned(String header, String claims) {
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    }

    public static String flipOneBitOfTheSignature(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = B64_DECODE.decode(token.substring(dot + 1));
        signature[signature.length / 2] ^= 0x01;
        return token.substring(0, dot + 1) + B64.encodeToString(signature);
    }

    /** A private key nobody trusts. */
    public static PrivateKey stranger() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    /** The public half of the key the tests trust (quarkus-test-oidc-server's publicKey.jwk), X.509-encoded. */
    public static byte[] trustedPublicKeyDer() throws IOException, GeneralSecurityException {
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

    public static String hs256(byte[] secret, String claims) throws GeneralSecurityException {
        String input = unsigned("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"1\"}", claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }
}
