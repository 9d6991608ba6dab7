package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.list;
import static org.consentgov.notice.NoticeTestData.map;
import static org.consentgov.notice.NoticeTestData.token;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Versions after publication: superseding, material changes, new drafts, retirement, immutability. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class NoticeVersionLifecycleApiTest extends NoticeApiTestSupport {

    @Test
    void publishingANewVersionSupersedesTheOldAndMarksAMaterialChange() {
        String slug = create(content());
        publish(slug, 1);
        Map<String, Object> c = content();
        c.put(
                "recipients",
                list(
                        map(
                                "name",
                                "Luton Schools",
                                "organisationType",
                                "school",
                                "organisationId",
                                "luton-schools",
                                "role",
                                "RECIPIENT"),
                        map(
                                "name",
                                "Bedfordshire Police",
                                "organisationType",
                                "police",
                                "organisationId",
                                "bedfordshire-police",
                                "role",
                                "RECIPIENT")));
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(map("content", c))
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(201)
                .body("number", equalTo(2));
        ExtractableResponse<Response> v2 = publish(slug, 2);
        assertThat(v2.jsonPath().getBoolean("materialChange")).isTrue();
        assertThat(v2.jsonPath().getList("materialReasons", String.class))
                .contains("adds recipient Bedfordshire Police");
        assertThat(state(slug, 1)).isEqualTo("SUPERSEDED");
        given().auth()
                .oauth2(token("caseworker"))
                .queryParam("from", 1)
                .queryParam("to", 2)
                .when()
                .get("/api/notices/{slug}/diff", slug)
                .then()
                .statusCode(200)
                .body("material", equalTo(true))
                .body("changes[0].field", equalTo("recipients"))
                .body("changes[0].kind", equalTo("ADDED"))
                .body("changes[0].key", equalTo("Bedfordshire Police"));
    }

    @Test
    void aChangeOfWordingOnlyIsNotMaterial() {
        String slug = create(content());
        publish(slug, 1);
        Map<String, Object> c = content();
        c.put("retention", map("description", "Kept in line with the council's retention schedule"));
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(map("content", c))
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(201);
        ExtractableResponse<Response> v2 = publish(slug, 2);
        assertThat(v2.jsonPath().getBoolean("materialChange")).isFalse();
    }

    @Test
    void secondDraftWhileOneIsOpenIsConflict() {
        String slug = create(content());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(409)
                .body("code", equalTo("draft-exists"))
                .extract());
    }

    @Test
    void newVersionWithoutContentCopiesTheLatest() {
        String slug = create(content());
        publish(slug, 1);
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(201)
                .body("number", equalTo(2))
                .body("state", equalTo("DRAFT"))
                .body("content.rights", equalTo(List.of("access", "rectification")));
    }

    @Test
    void theDpoRetiresThePublishedVersionWithAReason() {
        String slug = create(content());
        publish(slug, 1);
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body(map("reason", ""))
                .when()
                .post("/api/notices/{slug}/versions/1/retire", slug)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body(map("reason", "The project has ended"))
                .when()
                .post("/api/notices/{slug}/versions/1/retire", slug)
                .then()
                .statusCode(200)
                .body("state", equalTo("RETIRED"))
                .body("retiredReason", equalTo("The project has ended"));
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body(map("reason", "again"))
                .when()
                .post("/api/notices/{slug}/versions/1/retire", slug)
                .then()
                .statusCode(409)
                .body("code", equalTo("version-not-published"));
    }

    @Test
    void theDatabaseRefusesToChangeAPublishedVersion() throws Exception {
        String slug = create(content());
        publish(slug, 1);
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate(
                            "UPDATE notice_version SET content = '{}'::jsonb WHERE number = 1 AND notice_id = (SELECT id FROM notice WHERE slug = '"
                                    + slug + "')"))
                    .hasMessageContaining("immutable");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> s.executeUpdate("DELETE FROM notice_version_transition"))
                    .hasMessageContaining("append-only");
        }
    }
}
