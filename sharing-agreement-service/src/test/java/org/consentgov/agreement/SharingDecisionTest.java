package org.consentgov.agreement;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.POLICE;
import static org.consentgov.agreement.AgreementTestData.SCHOOLS;
import static org.consentgov.agreement.AgreementTestData.UNIVERSITY;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.disclosure;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.etag;
import static org.consentgov.agreement.AgreementTestData.list;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.nhsNumber;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.question;
import static org.consentgov.agreement.AgreementTestData.today;
import static org.consentgov.agreement.AgreementTestData.token;
import static org.consentgov.agreement.AgreementTestData.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consentgov.agreement.AgreementTestData.Parties;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sharing decisions for both seed agreements, consent-service's answers and failures, and the bad questions. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SharingDecisionTest {

    static final String RESEARCH = "research-what-it-means-to-me";
    static final String RESEARCH_ISA = "ISA-LBC-UOB-WIMTM";
    static final String EYES_ISA = "ISA-LBC-LUTON-SCHOOLS-EYES";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void healUpstreams() {
        UpstreamStubs.reset();
        circuitBreakers.resetAll();
    }

    // ---- the research ISA: consent, six months of access, then an anonymised dataset

    @Test
    void insideTheSixMonthAccessWindowTheUniversityMayReceiveWithConsentUnderItsObligations() {
        String subject = "nhs-number:" + nhsNumber();
        var record = UpstreamStubs.consented(subject, UpstreamStubs.WIMTM, RESEARCH);
        String at = decide(question(UNIVERSITY, list("identity.date-of-birth", "special.ethnicity"), subject, RESEARCH))
                .statusCode(201)
                .header("Location", containsString("/api/sharing-decisions/"))
                .body("decision", equalTo("PERMIT"))
                .body("agreement.reference", equalTo(RESEARCH_ISA))
                .body("agreement.version", equalTo(1))
                .body("consentRecordId", equalTo(record.toString()))
                .body("noticeVersion.slug", equalTo(UpstreamStubs.WIMTM))
                .body("noticeVersion.version", equalTo(1))
                .body("reasons.code", hasItems("agreement-in-force", "consent-given", "access-window-open"))
                .body(
                        "obligations.code",
                        hasItems(
                                "transfer-method",
                                "transfer-forbidden",
                                "access-ends",
                                "no-paper-copies",
                                "no-unsecured-email",
                                "purpose-limitation",
                                "retention"))
                .body("obligations.find { it.code == 'access-ends' }.description", containsString("anonymised dataset"))
                .body("obligations.find { it.code == 'access-ends' }.until", notNullValue())
                .body("obligations.find { it.code == 'transfer-forbidden' }.description", containsString("paper"))
                .body("disclosureId", nullValue())
                .extract()
                .path("at");
        UpstreamStubs.server.verify(getRequestedFor(urlPathEqualTo("/api/consents/check"))
                .withQueryParam("subject", WireMock.equalTo(subject))
                .withQueryParam("notice", WireMock.equalTo(UpstreamStubs.WIMTM))
                .withQueryParam("purpose", WireMock.equalTo(RESEARCH))
                .withQueryParam("at", WireMock.equalTo(at))
                .withQueryParam("knownAt", WireMock.equalTo(at))
                .withHeader("Authorization", WireMock.equalTo("Bearer x")));
    }

    @Test
    void afterTheSixMonthAccessWindowOnlyAnAnonymisedDatasetIsLeftAndConsentIsNotEvenAsked() {
        Parties p = parties();
        Map<String, Object> c = AgreementTestData.content(p);
        c.put("consent", map("required", true, "notice", p.notice()));
        c.put("startDate", today().minusMonths(8).toString());
        c.put(
                "accessLimit",
                map(
                        "recipients",
                        list(p.recipient()),
                        "months",
                        6,
                        "after",
                        "ANONYMISED_DATASET",
                        "startsOn",
                        today().minusMonths(7).toString(),
                        "description",
                        "up to six months"));
        active(p, c);
        String subject = "nhs-number:" + nhsNumber();
        UpstreamStubs.consented(subject, p.notice(), "research");
        int checks = UpstreamStubs.consentChecks();
        decide(question(p.recipient(), list("special.health"), subject, "research"))
                .statusCode(201)
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("access-window-ended")))
                .body("reasons[0].message", containsString("access window ended on"))
                .body("reasons[0].message", containsString("an anonymised dataset only"))
                .body("obligations.size()", equalTo(0));
        assertThat(UpstreamStubs.consentChecks()).isEqualTo(checks);
    }

    @Test
    void aCategoryTheResearchAgreementDoesNotCoverIsDenied() {
        decide(question(
                        UNIVERSITY,
                        list("special.health", "special.mental-health"),
                        "nhs-number:" + nhsNumber(),
                        RESEARCH))
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("category-not-covered")))
                .body("reasons[0].message", containsString("special.mental-health"))
                .body("reasons[0].message", not(containsString("special.health,")));
    }

    @Test
    void anOrganisationThatIsNotPartyToAnyAgreementIsDenied() {
        decide(question(POLICE, list("special.health"), "nhs-number:" + nhsNumber(), RESEARCH))
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("recipient-not-party")))
                .body("agreement", nullValue());
    }

    @Test
    void withoutAnEffectiveConsentTheResearchIsDenied() {
        decide(question(UNIVERSITY, list("special.health"), "nhs-number:" + nhsNumber(), RESEARCH))
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("consent-not-given")))
                .body("reasons[0].message", containsString("no consent record"));
    }

    @Test
    void whenConsentServiceFailsTheDecisionIsDenyAndIsRecordedAsDenyWithoutADisclosure() {
        UpstreamStubs.consentServiceFails(500);
        String subject = "nhs-number:" + nhsNumber();
        String id = decide(disclosure(UNIVERSITY, list("special.health"), subject, RESEARCH))
                .statusCode(201)
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("consent-service-unavailable")))
                .body("disclosureId", nullValue())
                .extract()
                .jsonPath()
                .getString("decisionId");
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/sharing-decisions/{id}", id)
                .then()
                .statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("subject", equalTo(subject));
        given().auth()
                .oauth2(dpo())
                .queryParam("subject", subject)
                .when()
                .get("/api/disclosures")
                .then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void whenConsentServiceIsTooSlowTheDecisionIsDeny() {
        UpstreamStubs.consentServiceSlow();
        decide(disclosure(UNIVERSITY, list("special.health"), "nhs-number:" + nhsNumber(), RESEARCH))
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("consent-service-unavailable")))
                .body("disclosureId", nullValue());
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndConsentServiceIsLeftAlone() {
        UpstreamStubs.consentServiceFails(503);
        Map<String, Object> question =
                question(UNIVERSITY, list("special.health"), "nhs-number:" + nhsNumber(), RESEARCH);
        for (int i = 0; i < 4; i++) {
            decide(question).body("reasons.code", equalTo(List.of("consent-service-unavailable")));
        }
        int calls = UpstreamStubs.consentChecks();
        decide(question)
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("consent-service-unavailable")));
        assertThat(UpstreamStubs.consentChecks())
                .as("calls to consent-service while the circuit is open")
                .isEqualTo(calls);
    }

    // ---- the EYES ISA: public task, no consent

    @Test
    void theSchoolsMayReceivePupilDataUnderTheEyesAgreementWithoutAConsentCheck() {
        int checks = UpstreamStubs.consentChecks();
        decide(map(
                        "recipient",
                        SCHOOLS,
                        "categories",
                        list("identity.name", "education.attendance", "education.send"),
                        "subject",
                        "upn:" + upn(),
                        "purpose",
                        "support-pupil-learning",
                        "transferMethod",
                        "system-access"))
                .body("decision", equalTo("PERMIT"))
                .body("agreement.reference", equalTo(EYES_ISA))
                .body("reasons.code", hasItem("consent-not-required"))
                .body("reasons.find { it.code == 'consent-not-required' }.message", containsString("uk-gdpr-6-1-e"))
                .body("noticeVersion.slug", equalTo(UpstreamStubs.CFE))
                .body("consentRecordId", nullValue())
                .body("obligations.code", hasItems("transfer-method", "uk-data-residency", "retention"))
                .body("obligations.code", not(hasItem("access-ends")));
        assertThat(UpstreamStubs.consentChecks()).isEqualTo(checks);
    }

    @Test
    void aDenyUnderTheEyesAgreementListsEveryReason() {
        decide(map(
                        "recipient",
                        SCHOOLS,
                        "categories",
                        list("education.attendance", "criminal.reports-and-antecedents"),
                        "subject",
                        "upn:" + upn(),
                        "purpose",
                        "support-pupil-learning",
                        "transferMethod",
                        "paper"))
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("category-not-covered", "transfer-method-not-allowed")))
                .body("reasons[0].message", containsString("criminal.reports-and-antecedents"));
        decide(question(SCHOOLS, list("education.attendance"), "upn:" + upn(), "regional-sufficiency"))
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("purpose-not-covered")));
    }

    @Test
    void recordingAPermitWritesTheDisclosureAndItsEventInTheSameCall() {
        String subject = "upn:" + upn();
        var decision = decide(disclosure(SCHOOLS, list("education.attendance"), subject, "support-pupil-learning"))
                .body("decision", equalTo("PERMIT"))
                .body("disclosureId", notNullValue())
                .extract()
                .jsonPath();
        String agreement = decision.getString("agreement.id");
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/disclosures/{id}", decision.getString("disclosureId"))
                .then()
                .statusCode(200)
                .body("decisionId", equalTo(decision.getString("decisionId")))
                .body("subject", equalTo(subject))
                .body("transferMethod", equalTo("system-access"))
                .body("agreementReference", equalTo(EYES_ISA))
                .body("recordedBy", equalTo("integration-user"));
        given().auth()
                .oauth2(dpo())
                .queryParam("size", 100)
                .when()
                .get("/api/agreements/{id}/events", agreement)
                .then()
                .body(
                        "items.findAll { it.type == 'disclosure.recorded' }.aggregateId",
                        hasItem(decision.getString("disclosureId")))
                .body(
                        "items.findAll { it.type == 'disclosure.recorded' }.payload.subject",
                        not(hasItem(notNullValue())));
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/sharing-decisions/{id}", decision.getString("decisionId"))
                .then()
                .body("disclosureId", equalTo(decision.getString("disclosureId")));
    }

    @Test
    void aSuspendedAgreementPermitsNothing() {
        Parties p = parties();
        String id = active(p);
        given().auth()
                .oauth2(dpo())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(map("reason", "paused"))
                .when()
                .post("/api/agreements/{id}/suspend", id)
                .then()
                .statusCode(200);
        decide(question(p.recipient(), list("special.health"), "nhs-number:" + nhsNumber(), "research"))
                .body("decision", equalTo("DENY"))
                .body("reasons.code", hasItem("agreement-suspended"));
    }

    @Test
    void aRetriedDecisionWithTheSameIdempotencyKeyIsTheSameDecision() {
        String key = unique("key");
        Map<String, Object> body =
                disclosure(SCHOOLS, list("education.attendance"), "upn:" + upn(), "support-pupil-learning");
        String first = given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("disclosureId");
        given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("disclosureId", equalTo(first));
    }

    // ---- who may ask

    @Test
    void aSchoolMayAskWhatItMayReceiveButNotAboutAnotherOrganisationNorRecord() {
        String school = token("school", "partner", SCHOOLS);
        given().auth()
                .oauth2(school)
                .contentType(ContentType.JSON)
                .body(question(SCHOOLS, list("education.attendance"), "upn:" + upn(), "support-pupil-learning"))
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .body("decision", equalTo("PERMIT"));
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(school)
                        .contentType(ContentType.JSON)
                        .body(question(UNIVERSITY, list("special.health"), "nhs-number:" + nhsNumber(), RESEARCH))
                        .when()
                        .post("/api/sharing-decisions")
                        .then()
                        .statusCode(403)
                        .body("code", equalTo("recipient-not-your-organisation"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(school)
                        .contentType(ContentType.JSON)
                        .body(disclosure(
                                SCHOOLS, list("education.attendance"), "upn:" + upn(), "support-pupil-learning"))
                        .when()
                        .post("/api/sharing-decisions")
                        .then()
                        .statusCode(403)
                        .body("code", equalTo("record-not-allowed"))
                        .extract());
    }

    @Test
    void aResearcherCannotReadADecisionAboutTheSchools() {
        String id = decide(question(SCHOOLS, list("education.attendance"), "upn:" + upn(), "support-pupil-learning"))
                .extract()
                .jsonPath()
                .getString("decisionId");
        given().auth()
                .oauth2(token("researcher", "researcher", UNIVERSITY))
                .when()
                .get("/api/sharing-decisions/{id}", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token("auditor"))
                .when()
                .get("/api/sharing-decisions/{id}", id)
                .then()
                .statusCode(200)
                .body("subject", nullValue())
                .body("decision", equalTo("PERMIT"));
    }

    // ---- bad questions: a problem each, nothing stored

    @Test
    void badQuestionsAreProblemsAndNothingIsStored() {
        Unchanged.by(
                dataSource,
                () -> post(question(
                                SCHOOLS,
                                list("education.attendance"),
                                "nhs-number:1234567890",
                                "support-pupil-learning"))
                        .statusCode(400)
                        .body("code", equalTo("invalid-subject"))
                        .body("errors[0].field", equalTo("subject"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> post(question(SCHOOLS, list("education.attendance"), "passport:123", "support-pupil-learning"))
                        .statusCode(400)
                        .extract());
        Unchanged.by(
                dataSource,
                () -> post(question(SCHOOLS, list("education.shoe-size"), "upn:" + upn(), "support-pupil-learning"))
                        .statusCode(422)
                        .body("code", equalTo("unknown-vocabulary-code"))
                        .body("errors[0].field", equalTo("categories[0]"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> post(question(
                                "no-such-school",
                                list("education.attendance"),
                                "upn:" + upn(),
                                "support-pupil-learning"))
                        .statusCode(422)
                        .body("code", equalTo("unknown-organisation"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> post(map(
                                "recipient",
                                SCHOOLS,
                                "categories",
                                list("education.attendance"),
                                "subject",
                                "upn:" + upn(),
                                "purpose",
                                "support-pupil-learning",
                                "record",
                                true))
                        .statusCode(422)
                        .body("code", equalTo("transfer-method-required"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> post(map(
                                "recipient",
                                SCHOOLS,
                                "categories",
                                list("education.attendance"),
                                "subject",
                                "upn:" + upn(),
                                "purpose",
                                "support-pupil-learning",
                                "record",
                                true,
                                "transferMethod",
                                "system-access",
                                "at",
                                Instant.now().plus(Duration.ofDays(2)).toString()))
                        .statusCode(422)
                        .body("code", equalTo("disclosure-in-future"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> post(question(SCHOOLS, list(), "upn:" + upn(), "support-pupil-learning"))
                        .statusCode(400)
                        .body("code", equalTo("validation-failed"))
                        .extract());
    }

    private ValidatableResponse decide(Map<String, Object> body) {
        return post(body).statusCode(201);
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/sharing-decisions")
                .then();
    }

    /** A valid UPN: a check letter over twelve digits. */
    static String upn() {
        String letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
        String digits = nhsNumber() + "12";
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i + 2);
        }
        return letters.charAt(sum % 23) + digits;
    }
}
