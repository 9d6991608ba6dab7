package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.list;
import static org.consentgov.notice.NoticeTestData.map;
import static org.consentgov.notice.NoticeTestData.token;
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

/** Editing drafts with ETag and If-Match; a published version is not edited. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class NoticeDraftEditingApiTest extends NoticeApiTestSupport {

    @Test
    void draftIsEditedWithItsEtag() {
        String slug = create(content());
        String etag = etag(slug, 1);
        Map<String, Object> c = content();
        c.put("rights", list("access", "erasure"));
        String newEtag = given().auth()
                .oauth2(token("notice-editor"))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(map("content", c))
                .when()
                .put("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .body("content.rights", hasItem("erasure"))
                .extract()
                .header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
    }

    @Test
    void staleIfMatchIsPreconditionFailedAndChangesNothing() {
        String slug = create(content());
        String etag = etag(slug, 1);
        Map<String, Object> c = content();
        given().auth()
                .oauth2(token("notice-editor"))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(map("content", c))
                .when()
                .put("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200);
        c.put("rights", list("erasure"));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(map("content", c))
                .when()
                .put("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("code", equalTo("stale-etag"))
                .extract());
    }

    @Test
    void updateWithoutIfMatchIsPreconditionRequired() {
        String slug = create(content());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(map("content", content()))
                .when()
                .put("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("code", equalTo("if-match-required"))
                .extract());
    }

    @Test
    void editingAPublishedVersionIsConflict() {
        String slug = create(content());
        publish(slug, 1);
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body(map("content", content()))
                .when()
                .put("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(409)
                .body("code", equalTo("version-not-draft"))
                .extract());
    }
}
