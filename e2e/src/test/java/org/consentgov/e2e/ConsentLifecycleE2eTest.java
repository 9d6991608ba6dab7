package org.consentgov.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.e2e.support.Gateway;
import org.consentgov.e2e.support.Notices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Consent records for the research notice What It Means to Me, as a caseworker and the EYES integration record
 * them: pinned to the published version that notice-service serves, checked, withdrawn inside and after the
 * 14-day window. Every call goes through the gateway.
 */
@E2eTest
@Order(2)
class ConsentLifecycleE2eTest {

    private int version;
    private String contentHash;

    @BeforeEach
    void readTheNoticeTheFamilyWasShown() {
        JsonPath notice = Notices.current(E2eTestData.RESEARCH_NOTICE);
        version = notice.getInt("version");
        contentHash = notice.getString("contentHash");
    }

    @Test
    void childAndParentConsentRecordedByACaseworkerIsEffectiveAndTheCheckSaysConsented() {
        String nhs = E2eTestData.nhsNumber();

        JsonPath record = record("caseworker", E2eTestData.childAndParentConsent(nhs, version, contentHash, 0));

        assertThat(record.getString("state")).isEqualTo("ACTIVE");
        assertThat(record.getString("decision")).isEqualTo("GIVEN");
        assertThat(record.getBoolean("effective")).isTrue();
        assertThat(record.getList("missingParties")).isNullOrEmpty();
        assertThat(record.getString("notice.slug")).isEqualTo(E2eTestData.RESEARCH_NOTICE);
        assertThat(record.getInt("notice.version")).isEqualTo(version);
        assertThat(record.getString("notice.contentHash")).isEqualTo(contentHash);
        assertThat(record.getString("recordedOrg")).isEqualTo("luton-council");

        Gateway.as("caseworker")
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", E2eTestData.RESEARCH_NOTICE)
                .queryParam("purpose", E2eTestData.RESEARCH_PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(200)
                .body("consented", equalTo(true))
                .body("recordId", equalTo(record.getString("id")))
                .body("noticeVersion.version", equalTo(version));
    }

    @Test
    void withdrawalInsideTheWindowWithdrawsAtOnceAndTheCheckThenSaysNo() {
        String nhs = E2eTestData.nhsNumber();
        String id = record("caseworker", E2eTestData.childAndParentConsent(nhs, version, contentHash, 0))
                .getString("id");

        Gateway.as("caseworker")
                .body(E2eTestData.withdrawal("parent", "changed their mind"))
                .header("If-Match", consentEtag(id))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("WITHDRAWN"))
                .body("record.state", equalTo("WITHDRAWN"))
                .body("record.effective", equalTo(false));

        Gateway.as("caseworker")
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", E2eTestData.RESEARCH_NOTICE)
                .queryParam("purpose", E2eTestData.RESEARCH_PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(200)
                .body("consented", equalTo(false));
    }

    @Test
    void withdrawalTwentyDaysAfterTheFormIsRefusedWith409AndReferredToTheDpo() {
        JsonPath record = record(
                "caseworker", E2eTestData.childAndParentConsent(E2eTestData.nhsNumber(), version, contentHash, 20));
        String id = record.getString("id");
        LocalDate windowEnd = LocalDate.parse(record.getString("withdrawalWindowEndsOn"));
        assertThat(windowEnd).isBefore(E2eTestData.today());

        JsonPath problem = Gateway.as("caseworker")
                .body(E2eTestData.withdrawal("child", "does not want to take part"))
                .header("If-Match", consentEtag(id))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(409)
                .contentType(Gateway.PROBLEM_JSON)
                .body("type", equalTo(Gateway.PROBLEM_TYPE_BASE + "withdrawal-window-closed"))
                .body("windowEndedOn", equalTo(windowEnd.toString()))
                .extract()
                .jsonPath();
        String requestId = problem.getString("withdrawalRequestId");
        assertThat(requestId).isNotBlank();

        // the record is untouched: a late withdrawal is the DPO's decision
        Gateway.as("caseworker")
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("ACTIVE"));

        // ... and the person's wish is in the DPO's queue (oldest first, so it is on the last pages)
        Map<String, Object> referred = referredWithdrawal(requestId);
        assertThat(referred)
                .containsEntry("recordId", id)
                .containsEntry("status", "REFERRED")
                .containsEntry("requestedBy", "child")
                .containsEntry("windowEndedOn", windowEnd.toString());

        // which only the DPO reads
        Gateway.as("caseworker")
                .queryParam("status", "REFERRED")
                .when()
                .get("/api/consents/withdrawal-requests")
                .then()
                .statusCode(403);
    }

    @Test
    void integrationClientRetryingWithTheSameIdempotencyKeyGetsTheFirstRecordReplayed() {
        Map<String, Object> consent =
                E2eTestData.childAndParentConsent(E2eTestData.nhsNumber(), version, contentHash, 1);
        String key = "e2e-" + UUID.randomUUID();

        Response first = Gateway.asEyesIntegration()
                .header("Idempotency-Key", key)
                .body(consent)
                .when()
                .post("/api/consents");
        first.then().statusCode(201);
        assertThat(first.header("Idempotent-Replayed")).isNotEqualTo("true");
        assertThat(first.jsonPath().getString("recordedOrg")).isEqualTo("luton-council");

        Response retry = Gateway.asEyesIntegration()
                .header("Idempotency-Key", key)
                .body(consent)
                .when()
                .post("/api/consents");
        retry.then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first.jsonPath().getString("id")));

        // one record, not two
        Gateway.asEyesIntegration()
                .queryParam("subject", first.jsonPath().getString("subjectId"))
                .when()
                .get("/api/consents")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items.id", hasItem(first.jsonPath().getString("id")));
    }

    private static JsonPath record(String user, Map<String, Object> consent) {
        return Gateway.as(user)
                .body(consent)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> referredWithdrawal(String requestId) {
        int size = 100;
        int pages = Gateway.as("dpo")
                .queryParam("status", "REFERRED")
                .queryParam("size", size)
                .when()
                .get("/api/consents/withdrawal-requests")
                .then()
                .statusCode(200)
                .extract()
                .path("totalPages");
        for (int page = pages - 1; page >= 0 && page >= pages - 3; page--) {
            List<Map<String, Object>> items = Gateway.as("dpo")
                    .queryParam("status", "REFERRED")
                    .queryParam("size", size)
                    .queryParam("page", page)
                    .when()
                    .get("/api/consents/withdrawal-requests")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            for (Map<String, Object> item : items) {
                if (requestId.equals(item.get("id"))) {
                    return item;
                }
            }
        }
        throw new AssertionError("the DPO's queue of REFERRED withdrawal requests does not hold " + requestId);
    }

    /** The record's current ETag: a withdrawal needs it in If-Match. */
    private static String consentEtag(String id) {
        return Gateway.as("caseworker")
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }
}
