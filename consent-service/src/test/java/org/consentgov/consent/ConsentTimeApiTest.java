package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.competentChild;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.map;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.subject;
import static org.consentgov.consent.ConsentTestData.today;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.consentgov.consent.domain.ConsentExpiries;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.SuiteTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Valid time and recorded time (DESIGN §11): the notice version in force on the day the form was signed, the day a
 * withdrawal was asked for, a record counting from the day it was signed, consents that expire, and the check as
 * known at a recorded time.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentTimeApiTest extends ConsentApiTestSupport {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A notice slug of this test's own: consent-service keeps the versions it has read (they never change). */
    String timed;

    static final String V1_HASH = "4".repeat(64);
    static final String V2_HASH = "5".repeat(64);

    @Inject
    ConsentExpiries expiries;

    @BeforeEach
    void ownNotice() {
        timed = "timed-" + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    // --- pinning to the version in force on the day the form was signed ---

    /** v1 in force until noon on {@code v2From}, v2 (a material change when {@code material}) since. */
    private void twoVersions(LocalDate v2From, boolean material) {
        Instant change = v2From.atTime(12, 0).atZone(LONDON).toInstant();
        NoticeServiceStub.stage(
                timed,
                1,
                V1_HASH,
                n -> n.put("state", "SUPERSEDED")
                        .put("inForceFrom", "2020-01-01T00:00:00Z")
                        .put("inForceUntil", change.toString()));
        NoticeServiceStub.stage(
                timed,
                2,
                V2_HASH,
                n -> n.put("state", "PUBLISHED")
                        .put("inForceFrom", change.toString())
                        .put("materialChange", material));
        NoticeServiceStub.inForceAtAnyInstant(timed, 2, V2_HASH);
    }

    private Map<String, Object> timedConsent(String nhs, int version, String hash, LocalDate givenOn) {
        Map<String, Object> body = SuiteTestData.consentRequest(
                subject(nhs),
                SuiteTestData.notice(timed, version, hash),
                PURPOSE,
                list(competentChild("GIVEN")),
                givenOn.minusDays(3),
                today().minusDays(1),
                "EYES document 4711");
        body.put("givenOn", givenOn.toString());
        return body;
    }

    @Test
    void aFormSignedOnV1WhileInForceIsAcceptedAfterV2AndFlaggedWhenV2WasMaterial() {
        twoVersions(today().minusDays(5), true);
        ExtractableResponse<Response> recorded = record(timedConsent(nhsNumber(), 1, V1_HASH, today().minusDays(10)));
        assertThat(recorded.jsonPath().getString("state")).isEqualTo("ACTIVE");
        assertThat(recorded.jsonPath().getBoolean("reconsentRequired")).isTrue();
        assertThat(recorded.jsonPath().getString("givenOn"))
                .isEqualTo(today().minusDays(10).toString());
        assertThat(recorded.jsonPath().getString("effectiveFrom"))
                .isEqualTo(
                        today().minusDays(10).atStartOfDay(LONDON).toInstant().toString());
    }

    @Test
    void aFormSignedOnV1IsNotFlaggedWhenV2WasOnlyReworded() {
        twoVersions(today().minusDays(5), false);
        assertThat(record(timedConsent(nhsNumber(), 1, V1_HASH, today().minusDays(10)))
                        .jsonPath()
                        .getBoolean("reconsentRequired"))
                .isFalse();
    }

    @Test
    void onTheChangeoverDayEitherVersionIsAccepted() {
        LocalDate changeover = today().minusDays(5);
        twoVersions(changeover, true);
        record(timedConsent(nhsNumber(), 1, V1_HASH, changeover));
        assertThat(record(timedConsent(nhsNumber(), 2, V2_HASH, changeover))
                        .jsonPath()
                        .getBoolean("reconsentRequired"))
                .isFalse();
    }

    @Test
    void aFormDatedAfterV2StartedPinnedToV1IsRefusedNamingTheVersionInForce() {
        twoVersions(today().minusDays(5), true);
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(timedConsent(nhsNumber(), 1, V1_HASH, today().minusDays(3)))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("notice-version-not-in-force"))
                .body("versionInForce", equalTo(2))
                .body("errors[0].field", equalTo("notice.version"))
                .body("detail", containsString("version 2 was in force"))
                .extract());
    }

    @Test
    void aRetiredVersionCannotBePinned() {
        NoticeServiceStub.stage(
                timed,
                1,
                V1_HASH,
                n -> n.put("state", "RETIRED")
                        .put("inForceFrom", "2020-01-01T00:00:00Z")
                        .put(
                                "inForceUntil",
                                today().minusDays(2)
                                        .atStartOfDay(LONDON)
                                        .toInstant()
                                        .toString()));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(timedConsent(nhsNumber(), 1, V1_HASH, today().minusDays(10)))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("notice-version-not-in-force"))
                .body("pinnedVersionState", equalTo("RETIRED"))
                .body("versionInForce", nullValue())
                .extract());
    }

    @Test
    void aFormSignedBeforeTheFirstVersionCameIntoForceIsRefused() {
        NoticeServiceStub.stage(
                timed,
                1,
                V1_HASH,
                n -> n.put(
                        "inForceFrom",
                        today().minusDays(2).atStartOfDay(LONDON).toInstant().toString()));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(timedConsent(nhsNumber(), 1, V1_HASH, today().minusDays(10)))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("notice-version-not-in-force"))
                .extract());
    }

    @Test
    void badFormDatesChangeNothing() {
        Map<String, Object> future = researchConsent(nhsNumber(), 0);
        future.put("givenOn", today().plusDays(1).toString());
        refused(future, "date-in-future", "givenOn");
        Map<String, Object> afterReceipt = researchConsent(nhsNumber(), 2);
        afterReceipt.put("givenOn", today().minusDays(1).toString());
        refused(afterReceipt, "given-after-received", "givenOn");
        Map<String, Object> beforeIssue = researchConsent(nhsNumber(), 2);
        beforeIssue.put("givenOn", today().minusDays(10).toString());
        refused(beforeIssue, "given-before-issued", "givenOn");
    }

    private void refused(Map<String, Object> body, String code, String field) {
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo(code))
                .body("errors[0].field", equalTo(field))
                .extract());
    }

    // --- the withdrawal window: from the notice's start to the day the child asked ---

    @Test
    void aRequestMadeOnDayThirteenAndKeyedOnDayFifteenIsWithdrawnAtOnce() {
        String nhs = nhsNumber();
        // received 15 days ago: the 14-day window's last day was yesterday, so a request dated today is referred
        String id = record(researchConsent(nhs, 15)).jsonPath().getString("id");
        LocalDate dayThirteen = today().minusDays(2);
        assertUnchangedBy(() -> withdraw(id, map("requestedBy", "child", "requestedOn", dayThirteen.toString()))
                .then()
                .statusCode(422)
                .body("code", equalTo("reason-required"))
                .body("errors[0].field", equalTo("reason"))
                .extract());
        withdraw(
                        id,
                        map(
                                "requestedBy",
                                "child",
                                "channel",
                                "told their caseworker",
                                "requestedOn",
                                dayThirteen.toString(),
                                "reason",
                                "told the caseworker on day 13, keyed on day 15"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("WITHDRAWN"))
                .body("record.state", equalTo("WITHDRAWN"))
                .body("record.withdrawalRequestedOn", equalTo(dayThirteen.toString()))
                .body(
                        "record.endedAt",
                        equalTo(dayThirteen.atStartOfDay(LONDON).toInstant().toString()));
        String history = given().auth()
                .oauth2(token("dpo"))
                .get("/api/consents/{id}/history", id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(history).contains("told the caseworker on day 13, keyed on day 15");
        // valid time: it stopped counting on day 13, though the service learnt it today
        checkAt(nhs, dayThirteen.atStartOfDay(LONDON).toInstant().minusSeconds(1), null)
                .then()
                .body("consented", equalTo(true));
        checkAt(nhs, dayThirteen.atStartOfDay(LONDON).toInstant(), null).then().body("consented", equalTo(false));
    }

    @Test
    void aRequestDatedTodayAfterTheWindowIsStillReferred() {
        String id = record(researchConsent(nhsNumber(), 15)).jsonPath().getString("id");
        withdraw(id, map("requestedBy", "child"))
                .then()
                .statusCode(409)
                .body("code", equalTo("withdrawal-window-closed"))
                .body("requestedOn", equalTo(today().toString()));
    }

    @Test
    void badWithdrawalDatesChangeNothing() {
        String id = record(researchConsent(nhsNumber(), 3)).jsonPath().getString("id");
        assertUnchangedBy(() -> withdraw(
                        id,
                        map(
                                "requestedBy",
                                "child",
                                "requestedOn",
                                today().plusDays(1).toString()))
                .then()
                .statusCode(422)
                .body("code", equalTo("date-in-future"))
                .extract());
        assertUnchangedBy(() -> withdraw(
                        id,
                        map(
                                "requestedBy",
                                "child",
                                "requestedOn",
                                today().minusDays(30).toString(),
                                "reason",
                                "keyed late"))
                .then()
                .statusCode(422)
                .body("code", equalTo("requested-before-form"))
                .extract());
    }

    @Test
    void aWindowCountedFromTheFormsIssueIsHonouredAndNeedsTheIssueDate() {
        NoticeServiceStub.stage(
                timed,
                1,
                V1_HASH,
                n -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                                n.path("content").path("consent"))
                        .put("withdrawalWindowStartsOn", "FORM_ISSUED"));
        Map<String, Object> noIssue = timedConsent(nhsNumber(), 1, V1_HASH, today().minusDays(5));
        noIssue.remove("formIssuedOn");
        refused(noIssue, "form-issued-on-required", "formIssuedOn");
        // issued 16 days ago, received yesterday: counted from issue the 14-day window ended two days ago
        Map<String, Object> body = timedConsent(nhsNumber(), 1, V1_HASH, today().minusDays(5));
        body.put("formIssuedOn", today().minusDays(16).toString());
        ExtractableResponse<Response> recorded = record(body);
        assertThat(recorded.jsonPath().getString("withdrawalWindowEndsOn"))
                .isEqualTo(today().minusDays(2).toString());
        withdraw(recorded.jsonPath().getString("id"), map("requestedBy", "child"))
                .then()
                .statusCode(409)
                .body("code", equalTo("withdrawal-window-closed"))
                .body("windowEndedOn", equalTo(today().minusDays(2).toString()));
    }

    // --- the check as known at a recorded time ---

    @Test
    void theCheckAnswersWithWhatWasRecordedAtKnownAt() {
        String nhs = nhsNumber();
        Instant beforeRecording = Instant.now();
        String id = record(researchConsent(nhs, 3)).jsonPath().getString("id");
        Instant afterRecording = Instant.now();
        Instant yesterday = today().minusDays(1).atStartOfDay(LONDON).toInstant();
        // a record recorded after knownAt does not exist for the answer
        checkAt(nhs, yesterday, beforeRecording).then().statusCode(200).body("consented", equalTo(false));
        checkAt(nhs, yesterday, afterRecording)
                .then()
                .body("consented", equalTo(true))
                .body("recordId", equalTo(id))
                .body("historyLength", equalTo(1))
                .body("knownAt", equalTo(afterRecording.toString()));
        withdraw(id, map("requestedBy", "child")).then().statusCode(200);
        // valid time yesterday: the withdrawal recorded later had not happened as known before it
        checkAt(nhs, Instant.now(), afterRecording)
                .then()
                .body("consented", equalTo(true))
                .body("historyLength", equalTo(1))
                .body("state", equalTo("ACTIVE"));
        checkAt(nhs, Instant.now(), null)
                .then()
                .body("consented", equalTo(false))
                .body("historyLength", equalTo(2))
                .body("state", equalTo("WITHDRAWN"));
        checkAt(nhs, null, Instant.now().plusSeconds(3600))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-parameter"))
                .body("errors[0].field", equalTo("knownAt"));
    }

    // --- expiry ---

    @Test
    void aConsentExpiresAtItsEndInTheCheckAtOnceAndInItsStateWhenTheJobRuns() {
        NoticeServiceStub.stage(
                timed,
                1,
                V1_HASH,
                n -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                                n.path("content").path("consent"))
                        .put("consentDuration", "P1Y"));
        String nhs = nhsNumber();
        LocalDate signed = today().minusYears(1).minusDays(2);
        Map<String, Object> body = timedConsent(nhs, 1, V1_HASH, signed);
        body.put("formReceivedOn", signed.plusDays(1).toString());
        ExtractableResponse<Response> recorded = record(body);
        String id = recorded.jsonPath().getString("id");
        Instant expiresAt = signed.plusYears(1).plusDays(1).atStartOfDay(LONDON).toInstant();
        assertThat(recorded.jsonPath().getString("expiresAt")).isEqualTo(expiresAt.toString());
        assertThat(recorded.jsonPath().getString("state")).isEqualTo("ACTIVE");

        timedCheck(nhs, expiresAt.minusSeconds(1)).then().body("consented", equalTo(true));
        timedCheck(nhs, expiresAt)
                .then()
                .body("consented", equalTo(false))
                .body("reasons[0]", containsString("expired"))
                .body("expiresAt", equalTo(expiresAt.toString()));

        ConsentExpiries.Result result = expiries.expire(Instant.now(), 1000);
        assertThat(result.ran()).isTrue();
        assertThat(result.expired()).contains(java.util.UUID.fromString(id));
        given().auth()
                .oauth2(token("dpo"))
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("EXPIRED"))
                .body("endedAt", equalTo(expiresAt.toString()));
        given().auth()
                .oauth2(token("dpo"))
                .get("/api/consents/{id}/history", id)
                .then()
                .statusCode(200)
                .body("[1].event", equalTo("expired"))
                .body("[1].actor", equalTo("system"))
                .body("[1].to", equalTo("EXPIRED"));
        given().auth()
                .oauth2(token("dpo"))
                .get("/api/consents/{id}/history/verify", id)
                .then()
                .body("valid", equalTo(true));
        timedCheck(nhs, Instant.now()).then().body("consented", equalTo(false)).body("state", equalTo("EXPIRED"));
        // a second run finds nothing more to do for it
        assertThat(expiries.expire(Instant.now(), 1000).expired()).doesNotContain(java.util.UUID.fromString(id));
    }

    private Response timedCheck(String nhs, Instant at) {
        return given().auth()
                .oauth2(token("caseworker"))
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", timed)
                .queryParam("purpose", PURPOSE)
                .queryParam("at", at.toString())
                .when()
                .get("/api/consents/check");
    }

    private Response checkAt(String nhs, Instant at, Instant knownAt) {
        var request = given().auth()
                .oauth2(token("caseworker"))
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", NoticeServiceStub.RESEARCH)
                .queryParam("purpose", PURPOSE);
        if (at != null) {
            request = request.queryParam("at", at.toString());
        }
        if (knownAt != null) {
            request = request.queryParam("knownAt", knownAt.toString());
        }
        return request.when().get("/api/consents/check");
    }

    /** A withdrawal with the record's current ETag (If-Match is required). */
    private static Response withdraw(String id, Map<String, Object> body) {
        String etag = ConsentTestData.etag(id);
        return given().auth()
                .oauth2(token("caseworker"))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents/{id}/withdrawals", id);
    }
}
