package org.consentgov.e2e.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the real Keycloak of the suite (realm {@code governance}): the password grant through the
 * public client {@code governance-cli} for the demo users (password = user name), and client credentials for
 * the confidential {@code eyes-integration}. Demo credentials of the demo realm only.
 */
public final class Tokens {

    static final String TOKEN_URL = LocalSuite.KEYCLOAK + "/realms/governance/protocol/openid-connect/token";
    /** Tokens live 300 s in the realm; one is reused for a good part of that, never up to its end. */
    private static final Duration REUSE = Duration.ofSeconds(120);

    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

    private record Issued(String token, Instant at) {}

    private Tokens() {}

    /** A token for a demo user: dpo, editor, caseworker, researcher, school, partner-police or auditor. */
    public static String user(String name) {
        return cached(
                "user:" + name,
                () -> fetch(Map.of(
                        "grant_type", "password", "client_id", "governance-cli", "username", name, "password", name)));
    }

    /** A machine token of the case-management integration (EYES), by client credentials. */
    public static String eyesIntegration() {
        return cached(
                "client:eyes-integration",
                () -> fetch(Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "eyes-integration",
                        "client_secret",
                        "eyes-integration-secret")));
    }

    private static String cached(String key, java.util.function.Supplier<String> fetch) {
        Issued issued = CACHE.compute(
                key,
                (k, old) -> old != null && old.at().plus(REUSE).isAfter(Instant.now())
                        ? old
                        : new Issued(fetch.get(), Instant.now()));
        return issued.token();
    }

    private static String fetch(Map<String, String> form) {
        return given().contentType(ContentType.URLENC)
                .formParams(form)
                .when()
                .post(TOKEN_URL)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
