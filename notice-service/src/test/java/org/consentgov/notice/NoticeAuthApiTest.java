package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.request;
import static org.consentgov.notice.NoticeTestData.token;
import static org.consentgov.notice.NoticeTestData.uniqueSlug;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.consentgov.platform.security.Roles;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Authentication and roles: 401 problems with a Bearer challenge, 403 for the wrong role, nothing changed. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class NoticeAuthApiTest extends NoticeApiTestSupport {

    @Test
    void noTokenIsUnauthorisedProblemWithBearerChallenge() {
        given().when()
                .get("/api/notices")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("https://consentgov.org/problems/unauthenticated"));
    }

    @Test
    void writeWithoutTokenIsUnauthorisedAndChangesNothing() {
        assertUnchangedBy(() -> given().contentType(ContentType.JSON)
                .body(request(uniqueSlug("anon"), content()))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .extract());
    }

    @Test
    void garbageTokenIsUnauthorised() {
        given().auth()
                .oauth2("not.a.jwt")
                .when()
                .get("/api/notices")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorised() {
        String other =
                org.consentgov.platform.testing.TestTokens.token("dpo-user", "dpo", "luton-council", "consent-service");
        given().auth().oauth2(other).when().get("/api/notices").then().statusCode(401);
    }

    @Test
    void tokenWithoutAnyRoleIsForbiddenToRead() {
        String noRole =
                org.consentgov.platform.testing.TestTokens.token("nobody", "no-such-role", null, "notice-service");
        given().auth()
                .oauth2(noRole)
                .when()
                .get("/api/notices")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("forbidden"));
    }

    @Test
    void everyRoleCanReadNotices() {
        for (String role :
                List.of("dpo", "notice-editor", "caseworker", "researcher", "partner", "integration", "auditor")) {
            given().auth().oauth2(token(role)).when().get("/api/notices").then().statusCode(200);
        }
    }

    @Test
    void onlyEditorsAndTheDpoCreateNotices() {
        Map<String, Object> fingerprint = fingerprint();
        for (String role : List.of("caseworker", "researcher", "partner", "integration", "auditor")) {
            given().auth()
                    .oauth2(token(role))
                    .contentType(ContentType.JSON)
                    .body(request(uniqueSlug("forbidden"), content()))
                    .when()
                    .post("/api/notices")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        assertThat(fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void onlyTheDpoAndNoticeEditorsPublish() {
        // DESIGN §1: the DPO and notice editors author and publish versioned notices; no other role may
        String slug = create(content());
        for (String role : List.of("caseworker", "auditor", "partner", "researcher", "integration")) {
            given().auth()
                    .oauth2(token(role))
                    .header("If-Match", etag(slug, 1))
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .post("/api/notices/{slug}/versions/1/publish", slug)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            assertThat(state(slug, 1)).as(role).isEqualTo("DRAFT");
        }
        given().auth()
                .oauth2(token("notice-editor"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(200);
        assertThat(state(slug, 1)).isEqualTo("PUBLISHED");
    }

    @Test
    void aTokenWithoutAnyRealmRoleMayNotReadNoticesAndEveryRealmRoleMay() {
        given().auth()
                .oauth2(token("offline_access"))
                .when()
                .get("/api/notices")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        for (String role : Roles.ALL) {
            given().auth().oauth2(token(role)).when().get("/api/notices").then().statusCode(200);
        }
    }
}
