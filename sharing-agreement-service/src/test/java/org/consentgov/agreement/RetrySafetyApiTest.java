package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.content;
import static org.consentgov.agreement.AgreementTestData.create;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.etag;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.read;
import static org.consentgov.agreement.AgreementTestData.signer;
import static org.consentgov.agreement.AgreementTestData.submit;

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
import org.consentgov.agreement.AgreementTestData.Parties;
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
            "POST /api/agreements/{id}/variations",
            "creates a child, a new draft version, and changes nothing in force; a second variation while one is open "
                    + "is 409 variation-open, and Idempotency-Key makes a retry return the first 201",
            "POST /api/agreements/notice-events",
            "notice-service's signed webhook: no client sends it, and the platform's EventInbox acts on each event "
                    + "id once, so a redelivery changes nothing");

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

    static ExtractableResponse<Response> signAsController(Parties p, String id, String etag) {
        var request = given().auth().oauth2(signer(p.controller())).contentType(ContentType.JSON);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.body(map("version", 1))
                .when()
                .post("/api/agreements/{id}/signatures", id)
                .then()
                .extract();
    }

    @Test
    void aSignatureWithoutIfMatchIs428AndWithAStaleOneIs412AndSignsNothing() {
        Parties p = parties();
        String id = create(content(p)).jsonPath().getString("id");
        String beforeSubmit = etag(id);
        submit(id);

        ExtractableResponse<Response> missing = Unchanged.by(dataSource, () -> signAsController(p, id, null));
        assertThat(missing.statusCode()).isEqualTo(428);
        assertThat(missing.jsonPath().getString("code")).isEqualTo("if-match-required");

        ExtractableResponse<Response> stale = Unchanged.by(dataSource, () -> signAsController(p, id, beforeSubmit));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.jsonPath().getString("code")).isEqualTo("stale-etag");
        assertThat(stale.jsonPath().getString("currentEtag")).isEqualTo(etag(id));
        assertThat(read(id).jsonPath().getList("awaitingSignature")).contains(p.controller(), p.recipient());

        // with the current ETag the signature is taken, and it changes the agreement's ETag
        String current = etag(id);
        ExtractableResponse<Response> signed = signAsController(p, id, current);
        assertThat(signed.statusCode()).isEqualTo(201);
        assertThat(signed.header("ETag")).isNotEqualTo(current).isEqualTo(etag(id));
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
