package org.consentgov.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentgov.e2e.E2eTest;
import org.consentgov.e2e.E2eTestData;
import org.consentgov.e2e.support.Gateway;
import org.consentgov.e2e.support.Notices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Object-level authorization against the real suite (DESIGN §3): a partner or researcher asking for another
 * organisation's agreement, decision or disclosure by its id gets 404, as if it did not exist; no page of a list
 * holds another organisation's object; subjects and consent records are not theirs to ask for at all (403).
 * The objects are real: both seed agreements, and one decision with its disclosure under each, made here.
 */
@E2eTest
@Order(22)
class ObjectLevelAuthorizationE2eTest {

    static final String RESEARCH_ISA = "ISA-LBC-UOB-WIMTM";
    static final String EYES_ISA = "ISA-LBC-LUTON-SCHOOLS-EYES";
    static final String UNIVERSITY = "university-of-bedfordshire";
    static final String SCHOOLS = "luton-schools";
    static final String POLICE = "bedfordshire-police";
    /** consent-service's demo subject who consented to the research (demo/consents.json). */
    static final String CONSENTED_CHILD = "nhs-number:9990000018";

    record Objects(String org, String agreement, String decision, String disclosure) {}

    private static Objects eyes;
    private static Objects research;
    private static String subjectId;
    private static String consentId;

    @BeforeAll
    static void realObjectsOfEachOrganisation() {
        JsonPath eyesIsa = SecurityData.agreement(EYES_ISA);
        JsonPath eyesDecision =
                decide(SCHOOLS, List.of("education.attendance"), "upn:" + SecurityData.upn(), "support-pupil-learning");
        eyes = new Objects(
                SCHOOLS,
                eyesIsa.getString("id"),
                eyesDecision.getString("decisionId"),
                eyesDecision.getString("disclosureId"));

        JsonPath researchIsa = SecurityData.agreement(RESEARCH_ISA);
        JsonPath researchDecision = decide(
                UNIVERSITY,
                researchIsa.getList("content.dataCategories", String.class),
                CONSENTED_CHILD,
                E2eTestData.RESEARCH_PURPOSE);
        research = new Objects(
                UNIVERSITY,
                researchIsa.getString("id"),
                researchDecision.getString("decisionId"),
                researchDecision.getString("disclosureId"));

        JsonPath notice = Notices.current(E2eTestData.RESEARCH_NOTICE);
        JsonPath consent = Gateway.as("caseworker")
                .body(E2eTestData.childAndParentConsent(
                        E2eTestData.nhsNumber(), notice.getInt("version"), notice.getString("contentHash"), 1))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        consentId = consent.getString("id");
        subjectId = consent.getString("subjectId");
    }

    private static JsonPath decide(String recipient, List<String> categories, String subject, String purpose) {
        return Gateway.asEyesIntegration()
                .body(SecurityData.map(
                        "recipient",
                        recipient,
                        "categories",
                        categories,
                        "subject",
                        subject,
                        "purpose",
                        purpose,
                        "record",
                        true,
                        "transferMethod",
                        "system-access"))
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .body("decision", equalTo("PERMIT"))
                .extract()
                .jsonPath();
    }

    @Test
    void anotherOrganisationsObjectsAre404ForPartnersAndResearchers() {
        // the police is party to neither agreement; the university only to the research one; the schools only to EYES
        for (Objects theirs : List.of(eyes, research)) {
            expectNotFound("partner-police", theirs);
        }
        expectNotFound("researcher", eyes);
        expectNotFound("school", research);
        // and each sees its own
        expectVisible("researcher", research);
        expectVisible("school", eyes);
    }

    @Test
    void noPageOfAListHoldsAnotherOrganisationsObject() {
        for (String user : List.of("partner-police", "researcher", "school")) {
            String org = switch (user) {
                case "partner-police" -> POLICE;
                case "researcher" -> UNIVERSITY;
                default -> SCHOOLS;
            };
            for (Map<String, Object> agreement : everyItem(user, "/api/agreements")) {
                assertThat(agreement.get("parties"))
                        .as("%s's list of agreements: %s", user, agreement)
                        .asList()
                        .contains(org);
            }
            for (Map<String, Object> disclosure : everyItem(user, "/api/disclosures")) {
                assertThat(disclosure.get("recipient"))
                        .as("%s's disclosure log: %s", user, disclosure)
                        .isEqualTo(org);
            }
        }
        assertThat(everyItem("partner-police", "/api/agreements"))
                .extracting(a -> a.get("id"))
                .doesNotContain(eyes.agreement(), research.agreement());
        assertThat(everyItem("researcher", "/api/agreements"))
                .extracting(a -> a.get("id"))
                .contains(research.agreement())
                .doesNotContain(eyes.agreement());
        assertThat(everyItem("school", "/api/disclosures"))
                .extracting(d -> d.get("id"))
                .contains(eyes.disclosure())
                .doesNotContain(research.disclosure());
    }

    @Test
    void aFilterForAnotherOrganisationsObjectsFindsNothing() {
        Gateway.as("partner-police")
                .queryParam("reference", EYES_ISA)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        Gateway.as("researcher")
                .queryParam("recipient", SCHOOLS)
                .when()
                .get("/api/disclosures")
                .then()
                .statusCode(200)
                .body("items.recipient", org.hamcrest.Matchers.everyItem(equalTo(UNIVERSITY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"partner-police", "researcher", "school"})
    void subjectsAndConsentRecordsAreNotForPartnersOrResearchersAtAll(String user) {
        for (String path : List.of(
                "/api/subjects/" + subjectId,
                "/api/subjects/" + subjectId + "/consents",
                "/api/consents/" + consentId,
                "/api/consents/" + consentId + "/history",
                "/api/consents/" + consentId + "/receipt",
                "/api/consents?subject=" + CONSENTED_CHILD)) {
            Response response = Gateway.as(user).accept("*/*").when().get(path);
            assertThat(response.statusCode())
                    .as("%s asks %s: %s", user, path, response.asString())
                    .isEqualTo(403);
            assertThat(response.asString()).doesNotContain("dateOfBirth").doesNotContain("9990000018");
        }
    }

    private static void expectNotFound(String user, Objects theirs) {
        for (String path : List.of(
                "/api/agreements/" + theirs.agreement(),
                "/api/agreements/" + theirs.agreement() + "/history",
                "/api/agreements/" + theirs.agreement() + "/versions/1",
                "/api/sharing-decisions/" + theirs.decision(),
                "/api/disclosures/" + theirs.disclosure())) {
            Response response = Gateway.as(user).when().get(path);
            assertThat(response.statusCode())
                    .as("%s asks for %s's %s: %s", user, theirs.org(), path, response.asString())
                    .isEqualTo(404);
            assertThat(response.asString()).doesNotContain(theirs.org().equals(SCHOOLS) ? EYES_ISA : RESEARCH_ISA);
        }
    }

    private static void expectVisible(String user, Objects own) {
        for (String path : List.of(
                "/api/agreements/" + own.agreement(),
                "/api/sharing-decisions/" + own.decision(),
                "/api/disclosures/" + own.disclosure())) {
            Gateway.as(user).when().get(path).then().statusCode(200);
        }
    }

    /** Every item of every page of a list, as the user sees it. */
    static List<Map<String, Object>> everyItem(String user, String path) {
        List<Map<String, Object>> all = new ArrayList<>();
        int pages = 1;
        for (int page = 0; page < pages && page < 50; page++) {
            JsonPath answer = Gateway.as(user)
                    .queryParam("size", 100)
                    .queryParam("page", page)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            pages = answer.getInt("totalPages");
            all.addAll(answer.getList("items"));
        }
        return all;
    }
}
