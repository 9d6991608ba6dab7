package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.consentgov.platform.testing.OpenApiSnapshot;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class TokenAndOpenApiTest {

    @Test
    void expiredTokenIsUnauthorised() {
        String expired =
                TestTokens.sign(TestTokens.builder("dpo-user", Set.of("dpo"), "luton-council", "notice-service")
                        .issuedAt(Instant.now().minusSeconds(3600))
                        .expiresAt(Instant.now().minusSeconds(1800)));
        given().auth()
                .oauth2(expired)
                .when()
                .get("/api/notices")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorised() {
        String foreign =
                TestTokens.sign(TestTokens.builder("dpo-user", Set.of("dpo"), "luton-council", "notice-service")
                        .issuer("https://attacker.example.com"));
        given().auth().oauth2(foreign).when().get("/api/notices").then().statusCode(401);
    }

    @Test
    void unsignedTokenIsUnauthorised() {
        String header =
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        ("{\"iss\":\"https://server.example.com\",\"aud\":\"notice-service\",\"groups\":[\"dpo\"],\"exp\":"
                                        + (Instant.now().getEpochSecond() + 600) + "}")
                                .getBytes());
        given().auth()
                .oauth2(header + "." + payload + ".")
                .when()
                .get("/api/notices")
                .then()
                .statusCode(401);
    }

    @Test
    void everyOperationIsDocumentedWithIdSummaryTagsAndProblemResponses() {
        JsonPath doc = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/notices",
                        "/api/notices/{slug}/versions/{number}/publish",
                        "/public/notices/{slug}",
                        "/public/vocabulary");
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            assertThat(op).as(where).containsKeys("operationId", "summary", "tags", "responses");
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            if (path.startsWith("/api/")) {
                assertThat(responses).as(where).containsKeys("401", "403");
                assertThat(op).as(where).containsKey("security");
            }
        }));
        assertThat(doc.getMap("components.schemas")).containsKeys("Problem", "NoticeContent", "FieldError");
        assertThat(doc.getMap("components.securitySchemes")).containsKey("jwt");
    }

    @Test
    void openApiDocumentEqualsTheKeptCopy() {
        OpenApiSnapshot.assertMatchesKeptCopy("notice-service");
    }
}
