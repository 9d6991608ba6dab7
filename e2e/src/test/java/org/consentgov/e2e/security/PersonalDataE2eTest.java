package org.consentgov.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.e2e.E2eTest;
import org.consentgov.e2e.E2eTestData;
import org.consentgov.e2e.support.Gateway;
import org.consentgov.e2e.support.Notices;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Personal data minimisation (DESIGN §3: "personal identifiers are never returned to a caller who has no need
 * for them") and no personal data in the services' logs beyond ids.
 *
 * <p>The logs are the ones {@code ./run} writes for each process it starts, {@code .cache/logs/<name>.log} in the
 * repository: the test records consents, a withdrawal, a sharing decision and requests that fail validation, all
 * carrying values no other test uses (an NHS number, a UPN, a date of birth, free text), and then none of them
 * may appear in any service's log.
 */
@E2eTest
@Order(24)
class PersonalDataE2eTest {

    static final Path LOGS =
            Path.of(System.getProperty("e2e.repository-root", "..")).resolve(".cache/logs");
    static final List<String> SERVICE_LOGS =
            List.of("gateway.log", "notice-service.log", "consent-service.log", "sharing-agreement-service.log");

    @Test
    void theAuditorSeesConsentsAndDisclosuresWithoutSubjectIdentifiersWhileTheCaseworkerSeesThem() {
        JsonPath notice = Notices.current(E2eTestData.RESEARCH_NOTICE);
        String nhs = E2eTestData.nhsNumber();
        Map<String, Object> consent =
                E2eTestData.childAndParentConsent(nhs, notice.getInt("version"), notice.getString("contentHash"), 1);
        consent.put("evidenceReference", "paper form in the case file");
        String id = Gateway.as("caseworker")
                .body(consent)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Gateway.as("caseworker")
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(200)
                .body("subjectIdentifiers.value", org.hamcrest.Matchers.hasItem(nhs));
        String auditors = Gateway.as("auditor")
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(200)
                .body("subjectIdentifiers", org.hamcrest.Matchers.anyOf(nullValue(), hasSize(0)))
                .extract()
                .asString();
        assertThat(auditors).doesNotContain(nhs);
        assertThat(Gateway.as("auditor")
                        .when()
                        .get("/api/consents/{id}/history", id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .doesNotContain(nhs);
        assertThat(Gateway.as("auditor")
                        .accept("*/*")
                        .when()
                        .get("/api/consents/{id}/receipt", id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .as("a consent receipt")
                .doesNotContain(nhs);

        // the disclosure log: the auditor sees who received what, not about whom
        String pupil = "upn:" + SecurityData.upn();
        String disclosure = Gateway.asEyesIntegration()
                .body(SecurityData.map(
                        "recipient",
                        "luton-schools",
                        "categories",
                        List.of("education.attendance"),
                        "subject",
                        pupil,
                        "purpose",
                        "support-pupil-learning",
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
                .path("disclosureId");
        Gateway.as("dpo")
                .when()
                .get("/api/disclosures/{id}", disclosure)
                .then()
                .statusCode(200)
                .body("subject", equalTo(pupil));
        assertThat(Gateway.as("auditor")
                        .when()
                        .get("/api/disclosures/{id}", disclosure)
                        .then()
                        .statusCode(200)
                        .body("recipient", equalTo("luton-schools"))
                        .extract()
                        .asString())
                .doesNotContain(pupil.substring(4));
    }

    @Test
    void aResearchersConsentCheckAnswersYesOrNoWithoutTheChildsDataAndOnlyForItsOwnNotices() {
        String answer = Gateway.as("researcher")
                .queryParam("subject", "nhs-number:9990000018")
                .queryParam("notice", E2eTestData.RESEARCH_NOTICE)
                .queryParam("purpose", E2eTestData.RESEARCH_PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(200)
                .body("consented", not(nullValue()))
                .extract()
                .asString();
        assertThat(answer)
                .doesNotContain("dateOfBirth")
                .doesNotContain("identifiers")
                .doesNotContain("parties");
        // the EYES notice is the schools' business, not the university's
        Gateway.as("researcher")
                .queryParam("subject", "nhs-number:9990000018")
                .queryParam("notice", E2eTestData.EDUCATION_NOTICE)
                .queryParam("purpose", "support-pupil-learning")
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(404);
    }

    @Test
    void noServiceLogsAChildsIdentifiersDateOfBirthOrFreeText() throws IOException {
        for (String log : SERVICE_LOGS) {
            assertThat(LOGS.resolve(log)).as("run's log of %s", log).exists();
        }
        String marker = "marker" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String nhs = E2eTestData.nhsNumber();
        String upn = SecurityData.upn();
        LocalDate born = LocalDate.of(2013, 1 + (int) (Math.random() * 12), 1 + (int) (Math.random() * 27));
        JsonPath notice = Notices.current(E2eTestData.RESEARCH_NOTICE);
        Map<String, Object> consent =
                E2eTestData.childAndParentConsent(nhs, notice.getInt("version"), notice.getString("contentHash"), 1);
        ((Map<String, Object>) consent.get("subject")).put("dateOfBirth", born.toString());
        consent.put("evidenceReference", "form of " + marker + "-evidence");
        @SuppressWarnings("unchecked")
        Map<String, Object> parent = ((List<Map<String, Object>>) consent.get("parties")).get(1);
        parent.put("relationship", marker + "-relationship");

        // recorded, read, checked, withdrawn
        JsonPath recorded = Gateway.as("caseworker")
                .body(consent)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = recorded.getString("id");
        Gateway.as("caseworker").when().get("/api/consents/{id}", id).then().statusCode(200);
        Gateway.as("caseworker")
                .queryParam("subject", recorded.getString("subjectId"))
                .when()
                .get("/api/consents")
                .then()
                .statusCode(200);
        Gateway.as("caseworker")
                .when()
                .get("/api/subjects/{id}", recorded.getString("subjectId"))
                .then()
                .statusCode(200);
        Gateway.as("caseworker")
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", E2eTestData.RESEARCH_NOTICE)
                .queryParam("purpose", E2eTestData.RESEARCH_PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(200);
        Gateway.as("caseworker")
                .body(E2eTestData.withdrawal("parent", marker + "-reason"))
                .header("If-Match", consentEtag(id))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(200);
        // requests that fail: a duplicate subject, an invalid date of birth, an unknown field carrying the marker
        Gateway.as("caseworker")
                .body(SecurityData.map(
                        "identifiers",
                        List.of(SecurityData.map("system", "nhs-number", "value", nhs)),
                        "dateOfBirth",
                        born.toString()))
                .when()
                .post("/api/subjects")
                .then()
                .statusCode(409);
        Map<String, Object> invalid =
                E2eTestData.childAndParentConsent(nhs, notice.getInt("version"), notice.getString("contentHash"), 1);
        ((Map<String, Object>) invalid.get("subject")).put("dateOfBirth", "2999-02-31-" + marker);
        invalid.put(marker + "-field", marker + "-value");
        Gateway.as("caseworker")
                .body(invalid)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(400);
        // a sharing decision about a pupil, recorded as a disclosure, and read back
        String disclosure = Gateway.asEyesIntegration()
                .body(SecurityData.map(
                        "recipient",
                        "luton-schools",
                        "categories",
                        List.of("education.attendance"),
                        "subject",
                        "upn:" + upn,
                        "purpose",
                        "support-pupil-learning",
                        "record",
                        true,
                        "transferMethod",
                        "system-access"))
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("disclosureId");
        Gateway.as("dpo")
                .queryParam("subject", "upn:" + upn)
                .when()
                .get("/api/disclosures")
                .then()
                .statusCode(200);
        Gateway.as("dpo").when().get("/api/disclosures/{id}", disclosure).then().statusCode(200);
        Gateway.as("school")
                .body(SecurityData.map(
                        "recipient",
                        "luton-schools",
                        "categories",
                        List.of("special.religion"),
                        "subject",
                        "upn:" + upn,
                        "purpose",
                        "support-pupil-learning"))
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201);

        List<String> leaks = new ArrayList<>();
        for (String log : SERVICE_LOGS) {
            List<String> lines = Files.readAllLines(LOGS.resolve(log), StandardCharsets.UTF_8);
            for (String line : lines) {
                for (String value : List.of(nhs, upn, born.toString(), marker)) {
                    if (line.contains(value)) {
                        leaks.add(log + ": " + value + " in: " + line);
                    }
                }
            }
        }
        assertThat(leaks).as("personal data in the services' logs").isEmpty();
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
