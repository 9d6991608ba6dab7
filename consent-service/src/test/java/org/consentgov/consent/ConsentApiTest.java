package org.consentgov.consent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.competentChild;
import static org.consentgov.consent.ConsentTestData.consent;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.map;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.party;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.today;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.nimbusds.jose.jwk.JWKSet;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.consentgov.consent.receipts.ConsentReceipt;
import org.consentgov.consent.receipts.ReceiptService;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.PostgresTestResource;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentApiTest {

    static final String[] TABLES = {
        "subject",
        "subject_identifier",
        "consent_record",
        "consent_party",
        "consent_history",
        "withdrawal_request",
        "idempotency_key",
        "outbox_event"
    };
    static final String PURPOSE = "research-what-it-means-to-me";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    jakarta.persistence.EntityManagerFactory entityManagerFactory;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void healNoticeService() {
        NoticeServiceStub.reset();
    }

    // ---- recording and effectiveness

    @Test
    void aCompetentChildsConsentIsEffectiveAtOnce() {
        String nhs = nhsNumber();
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(researchConsent(nhs, 0))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/consents/"))
                .header("ETag", notNullValue())
                .body("state", equalTo("ACTIVE"))
                .body("effective", equalTo(true))
                .body("decision", equalTo("GIVEN"))
                .body("notice.contentHash", equalTo(NoticeServiceStub.RESEARCH_HASH))
                .body("recordedBy", equalTo("caseworker-user"))
                .body("recordedOrg", equalTo("luton-council"))
                .body("withdrawalWindowEndsOn", equalTo(today().plusDays(14).toString()))
                .body("subjectIdentifiers[0].value", equalTo(nhs))
                .body("dataCategories", hasItem("special.ethnicity"));
        check(nhs, PURPOSE).then().body("consented", equalTo(true)).body("noticeVersion.version", equalTo(1));
    }

    @Test
    void nhsNumberIsNormalisedFromTheWayPeopleWriteIt() {
        String nhs = nhsNumber();
        String spaced = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
        Map<String, Object> body = researchConsent(spaced, 0);
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .body("subjectIdentifiers[0].value", equalTo(nhs));
    }

    @Test
    void withoutACapacityAssessmentTheParentOrCarerMustAlsoConsent() {
        String nhs = nhsNumber();
        ExtractableResponse<Response> created = record(consent(
                nhs,
                NoticeServiceStub.RESEARCH,
                1,
                NoticeServiceStub.RESEARCH_HASH,
                PURPOSE,
                0,
                list(party("child", "GIVEN"))));
        assertThat(created.jsonPath().getBoolean("effective")).isFalse();
        assertThat(created.jsonPath().getList("missingParties")).containsExactly("parent-or-carer");
        check(nhs, PURPOSE)
                .then()
                .body("consented", equalTo(false))
                .body("reasons[0]", containsString("parent-or-carer"));

        String id = created.jsonPath().getString("id");
        given().auth()
                .oauth2(token("caseworker"))
                .header("If-Match", created.header("ETag"))
                .contentType(ContentType.JSON)
                .body(map(
                        "role",
                        "parent",
                        "relationship",
                        "mother",
                        "decision",
                        "GIVEN",
                        "decidedOn",
                        today().toString()))
                .when()
                .post("/api/consents/{id}/parties", id)
                .then()
                .statusCode(200)
                .body("effective", equalTo(true))
                .body("missingParties.size()", equalTo(0));
        check(nhs, PURPOSE).then().body("consented", equalTo(true));
    }

    @Test
    void aChildsRefusalIsRespectedWhateverTheParentSays() {
        String nhs = nhsNumber();
        Map<String, Object> body = consent(
                nhs,
                NoticeServiceStub.RESEARCH,
                1,
                NoticeServiceStub.RESEARCH_HASH,
                PURPOSE,
                0,
                list(party("child", "REFUSED"), party("parent", "GIVEN")));
        record(body).jsonPath();
        given().auth()
                .oauth2(token("caseworker"))
                .when()
                .get("/api/consents?subject={s}", subjectId(nhs))
                .then()
                .body("items[0].state", equalTo("REFUSED"))
                .body("items[0].decision", equalTo("REFUSED"));
        check(nhs, PURPOSE).then().body("consented", equalTo(false)).body("reasons[0]", containsString("refused"));
    }

    @Test
    void aYoungChildUnderTheNoticeAgeNeedsAParent() {
        String nhs = nhsNumber();
        Map<String, Object> body = consent(
                nhs,
                NoticeServiceStub.CONSENT_BASIS,
                2,
                NoticeServiceStub.CONSENT_BASIS_HASH,
                "early-help",
                0,
                list(party("child", "GIVEN")));
        body.put(
                "subject",
                map(
                        "identifiers",
                        list(map("system", "nhs-number", "value", nhs)),
                        "dateOfBirth",
                        today().minusYears(8).toString()));
        body.put("formIssuedOn", today().minusDays(1).toString());
        assertThat(record(body).jsonPath().getList("missingParties")).containsExactly("parent-or-carer");
    }

    @Test
    void aNewRecordForTheSameNoticeSupersedesTheOldOne() {
        String nhs = nhsNumber();
        String first = record(researchConsent(nhs, 5)).jsonPath().getString("id");
        record(researchConsent(nhs, 0));
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/{id}", first)
                .then()
                .body("state", equalTo("SUPERSEDED"))
                .body("endedAt", notNullValue());
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/{id}/history/verify", first)
                .then()
                .body("valid", equalTo(true))
                .body("entries", equalTo(2));
    }

    // ---- bad input: a clear problem, nothing changed

    @Test
    void anInvalidNhsNumberIsRefusedNamingTheField() {
        String bad = nhsNumber();
        bad = bad.substring(0, 9) + ((bad.charAt(9) - '0' + 1) % 10);
        String finalBad = bad;
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(researchConsent(finalBad, 0))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-identifier"))
                .body("errors[0].field", equalTo("subject.identifiers[0].value"))
                .extract());
    }

    @Test
    void everyKindOfIdentifierIsCheckedForReal() {
        for (Map<String, Object> id : List.<Map<String, Object>>of(
                map("system", "upn", "value", "A12345678901B"),
                map("system", "ni-number", "value", "QQ123456C"),
                map("system", "ni-number", "value", "DA123456A"),
                map("system", "case-management-id", "value", "-bad id-"),
                map("system", "passport", "value", "123"))) {
            Map<String, Object> body = researchConsent(nhsNumber(), 0);
            body.put("subject", map("identifiers", list(id), "dateOfBirth", "2012-05-04"));
            assertUnchangedBy(() -> given().auth()
                    .oauth2(token("caseworker"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/consents")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("invalid-identifier"))
                    .extract());
        }
    }

    @Test
    void aFormReceivedBeforeItWasIssuedIsRefused() {
        Map<String, Object> body = researchConsent(nhsNumber(), 0);
        body.put("formIssuedOn", today().toString());
        body.put("formReceivedOn", today().minusDays(3).toString());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("received-before-issued"))
                .body("errors[0].field", equalTo("formReceivedOn"))
                .extract());
    }

    @Test
    void futureDatesAreRefused() {
        Map<String, Object> body = researchConsent(nhsNumber(), 0);
        body.put("formReceivedOn", today().plusDays(2).toString());
        body.put("formIssuedOn", today().toString());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("date-in-future"))
                .extract());
    }

    @Test
    void anUnknownPartyRoleOrAMissingPartyIsRefused() {
        Map<String, Object> body = researchConsent(nhsNumber(), 0);
        body.put("parties", list(party("neighbour", "GIVEN")));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("invalid-party"))
                .body("errors[0].field", equalTo("parties[0].role"))
                .extract());
        body.put("parties", list());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("parties"))
                .extract());
    }

    @Test
    void aPurposeTheNoticeDoesNotListIsRefused() {
        Map<String, Object> body = researchConsent(nhsNumber(), 0);
        body.put("purposes", list("statutory-service"));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("purpose-not-in-notice"))
                .extract());
    }

    @Test
    void aHashThatDoesNotMatchThePublishedVersionIsRefused() {
        Map<String, Object> body = researchConsent(nhsNumber(), 0);
        body.put("notice", map("slug", NoticeServiceStub.RESEARCH, "version", 1, "contentHash", "9".repeat(64)));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("notice-hash-mismatch"))
                .body("publishedContentHash", equalTo(NoticeServiceStub.RESEARCH_HASH))
                .extract());
    }

    @Test
    void anUnpublishedOrUnknownNoticeVersionIsRefused() {
        Map<String, Object> body = researchConsent(nhsNumber(), 0);
        body.put("notice", map("slug", NoticeServiceStub.RESEARCH, "version", 7, "contentHash", "1".repeat(64)));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("notice-version-not-published"))
                .extract());
    }

    @Test
    void aNoticeThatAsksNoConsentCannotCarryOne() {
        Map<String, Object> body = consent(
                nhsNumber(),
                NoticeServiceStub.NO_CONSENT,
                1,
                NoticeServiceStub.NO_CONSENT_HASH,
                "statutory-service",
                0,
                list(competentChild("GIVEN")));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("notice-asks-no-consent"))
                .extract());
    }

    @Test
    void whenNoticeServiceFailsTheAnswerIs503WithRetryAfterAndNothingIsStored() {
        // a notice never fetched before, so no cache can hide the failure
        NoticeServiceStub.server.stubFor(get(urlEqualTo("/public/notices/failing-notice/versions/1"))
                .atPriority(0)
                .willReturn(aResponse().withStatus(500)));
        Map<String, Object> body = consent(
                nhsNumber(), "failing-notice", 1, "5".repeat(64), "early-help", 0, list(competentChild("GIVEN")));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("code", equalTo("notice-service-unavailable"))
                .extract());
    }

    @Test
    void whenNoticeServiceIsTooSlowTheAnswerIs503() {
        NoticeServiceStub.server.stubFor(get(urlEqualTo("/public/notices/slow-notice/versions/1"))
                .atPriority(0)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(3000)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));
        Map<String, Object> body =
                consent(nhsNumber(), "slow-notice", 1, "4".repeat(64), "early-help", 0, list(competentChild("GIVEN")));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .extract());
    }

    // ---- withdrawal

    @Test
    void withdrawalInsideTheWindowTakesEffectAtOnce() {
        String nhs = nhsNumber();
        String id = record(researchConsent(nhs, 14)).jsonPath().getString("id");
        Instant before = Instant.now();
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(map("requestedBy", "child", "channel", "told their caseworker"))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("WITHDRAWN"))
                .body("record.state", equalTo("WITHDRAWN"));
        check(nhs, PURPOSE).then().body("consented", equalTo(false)).body("reasons[0]", containsString("withdrawn"));
        given().auth()
                .oauth2(token("caseworker"))
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", NoticeServiceStub.RESEARCH)
                .queryParam("purpose", PURPOSE)
                .queryParam("at", before.toString())
                .when()
                .get("/api/consents/check")
                .then()
                .body("consented", equalTo(true));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(map("requestedBy", "child"))
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
                .when()
                .post("/api/consents/{id}/withdrawals", created.jsonPath().getString("id"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("WITHDRAWN"));
    }

    @Test
    void concurrentWithdrawalsOfOneRecordHaveExactlyOneWinner() throws Exception {
        String id = record(researchConsent(nhsNumber(), 1)).jsonPath().getString("id");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> given().auth()
                        .oauth2(token("caseworker"))
                        .contentType(ContentType.JSON)
                        .body(map("requestedBy", "child"))
                        .when()
                        .post("/api/consents/{id}/withdrawals", id)
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnlyOnce(200).filteredOn(s -> s != 200).containsOnly(409);
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

    // ---- history

    @Test
    void aChangedOrDeletedHistoryRowIsDetected() throws Exception {
        String id = record(researchConsent(nhsNumber(), 0)).jsonPath().getString("id");
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(map("requestedBy", "child"))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token("auditor"))
                .when()
                .get("/api/consents/{id}/history/verify", id)
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("entries", equalTo(2));
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate(
                            "UPDATE consent_history SET actor = 'someone-else' WHERE record_id = '" + id + "'"))
                    .hasMessageContaining("append-only");
            s.execute("ALTER TABLE consent_history DISABLE TRIGGER consent_history_append_only");
            try {
                s.executeUpdate(
                        "UPDATE consent_history SET actor = 'someone-else' WHERE record_id = '" + id + "' AND seq = 1");
                given().auth()
                        .oauth2(token("auditor"))
                        .when()
                        .get("/api/consents/{id}/history/verify", id)
                        .then()
                        .body("valid", equalTo(false))
                        .body("problems", hasItem("entry 1 was changed after it was written"));
                s.executeUpdate("DELETE FROM consent_history WHERE record_id = '" + id + "' AND seq = 2");
                given().auth()
                        .oauth2(token("auditor"))
                        .when()
                        .get("/api/consents/{id}/history/verify", id)
                        .then()
                        .body("valid", equalTo(false))
                        .body("problems", hasItem("the record has 2 history entries but 1 were found"));
            } finally {
                s.execute("ALTER TABLE consent_history ENABLE TRIGGER consent_history_append_only");
            }
        }
    }

    // ---- roles, scoping, minimisation

    @Test
    void noTokenIsUnauthorised() {
        given().when().get("/api/consents").then().statusCode(401).contentType("application/problem+json");
        assertUnchangedBy(() -> given().contentType(ContentType.JSON)
                .body(researchConsent(nhsNumber(), 0))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(401)
                .extract());
    }

    @Test
    void onlyCaseworkersIntegrationAndTheDpoRecord() {
        for (String role : List.of("auditor", "researcher", "partner", "notice-editor")) {
            assertUnchangedBy(() -> given().auth()
                    .oauth2(token(role))
                    .contentType(ContentType.JSON)
                    .body(researchConsent(nhsNumber(), 0))
                    .when()
                    .post("/api/consents")
                    .then()
                    .statusCode(403)
                    .extract());
        }
    }

    @Test
    void researchersMayOnlyCheckTheirAgreementsNotices() {
        String nhs = nhsNumber();
        String id = record(researchConsent(nhs, 0)).jsonPath().getString("id");
        String researcher = token("researcher", "university-of-bedfordshire");
        given().auth()
                .oauth2(researcher)
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", NoticeServiceStub.RESEARCH)
                .queryParam("purpose", PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(200)
                .body("consented", equalTo(true));
        given().auth()
                .oauth2(researcher)
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", NoticeServiceStub.CONSENT_BASIS)
                .queryParam("purpose", "early-help")
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("researcher", "another-university"))
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", NoticeServiceStub.RESEARCH)
                .queryParam("purpose", PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(researcher)
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(403);
        given().auth().oauth2(researcher).when().get("/api/consents").then().statusCode(403);
    }

    @Test
    void auditorsReadWithoutIdentifiersAndEveryReadIsLogged() throws Exception {
        String nhs = nhsNumber();
        String id = record(researchConsent(nhs, 0)).jsonPath().getString("id");
        given().auth()
                .oauth2(token("auditor"))
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(200)
                .body("subjectIdentifiers", nullValue())
                .body("subjectId", notNullValue());
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "SELECT actor, action FROM subject_access_log WHERE subject_id = (SELECT subject_id FROM consent_record WHERE id = ?) ORDER BY at")) {
            s.setObject(1, UUID.fromString(id));
            var rs = s.executeQuery();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
            assertThat(rows).contains("caseworker-user record-consent", "auditor-user read-consent");
        }
    }

    // ---- concurrency tokens and idempotency

    @Test
    void addingAPartyNeedsTheCurrentEtag() {
        ExtractableResponse<Response> created = record(consent(
                nhsNumber(),
                NoticeServiceStub.RESEARCH,
                1,
                NoticeServiceStub.RESEARCH_HASH,
                PURPOSE,
                0,
                list(party("child", "GIVEN"))));
        String id = created.jsonPath().getString("id");
        Map<String, Object> parent = map("role", "parent", "decision", "GIVEN", "decidedOn", today().toString());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(parent)
                .when()
                .post("/api/consents/{id}/parties", id)
                .then()
                .statusCode(428)
                .extract());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .header("If-Match", "\"999\"")
                .contentType(ContentType.JSON)
                .body(parent)
                .when()
                .post("/api/consents/{id}/parties", id)
                .then()
                .statusCode(412)
                .body("code", equalTo("stale-etag"))
                .extract());
    }

    @Test
    void aRetriedRecordingWithTheSameIdempotencyKeyIsNotDuplicated() {
        String nhs = nhsNumber();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = researchConsent(nhs, 0);
        String first = given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().auth()
                .oauth2(token("dpo"))
                .queryParam("subject", subjectId(nhs))
                .when()
                .get("/api/consents")
                .then()
                .body("totalItems", equalTo(1));
    }

    // ---- receipts and FHIR

    @Test
    void theReceiptIsASignedJwsThatVerifiesOfflineWithThePublishedKeys() throws Exception {
        String id = record(researchConsent(nhsNumber(), 0)).jsonPath().getString("id");
        String jws = given().auth()
                .oauth2(token("caseworker"))
                .accept("application/jose")
                .when()
                .get("/api/consents/{id}/receipt", id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String jwks = given().when()
                .get("/api/consents/receipts/jwks.json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        ConsentReceipt receipt = ReceiptService.verify(jws, JWKSet.parse(jwks));
        assertThat(receipt.recordId()).hasToString(id);
        assertThat(receipt.piiControllers()).contains("Luton Borough Council");
        assertThat(receipt.notice().contentHash()).isEqualTo(NoticeServiceStub.RESEARCH_HASH);
        String tampered = jws.substring(0, jws.indexOf('.') + 1) + "eyJ4IjoxfQ" + jws.substring(jws.lastIndexOf('.'));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReceiptService.verify(tampered, JWKSet.parse(jwks)));
    }

    @Test
    void theRecordIsAvailableAsAFhirR4Consent() {
        String id = record(researchConsent(nhsNumber(), 0)).jsonPath().getString("id");
        String json = given().auth()
                .oauth2(token("caseworker"))
                .accept("application/fhir+json")
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(200)
                .contentType(containsString("application/fhir+json"))
                .extract()
                .asString();
        Consent consent =
                ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().parseResource(Consent.class, json);
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(consent.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
    }

    @Test
    void theCheckReadsWithOneQueryAndLogsTheAccess() {
        String nhs = nhsNumber();
        record(researchConsent(nhs, 0));
        org.hibernate.stat.Statistics statistics =
                entityManagerFactory.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.clear();
        check(nhs, PURPOSE).then().statusCode(200).body("consented", equalTo(true));
        // one SELECT for the records, one INSERT for the access log entry
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(2);
        assertThat(statistics.getEntityInsertCount()).isEqualTo(1);
    }

    // ---- lists

    @Test
    void listsFilterByNoticeStateAndSubjectWithAHardMaximumPageSize() {
        String nhs = nhsNumber();
        record(researchConsent(nhs, 0));
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("notice", NoticeServiceStub.RESEARCH)
                .queryParam("state", "ACTIVE")
                .queryParam("subject", subjectId(nhs))
                .when()
                .get("/api/consents")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].subjectIdentifiers", nullValue());
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("size", 101)
                .when()
                .get("/api/consents")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("state", "HAPPY")
                .when()
                .get("/api/consents")
                .then()
                .statusCode(404);
    }

    // ---- helpers

    private ExtractableResponse<Response> record(Map<String, Object> body) {
        return given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract();
    }

    private Response check(String nhs, String purpose) {
        return given().auth()
                .oauth2(token("caseworker"))
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", NoticeServiceStub.RESEARCH)
                .queryParam("purpose", purpose)
                .when()
                .get("/api/consents/check");
    }

    private String subjectId(String nhs) {
        return given().auth()
                .oauth2(token("caseworker"))
                .queryParam("identifier", "nhs-number:" + nhs)
                .when()
                .get("/api/subjects")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("id");
    }

    private Map<String, String> fingerprint() {
        return DatabaseFingerprint.of(dataSource, TABLES);
    }

    private void assertUnchangedBy(Supplier<ExtractableResponse<Response>> request) {
        Map<String, String> before = fingerprint();
        ExtractableResponse<Response> response = request.get();
        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.body().asString()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(fingerprint()).as("database after a rejected request").isEqualTo(before);
    }
}
