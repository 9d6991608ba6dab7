package org.consentgov.consent;

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
@WithTestResource(NoticeServiceStub.class)
class OpenApiAndTokenTest {

    @Test
    void expiredWrongIssuerAndWrongAudienceTokensAreUnauthorised() {
        String expired =
                TestTokens.sign(TestTokens.builder("dpo-user", Set.of("dpo"), "luton-council", "consent-service")
                        .issuedAt(Instant.now().minusSeconds(3600))
                        .expiresAt(Instant.now().minusSeconds(1800)));
        String foreign =
                TestTokens.sign(TestTokens.builder("dpo-user", Set.of("dpo"), "luton-council", "consent-service")
                        .issuer("https://attacker.example.com"));
        String notForUs = TestTokens.token("dpo-user", "dpo", "luton-council", "notice-service");
        for (String token : new String[] {expired, foreign, notForUs}) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/consents")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
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
                        "/api/consents",
                        "/api/consents/check",
                        "/api/consents/{id}/withdrawals",
                        "/api/consents/{id}/history/verify",
                        "/api/consents/withdrawal-requests",
                        "/api/subjects");
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            assertThat(op).as(where).containsKeys("operationId", "summary", "tags", "responses");
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            if (path.equals("/api/consents/notice-events")) {
                // the webhook receiver: no bearer token and no roles, only the signature (401)
                assertThat(responses).as(where).containsKeys("401");
            } else if (path.startsWith("/api/") && !path.endsWith("jwks.json")) {
                assertThat(responses).as(where).containsKeys("401", "403");
            }
        }));
        assertThat(doc.getMap("components.schemas")).containsKeys("Problem", "ConsentRecord", "CheckResult");
    }

    @Test
    void openApiDocumentEqualsTheKeptCopy() {
        OpenApiSnapshot.assertMatchesKeptCopy("consent-service");
    }
}
