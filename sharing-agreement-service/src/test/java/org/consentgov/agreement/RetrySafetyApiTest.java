package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.etag;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.read;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.contracts.RetrySafetyContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every state change of sharing-agreement-service is safe to retry: the document declares Idempotency-Key on every
 * POST and a required If-Match (with its 428) on every change of an existing resource, but for the exemptions named
 * here; the lifecycle actions replay their first answer under the same key and change nothing without If-Match.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RetrySafetyApiTest {

    static final Map<String, String> EXEMPT = Map.of(
            "POST /api/agreements/{id}/signatures",
            "adds the caller's organisation's signature to a version whose content is frozen and named by number and "
                    + "content hash, so a signer never overwrites another's change; a second signature by the same "
                    + "organisation is 409 already-signed, and Idempotency-Key makes a retry return the first 201",
            "POST /api/agreements/{id}/variations",
            "creates a child, a new draft version, and changes nothing in force; a second variation while one is open "
                    + "is 409 variation-open, and Idempotency-Key makes a retry return the first 201",
            "POST /api/agreements/notice-events",
            "notice-service's signed webhook: no client sends it, and the platform's EventInbox acts on each event "
                    + "id once, so a redelivery changes nothing",
            "DELETE /api/agreements/subscriptions/{id}",
            "deactivation is the subscription's only change and is idempotent: deactivating an inactive subscription "
                    + "answers it as it is; there is nothing a stale client could overwrite",
            "POST /api/agreements/subscriptions/{id}/deliveries/{deliveryId}/redeliver",
            "a command on a parked delivery, which has no version a client reads; Idempotency-Key makes a retry "
                    + "return the first 202, and a delivery no longer parked is 409",
            "POST /api/agreements/subscriptions/{id}/secret-rotations",
            "a command on the subscription's secret, which has no version a client reads yet; Idempotency-Key makes a "
                    + "retry return the first answer instead of rotating again");

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void healUpstreams() {
        UpstreamStubs.reset();
    }

    @Test
    void theDocumentDeclaresRetrySafetyForEveryStateChange() {
        RetrySafetyContract.assertRetrySafe(
                RestAssured.get("/q/openapi?format=json").asString(), EXEMPT);
    }

    static ExtractableResponse<Response> action(String id, String action, String etag, String key, Object body) {
        var request = given().auth().oauth2(dpo()).contentType(ContentType.JSON);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(body)
                .when()
                .post("/api/agreements/{id}/" + action, id)
                .then()
                .extract();
    }

    static List<String> history(String id) {
        return given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}/history", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("action");
    }

    @Test
    void aRetriedSuspensionReplaysTheFirstAnswerAndSuspendsOnce() {
        String id = active(parties());
        String etag = etag(id);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = map("reason", "a breach is being investigated");

        ExtractableResponse<Response> first = action(id, "suspend", etag, key, body);
        assertThat(first.statusCode()).isEqualTo(200);
        Map<String, String> after = DatabaseFingerprint.of(dataSource, Unchanged.TABLES);

        ExtractableResponse<Response> again = action(id, "suspend", etag, key, body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.jsonPath().getString("state")).isEqualTo("SUSPENDED");
        assertThat(DatabaseFingerprint.of(dataSource, Unchanged.TABLES))
                .as("one suspension, one history row, one event")
                .isEqualTo(after);
        assertThat(history(id).stream().filter("SUSPENDED"::equals)).hasSize(1);

        // the same key for another request is refused and changes nothing
        Unchanged.by(dataSource, () -> action(id, "suspend", etag, key, map("reason", "another reason")));
    }

    @Test
    void aRetriedReviewAndActivationReplay() {
        String id = active(parties());
        String key = UUID.randomUUID().toString();
        String etag = etag(id);
        Map<String, Object> note = map("note", "reviewed with both parties");
        assertThat(action(id, "reviews", etag, key, note).statusCode()).isEqualTo(200);
        assertThat(action(id, "reviews", etag, key, note).header("Idempotent-Replayed"))
                .isEqualTo("true");
        assertThat(history(id).stream().filter("REVIEWED"::equals)).hasSize(1);

        assertThat(action(id, "suspend", etag(id), null, map("reason", "paused"))
                        .statusCode())
                .isEqualTo(200);
        String suspended = etag(id);
        String activation = UUID.randomUUID().toString();
        assertThat(action(id, "activate", suspended, activation, "{}").statusCode())
                .isEqualTo(200);
        assertThat(action(id, "activate", suspended, activation, "{}").header("Idempotent-Replayed"))
                .isEqualTo("true");
        assertThat(history(id).stream().filter("REACTIVATED"::equals)).hasSize(1);
        assertThat(read(id).jsonPath().getString("state")).isEqualTo("ACTIVE");
    }

    @Test
    void everyLifecycleActionWithoutIfMatchIs428AndChangesNothing() {
        String id = active(parties());
        for (String act : List.of("suspend", "terminate", "reviews", "activate", "submit")) {
            Object body = switch (act) {
                case "suspend", "terminate" -> map("reason", "no If-Match");
                case "reviews" -> map("note", "no If-Match");
                default -> "{}";
            };
            ExtractableResponse<Response> r = Unchanged.by(
                    dataSource, () -> action(id, act, null, UUID.randomUUID().toString(), body));
            assertThat(r.statusCode()).as(act).isEqualTo(428);
            assertThat(r.jsonPath().getString("code")).as(act).isEqualTo("if-match-required");
        }
        assertThat(read(id).jsonPath().getString("state")).isEqualTo("ACTIVE");
    }
}
