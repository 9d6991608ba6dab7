package org.consentgov.e2e.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests to the suite, always through the gateway on http://localhost:8080: the only door a client has. */
public final class Gateway {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_TYPE_BASE = "https://consentgov.org/problems/";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        // bounded, so that a wedged hop fails a test instead of hanging the build
        RestAssured.config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 5_000)
                        .setParam("http.socket.timeout", 30_000));
    }

    private Gateway() {}

    /** As a demo user, with a token from Keycloak. */
    public static RequestSpecification as(String user) {
        return withToken(Tokens.user(user));
    }

    /** As the EYES case-management integration (client credentials). */
    public static RequestSpecification asEyesIntegration() {
        return withToken(Tokens.eyesIntegration());
    }

    public static RequestSpecification withToken(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** Without a token, as the public (or a client that forgot it). */
    public static RequestSpecification anonymous() {
        return given().baseUri(LocalSuite.GATEWAY).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
