package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.token;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.contracts.RetrySafetyContract;
import org.junit.jupiter.api.Test;

/**
 * Every state change of notice-service is safe to retry: the document declares Idempotency-Key on every POST and a
 * required If-Match (with its 428) on every change of an existing resource, but for the exemptions named here; and
 * publishing and retiring replay their first answer under the same key, and change nothing without If-Match.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RetrySafetyApiTest extends NoticeApiTestSupport {

    static final Map<String, String> EXEMPT = Map.of(
            "POST /api/notices/{slug}/versions",
            "creates a child, a new draft version, without changing the notice; Idempotency-Key makes a retry safe and "
                    + "a second draft while one is open is 409 draft-exists, so no concurrent change is lost",
            "DELETE /api/notices/subscriptions/{id}",
            "deactivation is the subscription's only change and is idempotent: deactivating an inactive subscription "
                    + "answers it as it is; there is nothing a stale client could overwrite",
            "POST /api/notices/subscriptions/{id}/deliveries/{deliveryId}/redeliver",
            "a command on a parked delivery, which has no version a client reads; Idempotency-Key makes a retry "
                    + "return the first 202, and a delivery no longer parked is 409",
            "POST /api/notices/subscriptions/{id}/secret-rotations",
            "a command on the subscription's secret, which has no version a client reads yet; Idempotency-Key makes a "
                    + "retry return the first answer instead of rotating again");

    @Test
    void theDocumentDeclaresRetrySafetyForEveryStateChange() {
        RetrySafetyContract.assertRetrySafe(
                RestAssured.get("/q/openapi?format=json").asString(), EXEMPT);
    }

    ExtractableResponse<Response> publish(String slug, String etag, String key) {
        var request = given().auth().oauth2(token("dpo")).contentType(ContentType.JSON);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .extract();
    }

    @Test
    void aRetriedPublishReplaysTheFirstAnswerAndPublishesOnce() {
        String slug = create(content());
        String etag = etag(slug, 1);
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = publish(slug, etag, key);
        assertThat(first.statusCode()).isEqualTo(200);
        Map<String, Object> after = fingerprint();

        // the answer was lost; the client sends the same request again with the same key and its old ETag
        ExtractableResponse<Response> again = publish(slug, etag, key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.jsonPath().getString("state")).isEqualTo("PUBLISHED");
        assertThat(again.jsonPath().getString("contentHash"))
                .isEqualTo(first.jsonPath().getString("contentHash"));
        assertThat(fingerprint()).as("nothing published twice, no second event").isEqualTo(after);

        // without a key the same retry is what it always was: refused, the version is no longer a draft
        assertThat(publish(slug, etag, null).statusCode()).isIn(409, 412);
    }

    @Test
    void publishingOrRetiringWithoutIfMatchIs428AndChangesNothing() {
        String slug = create(content());
        assertUnchangedBy(() -> {
            ExtractableResponse<Response> r =
                    publish(slug, null, UUID.randomUUID().toString());
            assertThat(r.statusCode()).isEqualTo(428);
            assertThat(r.jsonPath().getString("code")).isEqualTo("if-match-required");
            return r;
        });
        assertThat(state(slug, 1)).isEqualTo("DRAFT");
        publish(slug, etag(slug, 1), null);
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("dpo"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "no longer used"))
                .when()
                .post("/api/notices/{slug}/versions/1/retire", slug)
                .then()
                .statusCode(428)
                .extract());
        assertThat(state(slug, 1)).isEqualTo("PUBLISHED");
    }

    @Test
    void aRetriedRetirementReplaysAndAKeyReusedForAnotherRequestIsRefused() {
        String slug = create(content());
        publish(slug, etag(slug, 1), null);
        String etag = etag(slug, 1);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(token("dpo"))
                    .header("If-Match", etag)
                    .header("Idempotency-Key", key)
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", "no longer used"))
                    .when()
                    .post("/api/notices/{slug}/versions/1/retire", slug)
                    .then()
                    .statusCode(200);
        }
        assertThat(state(slug, 1)).isEqualTo("RETIRED");
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "another reason"))
                .when()
                .post("/api/notices/{slug}/versions/1/retire", slug)
                .then()
                .statusCode(422)
                .extract());
    }
}
