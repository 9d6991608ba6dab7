package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.list;
import static org.consentgov.notice.NoticeTestData.map;
import static org.consentgov.notice.NoticeTestData.request;
import static org.consentgov.notice.NoticeTestData.token;
import static org.consentgov.notice.NoticeTestData.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.Map;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Bad input: a clear problem naming the field, and nothing changed. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class NoticeBadInputApiTest extends NoticeApiTestSupport {

    @Test
    void malformedJsonIsBadRequest() {
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body("{\"slug\": \"x\", \"content\": {")
                .when()
                .post("/api/notices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-json"))
                .body(org.hamcrest.Matchers.not(containsString("Exception")))
                .extract());
    }

    @Test
    void unknownFieldIsBadRequestNamingTheField() {
        Map<String, Object> c = content();
        c.put("favouriteColour", "blue");
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(uniqueSlug("unknown"), c))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("unknown-field"))
                .body("errors[0].field", equalTo("content.favouriteColour"))
                .extract());
    }

    @Test
    void wrongTypeIsBadRequestNamingTheField() {
        Map<String, Object> c = content();
        c.put("automatedDecisionMaking", map("used", "perhaps", "description", "x"));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(uniqueSlug("type"), c))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-value"))
                .body("errors[0].field", equalTo("content.automatedDecisionMaking.used"))
                .extract());
    }

    @Test
    void missingRequiredSectionsAreListedFieldByField() {
        Map<String, Object> c = content();
        c.remove("lawfulBases");
        c.remove("retention");
        c.put("purposes", list());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(uniqueSlug("missing"), c))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("content.lawfulBases"))
                .body("errors.field", hasItem("content.retention"))
                .body("errors.field", hasItem("content.purposes"))
                .extract());
    }

    @Test
    void overLongStringsAreRefused() {
        Map<String, Object> c = content();
        c.put("locales", map("en", NoticeTestData.localised("x".repeat(201))));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(uniqueSlug("long"), c))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("content.locales[en].title"))
                .extract());
    }

    @Test
    void badSlugIsRefused() {
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request("Not A Slug!", content()))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("slug"))
                .extract());
    }

    @Test
    void unknownVocabularyCodeIsUnprocessableNamingTheField() {
        Map<String, Object> c = content();
        c.put("dataCategories", list("identity.date-of-birth", "identity.shoe-size"));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(uniqueSlug("vocab"), c))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("unknown-vocabulary-code"))
                .body("errors[0].field", equalTo("content.dataCategories[1]"))
                .extract());
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.TEXT)
                .body("hello")
                .when()
                .post("/api/notices")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void pageSizeAboveTheMaximumIsRefused() {
        given().auth()
                .oauth2(token("dpo"))
                .queryParam("size", 101)
                .when()
                .get("/api/notices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void unknownSlugIsNotFound() {
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/no-such-notice")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not-found"))
                .body("instance", equalTo("/api/notices/no-such-notice"));
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/no-such-notice/versions/1")
                .then()
                .statusCode(404);
    }
}
