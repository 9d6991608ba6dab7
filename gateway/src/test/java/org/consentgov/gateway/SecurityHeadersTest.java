package org.consentgov.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.gateway.SecurityHeaderAssertions.STRICT_CSP;
import static org.consentgov.gateway.SecurityHeaderAssertions.hasSecurityHeaders;
import static org.consentgov.gateway.SecurityHeaderAssertions.isNotStored;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Security headers on every class of route the gateway serves, with services that forget them (the stubs send
 * none) and services that set their own: public notice pages and JSON, each /api/ prefix of each service, the
 * gateway's own problems, the merged OpenAPI document, health and Swagger UI.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(AllUpstreamStubs.class)
class SecurityHeadersTest {

    /** Every /api/ prefix of the route table, with the service that owns it. */
    static final Map<String, String> API_PREFIXES = Map.of(
            "/api/notices", "notice",
            "/api/subjects", "consent",
            "/api/consents", "consent",
            "/api/organisations", "agreements",
            "/api/agreements", "agreements",
            "/api/disclosures", "agreements",
            "/api/sharing-decisions", "agreements");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetStubs() {
        AllUpstreamStubs.reset();
    }

    static String token() {
        return TestTokens.token("headers", "dpo", "luton-council", "gateway");
    }

    @Test
    void everyApiPrefixOfEveryServiceIsNeverStoredEvenWhenTheServiceSaysOtherwise() {
        API_PREFIXES.forEach((prefix, service) -> {
            Response forgot = given().auth().oauth2(token()).when().get(prefix + "/x");
            assertThat(forgot.statusCode()).as(prefix).isEqualTo(200);
            assertThat(forgot.jsonPath().getString("service")).isEqualTo(service);
            isNotStored(forgot);
            assertThat(forgot.header("Content-Security-Policy")).isEqualTo(STRICT_CSP);

            AllUpstreamStubs.server(service)
                    .stubFor(get(urlPathEqualTo(prefix + "/cached"))
                            .willReturn(aResponse()
                                    .withStatus(200)
                                    .withHeader("Content-Type", "application/json")
                                    .withHeader("Cache-Control", "public, max-age=3600")
                                    .withHeader("X-Content-Type-Options", "nosniff")
                                    .withHeader("X-Frame-Options", "SAMEORIGIN")
                                    .withBody("{}")));
            isNotStored(given().auth().oauth2(token()).when().get(prefix + "/cached"));
        });
    }

    @Test
    void aServicesOwnProblemIsNotStoredEither() {
        AllUpstreamStubs.server("consent")
                .stubFor(get(urlPathEqualTo("/api/subjects/missing"))
                        .willReturn(aResponse()
                                .withStatus(404)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody("{\"status\":404,\"code\":\"not-found\"}")));
        Response problem = given().auth().oauth2(token()).when().get("/api/subjects/missing");
        assertThat(problem.statusCode()).isEqualTo(404);
        isNotStored(problem);
    }

    @Test
    void theGatewaysOwnProblemsCarryTheHeaders() {
        Response unauthenticated = given().when().get("/api/consents");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.contentType()).startsWith("application/problem+json");
        isNotStored(unauthenticated);

        Response forged = given().auth().oauth2("not-a-jwt").when().get("/api/consents");
        assertThat(forged.statusCode()).isEqualTo(401);
        isNotStored(forged);

        Response unrouted = given().auth().oauth2(token()).when().get("/api/nobody-owns-this");
        assertThat(unrouted.statusCode()).isEqualTo(404);
        assertThat(unrouted.contentType()).startsWith("application/problem+json");
        isNotStored(unrouted);

        Response outsideTheApi = given().when().get("/nothing-here");
        assertThat(outsideTheApi.statusCode()).isEqualTo(404);
        hasSecurityHeaders(outsideTheApi);
    }

    @Test
    void aPublicNoticePageWithoutAPolicyOfItsOwnGetsTheStrictOneAndStaysCacheable() {
        AllUpstreamStubs.server("notice")
                .stubFor(get(urlPathEqualTo("/public/notices/forgetful"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "text/html;charset=UTF-8")
                                .withBody("<!DOCTYPE html><title>n</title>")));
        Response page = given().accept("text/html").when().get("/public/notices/forgetful");
        assertThat(page.statusCode()).isEqualTo(200);
        hasSecurityHeaders(page);
        assertThat(page.header("Content-Security-Policy")).isEqualTo(STRICT_CSP);
        assertThat(page.header("Cache-Control"))
                .as("public notices are not marked no-store")
                .isNull();
    }

    @Test
    void aPublicNoticePageKeepsTheServicesPolicyAndCaching() {
        String policy = "default-src 'none'; style-src 'sha256-abc='; frame-ancestors 'none'";
        AllUpstreamStubs.server("notice")
                .stubFor(get(urlPathEqualTo("/public/notices/styled"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "text/html;charset=UTF-8")
                                .withHeader("Content-Security-Policy", policy)
                                .withHeader("Cache-Control", "max-age=300")
                                .withHeader("ETag", "\"v1\"")
                                .withBody("<!DOCTYPE html><title>n</title>")));
        Response page = given().accept("text/html").when().get("/public/notices/styled");
        hasSecurityHeaders(page);
        assertThat(page.header("Content-Security-Policy")).isEqualTo(policy);
        assertThat(page.header("Cache-Control")).isEqualTo("max-age=300");
        assertThat(page.header("ETag")).startsWith("\"v1");
    }

    @Test
    void publicNoticeJsonCarriesTheHeaders() {
        Response json = given().accept("application/json").when().get("/public/notices");
        assertThat(json.statusCode()).isEqualTo(200);
        hasSecurityHeaders(json);
        assertThat(json.header("Content-Security-Policy")).isEqualTo(STRICT_CSP);
    }

    @Test
    void thePublicReceiptKeysKeepTheirCachingButNothingElseNeedingATokenDoes() {
        AllUpstreamStubs.server("consent")
                .stubFor(get(urlPathEqualTo("/api/consents/receipts/jwks.json"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/jwk-set+json")
                                .withHeader("Cache-Control", "max-age=60")
                                .withBody("{\"keys\":[]}")));
        Response keys = given().when().get("/api/consents/receipts/jwks.json");
        assertThat(keys.statusCode()).isEqualTo(200);
        hasSecurityHeaders(keys);
        assertThat(keys.header("Cache-Control")).isEqualTo("max-age=60");
    }

    @Test
    void theGatewaysOwnDocumentsHealthAndPreflightsCarryTheHeaders() {
        for (String path : List.of("/q/openapi", "/q/health", "/q/health/ready")) {
            Response own = given().when().get(path);
            assertThat(own.statusCode()).as(path).isEqualTo(200);
            isNotStored(own);
            assertThat(own.header("Content-Security-Policy")).isEqualTo(STRICT_CSP);
        }
        Response preflight = given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .when()
                .options("/api/consents");
        hasSecurityHeaders(preflight);
    }

    @Test
    void theDeploymentsSecurityContactIsPublishedInSecurityTxt() {
        Response txt = given().when().get("/.well-known/security.txt");
        assertThat(txt.statusCode()).isEqualTo(200);
        assertThat(txt.contentType()).startsWith("text/plain");
        hasSecurityHeaders(txt);
        assertThat(txt.asString().lines())
                .contains(
                        "Contact: mailto:security@council.example",
                        "Contact: https://council.example/report-a-vulnerability")
                .anyMatch(line -> line.startsWith("Expires: "));
    }

    @Test
    void swaggerUiGetsItsOwnPolicyThatStillForbidsFraming() {
        Response ui = given().when().get("/q/swagger-ui/");
        assertThat(ui.statusCode()).isEqualTo(200);
        hasSecurityHeaders(ui);
        assertThat(ui.header("Content-Security-Policy"))
                .contains("script-src 'self' 'unsafe-inline'")
                .contains("connect-src 'self' ")
                .contains("frame-ancestors 'none'")
                .doesNotContain("*");
    }
}
