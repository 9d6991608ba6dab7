package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.map;
import static org.consentgov.notice.NoticeTestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Each published version's in-force interval, the version in force at an instant, and intervals that never overlap. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class NoticeInForceApiTest extends NoticeApiTestSupport {

    private static final String V1_FROM = "2024-01-01T00:00:00Z";
    private static final String V2_FROM = "2024-03-01T00:00:00Z";

    @Test
    void eachVersionSaysWhenItWasInForceAndTheVersionInForceAtAnInstantIsFound() {
        String slug = twoVersions();

        given().auth()
                .oauth2(token("caseworker"))
                .get("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .body("inForceFrom", equalTo(V1_FROM))
                .body("inForceUntil", equalTo(V2_FROM));
        given().auth()
                .oauth2(token("caseworker"))
                .get("/api/notices/{slug}/versions/2", slug)
                .then()
                .statusCode(200)
                .body("inForceFrom", equalTo(V2_FROM))
                .body("inForceUntil", nullValue());
        given().auth()
                .oauth2(token("caseworker"))
                .get("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(200)
                .body("items[0].inForceUntil", equalTo(V2_FROM))
                .body("items[1].inForceFrom", equalTo(V2_FROM));
        given().auth()
                .oauth2(token("caseworker"))
                .get("/api/notices/{slug}", slug)
                .then()
                .statusCode(200)
                .body("versions[0].inForceUntil", equalTo(V2_FROM));
        publicJson("/public/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .body("inForceFrom", equalTo(V1_FROM))
                .body("inForceUntil", equalTo(V2_FROM))
                .body("current", equalTo(false));

        atInstant(slug, "2024-02-29T23:59:59Z").then().statusCode(200).body("version", equalTo(1));
        atInstant(slug, V2_FROM)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("inForceUntil", nullValue());
        atInstant(slug, Instant.now().toString()).then().statusCode(200).body("version", equalTo(2));
        atInstant(slug, "2023-12-31T23:59:59Z")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("no-version-in-force"));
        atInstant(slug, "yesterday").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aVersionCannotComeIntoForceBeforeThePreviousOneDid() {
        String slug = twoVersions();
        newDraft(slug);
        assertUnchangedBy(() -> publishAt(slug, 3, "2024-02-01T00:00:00Z")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("effective-from-before-previous"))
                .body("errors[0].field", equalTo("effectiveFrom"))
                .body("previousVersion", equalTo(2))
                .extract());
        assertThat(state(slug, 2)).isEqualTo("PUBLISHED");
        publishAt(slug, 3, V2_FROM).then().statusCode(200);
    }

    @Test
    void aRetiredVersionWasInForceUntilItsRetirementAndNothingIsInForceAfter() {
        String slug = twoVersions();
        ExtractableResponse<Response> retired = given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 2))
                .contentType(ContentType.JSON)
                .body(map("reason", "The project has ended"))
                .post("/api/notices/{slug}/versions/2/retire", slug)
                .then()
                .statusCode(200)
                .extract();
        String retiredAt = retired.jsonPath().getString("retiredAt");
        assertThat(retired.jsonPath().getString("inForceUntil")).isEqualTo(retiredAt);
        atInstant(slug, "2024-03-02T00:00:00Z").then().statusCode(200).body("version", equalTo(2));
        atInstant(slug, Instant.parse(retiredAt).plusSeconds(1).toString())
                .then()
                .statusCode(404)
                .body("code", equalTo("no-version-in-force"));
        newDraft(slug);
        assertUnchangedBy(() -> publishAt(
                        slug, 3, Instant.parse(retiredAt).minusSeconds(60).toString())
                .then()
                .statusCode(422)
                .body("code", equalTo("effective-from-before-previous"))
                .extract());
    }

    @Test
    void thePublicAnswerFollowsEveryPublicationAndRetirementOfTheNotice() {
        String slug = create(content());
        publishAt(slug, 1, V1_FROM).then().statusCode(200);
        publicJson("/public/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .body("state", equalTo("PUBLISHED"))
                .body("inForceUntil", nullValue());
        atInstant(slug, Instant.now().toString()).then().statusCode(200).body("version", equalTo(1));

        newDraft(slug);
        publicJson("/public/notices/{slug}/versions/2", slug).then().statusCode(404);
        publishAt(slug, 2, V2_FROM).then().statusCode(200);
        publicJson("/public/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .body("state", equalTo("SUPERSEDED"))
                .body("current", equalTo(false))
                .body("inForceUntil", equalTo(V2_FROM));
        atInstant(slug, Instant.now().toString()).then().statusCode(200).body("version", equalTo(2));
        publicJson("/public/notices/{slug}", slug).then().statusCode(200).body("version", equalTo(2));

        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 2))
                .contentType(ContentType.JSON)
                .body(map("reason", "The project has ended"))
                .post("/api/notices/{slug}/versions/2/retire", slug)
                .then()
                .statusCode(200);
        publicJson("/public/notices/{slug}/versions/2", slug)
                .then()
                .statusCode(200)
                .body("state", equalTo("RETIRED"))
                .body("inForceUntil", notNullValue());
        atInstant(slug, Instant.now().plusSeconds(1).toString()).then().statusCode(404);
        publicJson("/public/notices/{slug}", slug).then().statusCode(404).body("code", equalTo("no-published-version"));
    }

    /**
     * consent-service and sharing-agreement-service ask for a version on every consent and decision: the answer is
     * kept in memory and only the notice's stamp (its published versions' row versions) is read each time. A row
     * changed behind the service's back without its row version is not seen; once the row version moves, it is.
     */
    @Test
    void aPublishedVersionIsAnsweredFromMemoryUntilItsRowVersionMoves() throws Exception {
        String slug = create(content());
        publishAt(slug, 1, V1_FROM).then().statusCode(200);
        String publishedAt = publicJson("/public/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .extract()
                .path("publishedAt");

        sql(
                "UPDATE notice_version SET published_at = '2024-01-01T00:00:00Z'"
                        + " WHERE notice_id = (SELECT id FROM notice WHERE slug = ?)",
                slug);
        publicJson("/public/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .body("publishedAt", equalTo(publishedAt));
        atInstant(slug, V1_FROM).then().statusCode(200).body("publishedAt", equalTo(publishedAt));

        sql(
                "UPDATE notice_version SET row_version = row_version + 1"
                        + " WHERE notice_id = (SELECT id FROM notice WHERE slug = ?)",
                slug);
        publicJson("/public/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .body("publishedAt", equalTo("2024-01-01T00:00:00Z"));
    }

    private void sql(String statement, String slug) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(statement)) {
            s.setString(1, slug);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private String twoVersions() {
        String slug = create(content());
        publishAt(slug, 1, V1_FROM).then().statusCode(200).body("inForceFrom", equalTo(V1_FROM));
        newDraft(slug);
        publishAt(slug, 2, V2_FROM).then().statusCode(200);
        return slug;
    }

    private void newDraft(String slug) {
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(201);
    }

    private Response publishAt(String slug, int number, String effectiveFrom) {
        return given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, number))
                .contentType(ContentType.JSON)
                .body(Map.of("effectiveFrom", effectiveFrom))
                .post("/api/notices/{slug}/versions/{n}/publish", slug, number);
    }

    private static Response atInstant(String slug, String at) {
        return given().accept(ContentType.JSON).queryParam("at", at).get("/public/notices/{slug}", slug);
    }

    private static Response publicJson(String path, String slug) {
        return given().accept(ContentType.JSON).get(path, slug);
    }
}
