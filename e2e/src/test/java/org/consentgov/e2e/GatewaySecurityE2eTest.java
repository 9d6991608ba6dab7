package org.consentgov.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.consentgov.e2e.support.Gateway;
import org.consentgov.e2e.support.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway lets no request without a valid token of the realm into /api: the answer is a 401 problem, never
 * the upstream's data. Tokens here are real ones from Keycloak, altered ones and ones signed by a key of our
 * own; a token of another realm cannot be had, so one signed by a stranger's key stands for it.
 */
@E2eTest
@Order(3)
class GatewaySecurityE2eTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    @Test
    void aRealTokenFromKeycloakIsLetThrough() {
        Gateway.as("auditor").when().get("/api/notices").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/notices", "/api/consents", "/api/subjects"})
    void noTokenOnTheApiIsA401Problem(String path) {
        expectUnauthenticated(Gateway.anonymous(), path);
    }

    @Test
    void aRealTokenWithItsClaimsRewrittenToDpoIsA401Problem() {
        String[] parts = Tokens.user("caseworker").split("\\.");
        String claims =
                new String(B64_DECODE.decode(parts[1]), StandardCharsets.UTF_8).replace("\"caseworker\"", "\"dpo\"");
        String forged = parts[0] + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        expectUnauthenticated(Gateway.withToken(forged), "/api/consents/withdrawal-requests");
    }

    @Test
    void aTokenWithTheRealmsClaimsSignedByAnotherKeyIsA401Problem() throws GeneralSecurityException {
        String real = Tokens.user("dpo");
        String header = new String(B64_DECODE.decode(real.split("\\.")[0]), StandardCharsets.UTF_8);
        String claims = new String(B64_DECODE.decode(real.split("\\.")[1]), StandardCharsets.UTF_8);

        expectUnauthenticated(Gateway.withToken(signedByAStranger(header, claims)), "/api/notices");
    }

    @Test
    void anExpiredTokenIsA401Problem() throws GeneralSecurityException {
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        String claims = "{\"iss\":\"http://localhost:8180/realms/governance\",\"sub\":\"e2e\",\"aud\":[\"gateway\","
                + "\"notice-service\"],\"azp\":\"governance-cli\",\"groups\":[\"dpo\"],\"org\":\"luton-council\","
                + "\"iat\":" + (past - 300) + ",\"exp\":" + past + "}";

        expectUnauthenticated(
                Gateway.withToken(signedByAStranger("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claims)), "/api/notices");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "not.a.jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJlMmUifQ."})
    void aTokenThatIsNoJwtOrIsUnsignedIsA401Problem(String token) {
        expectUnauthenticated(Gateway.withToken(token), "/api/notices");
    }

    private static void expectUnauthenticated(RequestSpecification request, String path) {
        request.when()
                .get(path)
                .then()
                .statusCode(401)
                .contentType(startsWith(Gateway.PROBLEM_JSON))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo(Gateway.PROBLEM_TYPE_BASE + "unauthenticated"))
                .body("status", equalTo(401));
    }

    private static String signedByAStranger(String header, String claims) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair stranger = generator.generateKeyPair();
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(stranger.getPrivate());
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(rs256.sign());
    }
}
