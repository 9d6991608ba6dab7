package org.consentgov.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentgov.e2e.support.Gateway;
import org.consentgov.e2e.support.LocalSuite;
import org.consentgov.platform.testing.SuiteTestData;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Sharing decisions under the two seed agreements of sharing-agreement-service, as the council and its partners
 * ask them through the gateway with real Keycloak tokens: the research ISA between the council and the University
 * of Bedfordshire (consent required, asked of consent-service by sharing-agreement-service with its own token,
 * through the gateway), the EYES ISA between the council and Luton Schools (public task, no consent), the
 * disclosure log that answers a subject access request, and the scoping that hides an agreement from an
 * organisation that is not party to it.
 */
@E2eTest
@Order(6)
class SharingE2eTest {

    static final String RESEARCH_ISA = "ISA-LBC-UOB-WIMTM";
    static final String EYES_ISA = "ISA-LBC-LUTON-SCHOOLS-EYES";
    static final String UNIVERSITY = "university-of-bedfordshire";
    static final String SCHOOLS = "luton-schools";
    static final String POLICE = "bedfordshire-police";
    static final String EYES_NOTICE = E2eTestData.EDUCATION_NOTICE;
    /** consent-service's demo subjects (demo/consents.json): a Gillick-competent child who consented alone ... */
    static final String CONSENTED_CHILD = "nhs-number:9990000018";
    /** ... and a child who refused although the parent agreed: the child's refusal is respected. */
    static final String REFUSING_CHILD = "nhs-number:9990000034";

    static final String SYSTEM_ACCESS = "system-access";

    // ---- the research ISA: consent asked of consent-service, service to service through the gateway

    @Test
    void researchSharingWithAnEffectiveConsentIsPermittedAndTheRecordedDisclosureIsInTheSubjectsDisclosureLog() {
        JsonPath isa = agreement(RESEARCH_ISA);
        List<String> categories = isa.getList("content.dataCategories", String.class);
        String purpose = isa.getString("content.purposes[0]");
        assertThat(purpose).isEqualTo(E2eTestData.RESEARCH_PURPOSE);
        assertThat(isa.getBoolean("content.consent.required")).isTrue();
        assertThat(Instant.parse(isa.getString("accessWindow.endsAt")))
                .as(
                        "the university's six-month access window under %s (it starts when the demo data first brings the "
                                + "agreement into force; an 'agreements' database older than that needs dropping)",
                        RESEARCH_ISA)
                .isAfter(Instant.now());
        JsonPath consent = consentCheck(CONSENTED_CHILD);
        assertThat(consent.getBoolean("consented"))
                .as("consent-service's demo subject %s", CONSENTED_CHILD)
                .isTrue();
        Instant asked = Instant.now().minusSeconds(60);

        Response answer = Gateway.as("caseworker")
                .body(question(UNIVERSITY, categories, CONSENTED_CHILD, purpose, true, SYSTEM_ACCESS))
                .when()
                .post("/api/sharing-decisions");
        JsonPath decision = answer.then()
                .statusCode(201)
                .body("decision", equalTo("PERMIT"))
                .extract()
                .jsonPath();
        String decisionId = decision.getString("decisionId");
        assertThat(answer.header("Location")).isEqualTo(LocalSuite.GATEWAY + "/api/sharing-decisions/" + decisionId);

        // the agreement version relied on
        assertThat(decision.getString("agreement.id")).isEqualTo(isa.getString("id"));
        assertThat(decision.getString("agreement.reference")).isEqualTo(RESEARCH_ISA);
        assertThat(decision.getInt("agreement.version")).isEqualTo(isa.getInt("effectiveVersion"));
        // the grounds, consent among them
        assertThat(decision.getList("reasons.code", String.class))
                .containsExactly(
                        "agreement-in-force",
                        "purpose-covered",
                        "categories-covered",
                        "consent-given",
                        "access-window-open");
        // the consent record relied on is the one consent-service answers for this subject; the notice version with
        // its content hash can only have come from consent-service's answer (the agreement links no hash), so
        // sharing-agreement-service reached consent-service through the gateway with a token of its own
        assertThat(decision.getString("consentRecordId"))
                .isEqualTo(consent.getString("recordId"))
                .isNotBlank();
        assertThat(decision.getString("noticeVersion.slug")).isEqualTo(E2eTestData.RESEARCH_NOTICE);
        assertThat(decision.getInt("noticeVersion.version")).isEqualTo(consent.getInt("noticeVersion.version"));
        assertThat(decision.getString("noticeVersion.contentHash"))
                .isEqualTo(consent.getString("noticeVersion.contentHash"))
                .isNotBlank();
        // what the university must do with it
        assertThat(decision.getList("obligations.code", String.class))
                .contains(
                        "transfer-method",
                        "transfer-forbidden",
                        "purpose-limitation",
                        "access-ends",
                        "no-paper-copies",
                        "no-unsecured-email",
                        "secure-destruction",
                        "time-limited-access",
                        "retention");
        assertThat(obligation(decision, "transfer-forbidden").get("description"))
                .isEqualTo("Never by paper or unsecured email");
        assertThat(Instant.parse((String) obligation(decision, "access-ends").get("until")))
                .isEqualTo(Instant.parse(isa.getString("accessWindow.endsAt")));
        assertThat((String) obligation(decision, "access-ends").get("description"))
                .endsWith("; then an anonymised dataset only");
        // recorded as a disclosure in the same call
        String disclosureId = decision.getString("disclosureId");
        assertThat(disclosureId).isNotBlank();

        // a subject access request: the DPO asks the disclosure log who received this child's data
        Map<String, Object> disclosure = disclosuresOf(CONSENTED_CHILD, asked).stream()
                .filter(d -> disclosureId.equals(d.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "the DPO's disclosure log for " + CONSENTED_CHILD + " does not hold " + disclosureId));
        assertThat(disclosure)
                .containsEntry("decisionId", decisionId)
                .containsEntry("recipient", UNIVERSITY)
                .containsEntry("subject", CONSENTED_CHILD)
                .containsEntry("agreementId", isa.getString("id"))
                .containsEntry("agreementReference", RESEARCH_ISA)
                .containsEntry("agreementVersion", isa.getInt("effectiveVersion"))
                .containsEntry("purpose", purpose)
                .containsEntry("transferMethod", SYSTEM_ACCESS)
                .containsEntry("recordedBy", "caseworker");
        assertThat(disclosure.get("categories")).isEqualTo(categories);

        // the stored decision names its disclosure
        Gateway.as("dpo")
                .when()
                .get("/api/sharing-decisions/{id}", decisionId)
                .then()
                .statusCode(200)
                .body("decision", equalTo("PERMIT"))
                .body("disclosureId", equalTo(disclosureId))
                .body("consentRecordId", equalTo(consent.getString("recordId")));
        // the university sees what it received; the schools do not see it at all
        Gateway.as("researcher")
                .when()
                .get("/api/disclosures/{id}", disclosureId)
                .then()
                .statusCode(200)
                .body("recipient", equalTo(UNIVERSITY));
        expectNotFound(Gateway.as("school")
                .when()
                .get("/api/disclosures/{id}", disclosureId)
                .then());
    }

    @Test
    void researchSharingForAChildWhoRefusedIsDeniedForConsentAndNoDisclosureIsRecorded() {
        JsonPath isa = agreement(RESEARCH_ISA);
        List<String> categories = isa.getList("content.dataCategories", String.class);
        JsonPath consent = consentCheck(REFUSING_CHILD);
        assertThat(consent.getBoolean("consented"))
                .as("consent-service's demo subject %s", REFUSING_CHILD)
                .isFalse();
        Instant asked = Instant.now().minusSeconds(60);
        long disclosedBefore = disclosuresOf(REFUSING_CHILD, asked).size();

        JsonPath decision = Gateway.as("caseworker")
                .body(question(
                        UNIVERSITY, categories, REFUSING_CHILD, E2eTestData.RESEARCH_PURPOSE, true, SYSTEM_ACCESS))
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("consent-not-given")))
                .body("reasons[0].message", containsString("consent was refused"))
                .body("agreement.reference", equalTo(RESEARCH_ISA))
                .body("consentRecordId", notNullValue()) // the refused record it relied on
                .body("disclosureId", nullValue())
                .extract()
                .jsonPath();
        assertThat(decision.getList("obligations")).isEmpty();
        String decisionId = decision.getString("decisionId");

        // stored as a DENY, with no disclosure under it, and none in the child's disclosure log
        Gateway.as("dpo")
                .when()
                .get("/api/sharing-decisions/{id}", decisionId)
                .then()
                .statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("disclosureId", nullValue());
        List<Map<String, Object>> disclosed = disclosuresOf(REFUSING_CHILD, asked);
        assertThat(disclosed).extracting(d -> d.get("decisionId")).doesNotContain(decisionId);
        assertThat(disclosed).hasSize((int) disclosedBefore);
        // and a disclosure cannot be recorded under it afterwards either
        expectProblem(
                Gateway.as("caseworker")
                        .body(Map.of("decisionId", decisionId, "transferMethod", SYSTEM_ACCESS))
                        .when()
                        .post("/api/disclosures")
                        .then(),
                422,
                "decision-not-permit");
    }

    @Test
    void aCategoryTheResearchAgreementDoesNotListIsDenied() {
        List<String> categories =
                new ArrayList<>(agreement(RESEARCH_ISA).getList("content.dataCategories", String.class));
        assertThat(categories).doesNotContain("special.mental-health");
        categories.add("special.mental-health");

        Gateway.as("caseworker")
                .body(question(UNIVERSITY, categories, CONSENTED_CHILD, E2eTestData.RESEARCH_PURPOSE, false, null))
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("category-not-covered")))
                .body("reasons[0].message", containsString("special.mental-health"))
                .body("reasons[0].message", not(containsString("special.health")))
                .body("agreement.reference", equalTo(RESEARCH_ISA))
                .body("consentRecordId", nullValue())
                .body("disclosureId", nullValue());
    }

    @Test
    void aRecipientThatIsPartyToNoAgreementIsDeniedAndAnUnknownOneIsA422Problem() {
        Gateway.as("caseworker")
                .body(question(
                        POLICE,
                        List.of("identity.date-of-birth"),
                        CONSENTED_CHILD,
                        E2eTestData.RESEARCH_PURPOSE,
                        false,
                        null))
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("recipient-not-party")))
                .body("reasons[0].message", containsString(POLICE))
                .body("agreement", nullValue())
                .body("disclosureId", nullValue());

        expectProblem(
                        Gateway.as("caseworker")
                                .body(question(
                                        "no-such-organisation-" + E2eTestData.uniqueSlug("e2e"),
                                        List.of("identity.date-of-birth"),
                                        CONSENTED_CHILD,
                                        E2eTestData.RESEARCH_PURPOSE,
                                        false,
                                        null))
                                .when()
                                .post("/api/sharing-decisions")
                                .then(),
                        422,
                        "unknown-organisation")
                .body("errors.field", hasItem("recipient"));
    }

    // ---- the EYES ISA: public task, no consent

    @Test
    void eyesSharingWithTheSchoolsIsPermittedWithoutConsentUnderPublicTaskWithTheTransferMethodAsAnObligation() {
        JsonPath isa = agreement(EYES_ISA);
        assertThat(isa.getBoolean("content.consent.required")).isFalse();
        List<String> inAgreement = isa.getList("content.dataCategories", String.class);
        List<String> categories = List.of("identity.name", "education.attendance", "education.send");
        assertThat(inAgreement).containsAll(categories);
        String purpose = "support-pupil-learning";
        assertThat(isa.getList("content.purposes", String.class)).contains(purpose);
        String pupil = "upn:" + SuiteTestData.upn();

        JsonPath decision = Gateway.asEyesIntegration()
                .body(question(SCHOOLS, categories, pupil, purpose, false, SYSTEM_ACCESS))
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .body("decision", equalTo("PERMIT"))
                .body("agreement.id", equalTo(isa.getString("id")))
                .body("agreement.reference", equalTo(EYES_ISA))
                .body("agreement.version", equalTo(isa.getInt("effectiveVersion")))
                .body("noticeVersion.slug", equalTo(EYES_NOTICE))
                .body("consentRecordId", nullValue())
                .body("disclosureId", nullValue())
                .extract()
                .jsonPath();
        assertThat(decision.getList("reasons.code", String.class))
                .containsExactly("agreement-in-force", "purpose-covered", "categories-covered", "consent-not-required");
        assertThat(reason(decision, "consent-not-required")).contains("uk-gdpr-6-1-e");
        assertThat(decision.getList("obligations.code", String.class))
                .contains(
                        "transfer-method", "purpose-limitation", "uk-data-residency", "retention-schedule", "retention")
                .doesNotContain("access-ends");
        assertThat(obligation(decision, "transfer-method").get("description"))
                .isEqualTo("Transfer only by access within a shared secure system");

        // the school may ask what it may receive itself, but not for another organisation
        Gateway.as("school")
                .body(question(SCHOOLS, categories, pupil, purpose, false, null))
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .body("decision", equalTo("PERMIT"))
                .body("reasons.code", hasItem("consent-not-required"))
                .body("obligations.code", hasItem("transfer-method"));
        expectProblem(
                Gateway.as("school")
                        .body(question(
                                UNIVERSITY,
                                List.of("special.health"),
                                CONSENTED_CHILD,
                                E2eTestData.RESEARCH_PURPOSE,
                                false,
                                null))
                        .when()
                        .post("/api/sharing-decisions")
                        .then(),
                403,
                "recipient-not-your-organisation");
    }

    // ---- partner scoping

    @Test
    void partnersSeeOnlyTheAgreementsTheirOrganisationIsPartyToWhileTheDpoAndAuditorSeeBoth() {
        String research = agreement(RESEARCH_ISA).getString("id");
        String eyes = agreement(EYES_ISA).getString("id");

        // the school (luton-schools): the EYES ISA, never the research ISA
        assertThat(visibleAgreements("school")).contains(eyes).doesNotContain(research);
        Gateway.as("school")
                .queryParam("size", 100)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .body("items.parties", everyItem(hasItem(SCHOOLS)));
        Gateway.as("school")
                .queryParam("reference", RESEARCH_ISA)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        readable("school", eyes, EYES_ISA);
        expectNotFound(Gateway.as("school")
                .when()
                .get("/api/agreements/{id}", research)
                .then());
        expectNotFound(Gateway.as("school")
                .when()
                .get("/api/agreements/{id}/history", research)
                .then());

        // the researcher (university-of-bedfordshire): the research ISA, never the EYES ISA
        assertThat(visibleAgreements("researcher")).contains(research).doesNotContain(eyes);
        Gateway.as("researcher")
                .queryParam("reference", EYES_ISA)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        readable("researcher", research, RESEARCH_ISA);
        expectNotFound(Gateway.as("researcher")
                .when()
                .get("/api/agreements/{id}", eyes)
                .then());

        // the police (bedfordshire-police) is party to neither
        assertThat(visibleAgreements("partner-police")).doesNotContain(research, eyes);
        expectNotFound(Gateway.as("partner-police")
                .when()
                .get("/api/agreements/{id}", research)
                .then());
        expectNotFound(Gateway.as("partner-police")
                .when()
                .get("/api/agreements/{id}", eyes)
                .then());

        // the council's DPO and auditor see both
        for (String user : List.of("dpo", "auditor")) {
            readable(user, research, RESEARCH_ISA);
            readable(user, eyes, EYES_ISA);
            for (String reference : List.of(RESEARCH_ISA, EYES_ISA)) {
                Gateway.as(user)
                        .queryParam("reference", reference)
                        .when()
                        .get("/api/agreements")
                        .then()
                        .statusCode(200)
                        .body("totalItems", equalTo(1))
                        .body("items[0].reference", equalTo(reference));
            }
        }
    }

    // ---- helpers

    /** The agreement with this reference, in the version in force, as the DPO reads it. */
    private static JsonPath agreement(String reference) {
        String id = Gateway.as("dpo")
                .queryParam("reference", reference)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .extract()
                .path("items[0].id");
        return Gateway.as("dpo")
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .statusCode(200)
                .body("reference", equalTo(reference))
                .body("state", equalTo("ACTIVE"))
                .extract()
                .jsonPath();
    }

    /** consent-service's own answer for the research notice and purpose, as a caseworker asks it. */
    private static JsonPath consentCheck(String subject) {
        return Gateway.as("caseworker")
                .queryParam("subject", subject)
                .queryParam("notice", E2eTestData.RESEARCH_NOTICE)
                .queryParam("purpose", E2eTestData.RESEARCH_PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> question(
            String recipient,
            List<String> categories,
            String subject,
            String purpose,
            boolean record,
            String transferMethod) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("recipient", recipient);
        q.put("categories", categories);
        q.put("subject", subject);
        q.put("purpose", purpose);
        if (record) {
            q.put("record", true);
        }
        if (transferMethod != null) {
            q.put("transferMethod", transferMethod);
        }
        return q;
    }

    /** The DPO's view of the disclosure log for one subject, disclosed at or after {@code from}, every page. */
    private static List<Map<String, Object>> disclosuresOf(String subject, Instant from) {
        List<Map<String, Object>> all = new ArrayList<>();
        int pages = 1;
        for (int page = 0; page < pages; page++) {
            JsonPath answer = Gateway.as("dpo")
                    .queryParam("subject", subject)
                    .queryParam("from", from.toString())
                    .queryParam("size", 100)
                    .queryParam("page", page)
                    .when()
                    .get("/api/disclosures")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            pages = answer.getInt("totalPages");
            all.addAll(answer.getList("items"));
        }
        assertThat(all).allSatisfy(d -> assertThat(d).containsEntry("subject", subject));
        return all;
    }

    /** The ids of every agreement the user's list shows. */
    private static List<String> visibleAgreements(String user) {
        List<String> ids = new ArrayList<>();
        int pages = 1;
        for (int page = 0; page < pages; page++) {
            JsonPath answer = Gateway.as(user)
                    .queryParam("size", 100)
                    .queryParam("page", page)
                    .when()
                    .get("/api/agreements")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            pages = answer.getInt("totalPages");
            ids.addAll(answer.getList("items.id", String.class));
        }
        return ids;
    }

    private static void readable(String user, String id, String reference) {
        Gateway.as(user)
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("reference", equalTo(reference));
    }

    private static ValidatableResponse expectNotFound(ValidatableResponse response) {
        return expectProblem(response, 404, "not-found");
    }

    private static ValidatableResponse expectProblem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType(Gateway.PROBLEM_JSON)
                .body("type", equalTo(Gateway.PROBLEM_TYPE_BASE + code))
                .body("status", equalTo(status));
    }

    private static Map<String, Object> obligation(JsonPath decision, String code) {
        Map<String, Object> found = decision.getMap("obligations.find { it.code == '" + code + "' }");
        assertThat(found)
                .as("obligation %s of %s", code, decision.getList("obligations.code"))
                .isNotNull();
        return found;
    }

    private static String reason(JsonPath decision, String code) {
        String message = decision.getString("reasons.find { it.code == '" + code + "' }.message");
        assertThat(message).as("reason %s", code).isNotNull();
        return message;
    }
}
