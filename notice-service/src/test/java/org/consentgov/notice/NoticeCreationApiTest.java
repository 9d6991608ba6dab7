package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.list;
import static org.consentgov.notice.NoticeTestData.request;
import static org.consentgov.notice.NoticeTestData.token;
import static org.consentgov.notice.NoticeTestData.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Creating a notice: the draft with its location and ETag, idempotency keys, taken slugs. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class NoticeCreationApiTest extends NoticeApiTestSupport {

    @Test
    void editorCreatesADraftWithLocationAndEtag() {
        String slug = uniqueSlug("created");
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(slug, content()))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/notices/" + slug + "/versions/1"))
                .header("ETag", notNullValue())
                .header("X-Request-Id", notNullValue())
                .body("state", equalTo("DRAFT"))
                .body("number", equalTo(1))
                .body("createdBy", equalTo("notice-editor-user"))
                .body("history[0].to", equalTo("DRAFT"));
    }

    @Test
    void sameIdempotencyKeyAndBodyReplaysTheFirstResponse() {
        String slug = uniqueSlug("idem");
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = postWithKey(token("notice-editor"), key, request(slug, content()));
        ExtractableResponse<Response> second = postWithKey(token("notice-editor"), key, request(slug, content()));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.jsonPath().getString("createdAt"))
                .isEqualTo(first.jsonPath().getString("createdAt"));
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}", slug)
                .then()
                .body("versions.size()", equalTo(1));
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        postWithKey(token("notice-editor"), key, request(uniqueSlug("idem-a"), content()));
        Map<String, Object> before = fingerprint();
        ExtractableResponse<Response> reused =
                postWithKey(token("notice-editor"), key, request(uniqueSlug("idem-b"), content()));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.jsonPath().getString("code")).isEqualTo("idempotency-key-reused");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void idempotencyKeysAreScopedToTheCaller() {
        String key = UUID.randomUUID().toString();
        String editorSlug = uniqueSlug("scope-editor");
        String dpoSlug = uniqueSlug("scope-dpo");
        assertThat(postWithKey(token("notice-editor"), key, request(editorSlug, content()))
                        .statusCode())
                .isEqualTo(201);
        ExtractableResponse<Response> other = postWithKey(token("dpo"), key, request(dpoSlug, content()));
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.jsonPath().getString("slug")).isEqualTo(dpoSlug);
    }

    @Test
    void aRejectedCreateDoesNotBurnTheIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        String slug = uniqueSlug("burn");
        Map<String, Object> bad = content();
        bad.put("dataCategories", list("identity.no-such-thing"));
        assertThat(postWithKey(token("notice-editor"), key, request(slug, bad)).statusCode())
                .isEqualTo(422);
        assertThat(postWithKey(token("notice-editor"), key, request(slug, content()))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void takenSlugIsConflict() {
        String slug = create(content());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(slug, content()))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("slug-taken"))
                .extract());
    }
}
