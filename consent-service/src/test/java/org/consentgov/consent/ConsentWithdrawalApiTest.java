package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.competentChild;
import static org.consentgov.consent.ConsentTestData.consent;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.map;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.today;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Withdrawal: inside the window at once, after it referred to the DPO, always under consent as the basis, one winner. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentWithdrawalApiTest extends ConsentApiTestSupport {

    @Test
    void withdrawalInsideTheWindowTakesEffectAtOnce() {
        String nhs = nhsNumber();
        String id = record(researchConsent(nhs, 14)).jsonPath().getString("id");
        Instant before = Instant.now();
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(map("requestedBy", "child", "channel", "told their caseworker"))
                .header("If-Match", ConsentTestData.etag(id))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("WITHDRAWN"))
                .body("record.state", equalTo("WITHDRAWN"));
        check(nhs, PURPOSE).then().body("consented", equalTo(false)).body("reasons[0]", containsString("withdrawn"));
        // valid time: asked for today, so it stopped counting at the start of today (London)
        Instant startOfToday = ConsentTestData.today()
                .atStartOfDay(java.time.ZoneId.of("Europe/London"))
                .toInstant();
        given().auth()
                .oauth2(token("caseworker"))
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", NoticeServiceStub.RESEARCH)
                .queryParam("purpose", PURPOSE)
                .queryParam("at", startOfToday.minusSeconds(1).toString())
                .when()
                .get("/api/consents/check")
                .then()
                .body("consented", equalTo(true));
        // recorded time: as known before the withdrawal was keyed, the consent still counted
        given().auth()
                .oauth2(token("caseworker"))
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", NoticeServiceStub.RESEARCH)
                .queryParam("purpose", PURPOSE)
                .queryParam("at", before.toString())
                .queryParam("knownAt", before.toString())
                .when()
                .get("/api/consents/check")
                .then()
                .body("consented", equalTo(true));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(map("requestedBy", "child"))
                .header("If-Match", ConsentTestData.etag(id))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(409)
                .body("code", equalTo("record-not-active"))
                .extract());
    }

    @Test
    void withdrawalAfterTheWindowIs409AndReferredToTheDpo() {
        String nhs = nhsNumber();
        String id = record(researchConsent(nhs, 15)).jsonPath().getString("id");
        String requestId = given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(map("requestedBy", "parent", "reason", "changed their mind"))
                .header("If-Match", ConsentTestData.etag(id))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("withdrawal-window-closed"))
                .body("windowEndedOn", equalTo(today().minusDays(1).toString()))
                .body("status", equalTo(409))
                .body("requestStatus", equalTo("REFERRED"))
                .header("Location", containsString("/api/consents/withdrawal-requests/"))
                .extract()
                .jsonPath()
                .getString("withdrawalRequestId");
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .body("state", equalTo("ACTIVE"));
        given().auth()
                .oauth2(token("caseworker"))
                .when()
                .get("/api/consents/withdrawal-requests")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token("dpo"))
                .queryParam("status", "REFERRED")
                .queryParam("size", 100)
                .when()
                .get("/api/consents/withdrawal-requests")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(requestId));
        given().auth()
                .oauth2(token("dpo"))
                .contentType(ContentType.JSON)
                .body(map("decision", "ACCEPT", "note", "The family's wish is respected"))
                .header("If-Match", ConsentTestData.requestEtag(requestId))
                .when()
                .post("/api/consents/withdrawal-requests/{r}/resolve", requestId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("resolvedBy", equalTo("dpo-user"));
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .body("state", equalTo("WITHDRAWN"));
        given().auth()
                .oauth2(token("dpo"))
                .contentType(ContentType.JSON)
                .body(map("decision", "DECLINE", "note", "again"))
                .header("If-Match", ConsentTestData.requestEtag(requestId))
                .when()
                .post("/api/consents/withdrawal-requests/{r}/resolve", requestId)
                .then()
                .statusCode(409)
                .body("code", equalTo("already-resolved"));
        given().auth()
                .oauth2(token("auditor"))
                .when()
                .get("/api/consents/{id}/history", id)
                .then()
                .body("event", equalTo(List.of("recorded", "withdrawal-referred-to-dpo", "late-withdrawal-accepted")));
    }

    @Test
    void withConsentAsTheLawfulBasisWithdrawalIsAlwaysAllowed() {
        Map<String, Object> body = consent(
                nhsNumber(),
                NoticeServiceStub.CONSENT_BASIS,
                2,
                NoticeServiceStub.CONSENT_BASIS_HASH,
                "early-help",
                200,
                list(competentChild("GIVEN")));
        ExtractableResponse<Response> created = record(body);
        assertThat(created.jsonPath().getString("withdrawalWindowEndsOn")).isNull();
        given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(map("requestedBy", "child"))
                .header("If-Match", ConsentTestData.etag(created.jsonPath().getString("id")))
                .when()
                .post("/api/consents/{id}/withdrawals", created.jsonPath().getString("id"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("WITHDRAWN"));
    }

    @Test
    void concurrentWithdrawalsOfOneRecordHaveExactlyOneWinner() throws Exception {
        String id = record(researchConsent(nhsNumber(), 1)).jsonPath().getString("id");
        String etag = ConsentTestData.etag(id);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> given().auth()
                        .oauth2(token("caseworker"))
                        .contentType(ContentType.JSON)
                        .body(map("requestedBy", "child"))
                        .header("If-Match", etag)
                        .when()
                        .post("/api/consents/{id}/withdrawals", id)
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            // the others read the record before the winner changed it: their If-Match is stale (412), or the
            // record is no longer active (409)
            assertThat(statuses).containsOnlyOnce(200).filteredOn(s -> s != 200).isSubsetOf(409, 412);
        } finally {
            pool.shutdownNow();
        }
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/{id}/history", id)
                .then()
                .body("size()", equalTo(2));
    }
}
