package org.consentgov.e2e.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.consentgov.e2e.E2eTest;
import org.consentgov.e2e.support.LocalSuite;
import org.consentgov.e2e.support.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Token attacks against the real suite, at the gateway and at each service directly (zero trust: every service
 * checks every token itself): the forgeries that need only Keycloak's public key or no key at all, and real
 * Keycloak tokens that are valid but not for the service asked. Every one is a 401 and never data; a real token
 * of the realm for the right audience is let through, so the door is not simply shut.
 *
 * <p>Forgeries that need a valid signature of the realm's key (expired, not yet valid, wrong issuer, a missing
 * {@code org} claim) cannot be made from outside: each service's {@code TokenAttackTest} makes them with the
 * test key its own tests trust.
 */
@E2eTest
@Order(21)
class TokenAttackE2eTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();
    private static final String REALM = "/realms/governance";

    /** Where to knock: the gateway and each service's own port, with a list every role of the realm may read. */
    record Door(String name, String baseUri, String path) {

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Door> DOORS = List.of(
            new Door("gateway", "http://localhost:8080", "/api/notices"),
            new Door("notice-service", "http://localhost:8081", "/api/notices"),
            new Door("consent-service", "http://localhost:8082", "/api/consents"),
            new Door("sharing-agreement-service", "http://localhost:8083", "/api/agreements"));

    static Stream<Door> doors() {
        return DOORS.stream();
    }

    static Stream<Arguments> attacks() {
        return DOORS.stream()
                .flatMap(door -> Stream.of(
                                "alg-none",
                                "alg-none-lowercase-and-no-dot",
                                "hs256-with-the-rsa-public-key-der",
                                "hs256-with-the-rsa-public-key-pem",
                                "bad-signature",
                                "claims-rewritten",
                                "unknown-kid",
                                "issuer-127.0.0.1",
                                "signature-stripped")
                        .map(attack -> Arguments.of(door, attack)));
    }

    @ParameterizedTest(name = "{0}: a real token of the realm is let through")
    @MethodSource("doors")
    void aRealTokenIsLetThrough(Door door) {
        given().baseUri(door.baseUri())
                .auth()
                .oauth2(Tokens.user("auditor"))
                .accept(ContentType.JSON)
                .when()
                .get(door.path())
                .then()
                .statusCode(200);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("attacks")
    void aForgedOrForeignTokenIsA401AndNeverData(Door door, String attack) throws Exception {
        String token = switch (attack) {
            case "alg-none" -> unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}", dpoClaims()) + ".";
            case "alg-none-lowercase-and-no-dot" -> unsigned("{\"alg\":\"None\",\"typ\":\"JWT\"}", dpoClaims());
            case "hs256-with-the-rsa-public-key-der" ->
                hs256(
                        realmPublicKey().getEncoded(),
                        "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + realmKid() + "\"}",
                        dpoClaims());
            case "hs256-with-the-rsa-public-key-pem" ->
                hs256(
                        pem(realmPublicKey()).getBytes(StandardCharsets.US_ASCII),
                        "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                        dpoClaims());
            case "bad-signature" -> badSignature(Tokens.user("dpo"));
            case "claims-rewritten" -> rewritten(Tokens.user("school"), "\"luton-schools\"", "\"luton-council\"");
            case "unknown-kid" ->
                rs256(stranger(), "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"no-such-key-id\"}", dpoClaims());
            case "issuer-127.0.0.1" -> tokenFromTheLoopbackAddress();
            case "signature-stripped" ->
                Tokens.user("dpo").substring(0, Tokens.user("dpo").lastIndexOf('.') + 1);
            default -> throw new IllegalArgumentException(attack);
        };
        expectUnauthenticated(door, token);
    }

    static Stream<Arguments> tokensForAnotherAudience() {
        // the service clients' tokens name only the services each one calls (deploy/keycloak/governance-realm.json)
        return Stream.of(
                Arguments.of(DOORS.get(1), "notice-service", "notice-service-secret"),
                Arguments.of(DOORS.get(2), "consent-service", "consent-service-secret"),
                Arguments.of(DOORS.get(3), "consent-service", "consent-service-secret"));
    }

    @ParameterizedTest(name = "{0}: a real token of client {1}, whose audience is not {0}")
    @MethodSource("tokensForAnotherAudience")
    void aRealTokenForAnotherAudienceIsA401(Door door, String client, String demoSecret) throws IOException {
        String token = given().contentType(ContentType.URLENC)
                .formParams(
                        Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", demoSecret))
                .when()
                .post(LocalSuite.KEYCLOAK + REALM + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .<String>path("access_token");
        JsonNode claims = claimsOf(token);
        List<String> audience = claims.path("aud").isArray()
                ? Stream.of(new ObjectMapper().treeToValue(claims.path("aud"), String[].class))
                        .toList()
                : List.of(claims.path("aud").asText());
        assertThat(audience).as("the audience of %s's token", client).doesNotContain(door.name());

        expectUnauthenticated(door, token);
    }

    private static void expectUnauthenticated(Door door, String token) {
        Response response = given().baseUri(door.baseUri())
                .header("Authorization", "Bearer " + token)
                .accept(ContentType.JSON)
                .when()
                .get(door.path());
        assertThat(response.statusCode())
                .as("%s answered %s", door.name(), response.asString())
                .isEqualTo(401);
        String body = response.asString();
        assertThat(body)
                .as("never data")
                .doesNotContain("\"items\"")
                .doesNotContain("what-it-means-to-me")
                .doesNotContain("ISA-LBC");
        if (!body.isEmpty()) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    // ---- the realm's key and tokens

    private static String tokenFromTheLoopbackAddress() throws IOException {
        String token = given().contentType(ContentType.URLENC)
                .formParams(Map.of(
                        "grant_type", "password", "client_id", "governance-cli", "username", "dpo", "password", "dpo"))
                .when()
                .post("http://127.0.0.1:8180" + REALM + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .<String>path("access_token");
        String issuer = claimsOf(token).path("iss").asText();
        assumeTrue(
                issuer.startsWith("http://127.0.0.1"),
                "Keycloak names its issuer " + issuer + " whatever the address "
                        + "it is asked on; there is no second issuer to try");
        return token;
    }

    private static String dpoClaims() {
        return new String(B64_DECODE.decode(Tokens.user("dpo").split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static JsonNode claimsOf(String token) throws IOException {
        return new ObjectMapper().readTree(B64_DECODE.decode(token.split("\\.")[1]));
    }

    private static JsonNode realmSigningKey() throws IOException {
        String jwks = given().when()
                .get(LocalSuite.KEYCLOAK + REALM + "/protocol/openid-connect/certs")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (JsonNode key : new ObjectMapper().readTree(jwks).path("keys")) {
            if ("RSA".equals(key.path("kty").asText())
                    && "sig".equals(key.path("use").asText("sig"))
                    && "RS256".equals(key.path("alg").asText("RS256"))) {
                return key;
            }
        }
        throw new AssertionError("Keycloak's JWKS has no RS256 signing key: " + jwks);
    }

    private static String realmKid() throws IOException {
        return realmSigningKey().path("kid").asText();
    }

    private static PublicKey realmPublicKey() throws IOException, GeneralSecurityException {
        JsonNode key = realmSigningKey();
        BigInteger modulus = new BigInteger(1, B64_DECODE.decode(key.path("n").asText()));
        BigInteger exponent = new BigInteger(1, B64_DECODE.decode(key.path("e").asText()));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    // ---- forging

    private static String unsigned(String header, String claims) {
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    }

    private static String hs256(byte[] secret, String header, String claims) throws GeneralSecurityException {
        String input = unsigned(header, claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String rs256(PrivateKey key, String header, String claims) throws GeneralSecurityException {
        String input = unsigned(header, claims);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(rs256.sign());
    }

    private static PrivateKey stranger() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    /** The real token with one bit of its signature flipped. */
    private static String badSignature(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = B64_DECODE.decode(token.substring(dot + 1));
        signature[signature.length / 2] ^= 0x01;
        return token.substring(0, dot + 1) + B64.encodeToString(signature);
    }

    /** The real token with its claims rewritten and its real signature kept. */
    private static String rewritten(String token, String from, String to) {
        String[] parts = token.split("\\.");
        String claims = new String(B64_DECODE.decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains(from);
        return parts[0] + "." + B64.encodeToString(claims.replace(from, to).getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }
}
