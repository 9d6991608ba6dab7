package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.consent;
import static org.consentgov.consent.ConsentTestData.etag;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.map;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.party;
import static org.consentgov.consent.ConsentTestData.requestEtag;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.today;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.contracts.RetrySafetyContract;
import org.junit.jupiter.api.Test;

/**
 * Every state change of consent-service is safe to retry: an {@code Idempotency-Key} replays the first answer (a late
 * withdrawal retried is referred once), and every change of an existing record or request needs its ETag in
 * {@code If-Match} (428 without it, 412 when stale), with nothing stored either way.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentRetrySafetyApiTest extends ConsentApiTestSupport {

    /** The state-changing operations that are honestly exempt from the rules, with the reason. */
    static final Map<String, String> EXEMPTIONS = Map.of(
            "POST /api/consents/notice-events",
            "a webhook receiver for notice-service: the sender's Webhook-Id (the CloudEvent id) is its idempotency key, "
                    + "and a redelivered event is recognised in processed_notice_event and changes nothing",
            "DELETE /api/consents/subscriptions/{id}",
            "platform's WebhookSubscriptionResource, shared by the three services: deactivating is idempotent (a second "
                    + "DELETE finds it inactive); its If-Match is the platform's to add, for all services at once",
            "POST /api/consents/subscriptions/{id}/deliveries/{deliveryId}/redeliver",
            "platform's WebhookSubscriptionResource, shared by the three services: only a PARKED delivery is sent "
                    + "again, so a retry answers 409; its headers are the platform's to add, for all services at once",
            "POST /api/consents/subscriptions/{id}/secret-rotations",
            "a command on the subscription's secret, which has no version a client reads yet; Idempotency-Key makes a "
                    + "retry return the first answer instead of rotating again");

    @Test
    void everyStateChangeInTheOpenApiDocumentIsSafeToRetry() {
        String document = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        RetrySafetyContract.assertRetrySafe(document, EXEMPTIONS);
    }

    @Test
    void aLateWithdrawalRetriedWithTheSameKeyIsReferredOnceAndAnsweredTheSame() throws SQLException {
        String id = record(researchConsent(nhsNumber(), 15)).jsonPath().getString("id");
        String ifMatch = etag(id);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = map("requestedBy", "parent", "channel", "letter");

        ExtractableResponse<Response> first = withdraw(id, ifMatch, key, body);
        assertThat(first.statusCode()).isEqualTo(409);
        assertThat(first.jsonPath().getString("code")).isEqualTo("withdrawal-window-closed");
        String requestId = first.jsonPath().getString("withdrawalRequestId");
        assertThat(first.header("Location")).endsWith("/api/consents/withdrawal-requests/" + requestId);
        long history = historyLength(id);

        // the client lost the answer and sends the same request again, with the ETag it had
        ExtractableResponse<Response> retry = withdraw(id, ifMatch, key, body);
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getString("withdrawalRequestId")).isEqualTo(requestId);
        assertThat(retry.jsonPath().getString("code")).isEqualTo("withdrawal-window-closed");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.contentType()).startsWith("application/problem+json");
        assertThat(referrals(id)).as("one referral to the DPO").isEqualTo(1);
        assertThat(historyLength(id)).isEqualTo(history);

        // the referral is a resource of its own: read it, and its ETag resolves it
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/withdrawal-requests/{r}", requestId)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("REFERRED"));
    }

    @Test
    void theSameKeyOnAnotherBodyIsRefusedAndChangesNothing() {
        String id = record(researchConsent(nhsNumber(), 15)).jsonPath().getString("id");
        String ifMatch = etag(id);
        String key = UUID.randomUUID().toString();
        assertThat(withdraw(id, ifMatch, key, map("requestedBy", "parent")).statusCode())
                .isEqualTo(409);

        assertUnchangedBy(() -> {
            ExtractableResponse<Response> reused = withdraw(id, ifMatch, key, map("requestedBy", "child"));
            assertThat(reused.statusCode()).isEqualTo(422);
            assertThat(reused.jsonPath().getString("code")).isEqualTo("idempotency-key-reused");
            return reused;
        });
    }

    @Test
    void aWithdrawalInsideTheWindowRetriedWithTheSameKeyIsReplayedWithItsEtag() {
        String id = record(researchConsent(nhsNumber(), 2)).jsonPath().getString("id");
        String ifMatch = etag(id);
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = withdraw(id, ifMatch, key, map("requestedBy", "child"));
        assertThat(first.statusCode()).isEqualTo(200);

        ExtractableResponse<Response> retry = withdraw(id, ifMatch, key, map("requestedBy", "child"));

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo(etag(id));
        assertThat(retry.jsonPath().getString("record.state")).isEqualTo("WITHDRAWN");
        given().auth()
                .oauth2(token("auditor"))
                .get("/api/consents/{id}/history", id)
                .then()
                .body("size()", equalTo(2));
    }

    @Test
    void withoutIfMatchEveryChangeOfARecordOrRequestIsRefused428AndChangesNothing() {
        String late = record(researchConsent(nhsNumber(), 15)).jsonPath().getString("id");
        String requestId = withdraw(late, etag(late), null, map("requestedBy", "parent"))
                .jsonPath()
                .getString("withdrawalRequestId");
        String id = record(researchConsent(nhsNumber(), 2)).jsonPath().getString("id");

        Map<String, RequestSpecification> changes = Map.of(
                "/api/consents/" + id + "/withdrawals",
                as("caseworker").body(map("requestedBy", "child")),
                "/api/consents/" + id + "/invalidate",
                as("dpo").body(map("reason", "recorded in error")),
                "/api/consents/" + id + "/parties",
                as("caseworker").body(partyBody()),
                "/api/consents/withdrawal-requests/" + requestId + "/resolve",
                as("dpo").body(map("decision", "ACCEPT", "note", "respected")));
        changes.forEach((path, request) -> assertUnchangedBy(() -> {
            ExtractableResponse<Response> refused = request.header(
                            "Idempotency-Key", UUID.randomUUID().toString())
                    .when()
                    .post(path)
                    .then()
                    .extract();
            assertThat(refused.statusCode()).as(path).isEqualTo(428);
            assertThat(refused.jsonPath().getString("code")).as(path).isEqualTo("if-match-required");
            return refused;
        }));
    }

    @Test
    void aStaleIfMatchIsRefused412AndChangesNothing() {
        String late = record(researchConsent(nhsNumber(), 15)).jsonPath().getString("id");
        String requestId = withdraw(late, etag(late), null, map("requestedBy", "parent"))
                .jsonPath()
                .getString("withdrawalRequestId");
        String id = record(researchConsent(nhsNumber(), 2)).jsonPath().getString("id");
        String stale = "\"" + (Long.parseLong(etag(id).replace("\"", "")) + 7) + "\"";

        assertUnchangedBy(() -> withdraw(id, stale, UUID.randomUUID().toString(), map("requestedBy", "child")));
        assertUnchangedBy(() -> {
            ExtractableResponse<Response> refused = as("dpo")
                    .header("If-Match", "\"42\"")
                    .body(map("decision", "ACCEPT", "note", "respected"))
                    .when()
                    .post("/api/consents/withdrawal-requests/{r}/resolve", requestId)
                    .then()
                    .extract();
            assertThat(refused.statusCode()).isEqualTo(412);
            assertThat(refused.jsonPath().getString("code")).isEqualTo("stale-etag");
            return refused;
        });
        assertThat(withdraw(id, stale, null, map("requestedBy", "child")).statusCode())
                .isEqualTo(412);
    }

    @Test
    void resolvingARequestTwiceWithTheSameKeyReplaysTheFirstResolution() {
        String late = record(researchConsent(nhsNumber(), 15)).jsonPath().getString("id");
        String requestId = withdraw(late, etag(late), null, map("requestedBy", "parent"))
                .jsonPath()
                .getString("withdrawalRequestId");
        String ifMatch = requestEtag(requestId);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = map("decision", "ACCEPT", "note", "the family's wish is respected");

        ExtractableResponse<Response> first = resolve(requestId, ifMatch, key, body);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo(requestEtag(requestId)).isNotEqualTo(ifMatch);
        ExtractableResponse<Response> retry = resolve(requestId, ifMatch, key, body);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getString("status")).isEqualTo("ACCEPTED");
        assertThat(retry.jsonPath().getString("resolvedAt"))
                .isEqualTo(first.jsonPath().getString("resolvedAt"));
        // without the key, the same request is a second resolution: refused
        assertThat(resolve(requestId, requestEtag(requestId), null, body).statusCode())
                .isEqualTo(409);
    }

    @Test
    void invalidatingAndAddingAPartyRetriedWithTheSameKeyReplayTheFirstAnswer() throws SQLException {
        ExtractableResponse<Response> created = record(consent(
                nhsNumber(),
                NoticeServiceStub.RESEARCH,
                1,
                NoticeServiceStub.RESEARCH_HASH,
                PURPOSE,
                0,
                list(party("child", "GIVEN"))));
        String id = created.jsonPath().getString("id");
        String key = UUID.randomUUID().toString();
        String ifMatch = created.header("ETag");
        ExtractableResponse<Response> added =
                post("caseworker", "/api/consents/" + id + "/parties", ifMatch, key, partyBody());
        assertThat(added.statusCode()).isEqualTo(200);
        ExtractableResponse<Response> addedAgain =
                post("caseworker", "/api/consents/" + id + "/parties", ifMatch, key, partyBody());
        assertThat(addedAgain.statusCode()).isEqualTo(200);
        assertThat(addedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(addedAgain.jsonPath().getList("parties")).hasSize(2);
        assertThat(etag(id)).isEqualTo(added.header("ETag"));

        String invalidateKey = UUID.randomUUID().toString();
        String current = etag(id);
        Map<String, Object> reason = map("reason", "recorded against the wrong child");
        ExtractableResponse<Response> invalidated =
                post("dpo", "/api/consents/" + id + "/invalidate", current, invalidateKey, reason);
        assertThat(invalidated.statusCode()).isEqualTo(200);
        long history = historyLength(id);
        ExtractableResponse<Response> again =
                post("dpo", "/api/consents/" + id + "/invalidate", current, invalidateKey, reason);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.jsonPath().getString("state")).isEqualTo("INVALIDATED");
        assertThat(historyLength(id)).isEqualTo(history);
    }

    private static Map<String, Object> partyBody() {
        return map("role", "parent", "relationship", "mother", "decision", "GIVEN", "decidedOn", today().toString());
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(token(role)).contentType(ContentType.JSON);
    }

    private static ExtractableResponse<Response> withdraw(
            String id, String ifMatch, String key, Map<String, Object> body) {
        return post("caseworker", "/api/consents/" + id + "/withdrawals", ifMatch, key, body);
    }

    private static ExtractableResponse<Response> resolve(
            String requestId, String ifMatch, String key, Map<String, Object> body) {
        return post("dpo", "/api/consents/withdrawal-requests/" + requestId + "/resolve", ifMatch, key, body);
    }

    private static ExtractableResponse<Response> post(
            String role, String path, String ifMatch, String key, Map<String, Object> body) {
        RequestSpecification request = as(role).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post(path).then().extract();
    }

    private long referrals(String recordId) throws SQLException {
        return count("SELECT count(*) FROM withdrawal_request WHERE record_id = ?::uuid", recordId);
    }

    private long historyLength(String recordId) throws SQLException {
        return count("SELECT count(*) FROM consent_history WHERE record_id = ?::uuid", recordId);
    }

    private long count(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
