package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.SCHOOLS;
import static org.consentgov.agreement.AgreementTestData.UNIVERSITY;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.disclosure;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.list;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.nhsNumber;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.question;
import static org.consentgov.agreement.AgreementTestData.token;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.agreement.AgreementTestData.Parties;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The disclosure log: recording, the subject access request, queries, export, scoping. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DisclosureLogTest {

    static final String RESEARCH = "research-what-it-means-to-me";

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void healUpstreams() {
        UpstreamStubs.reset();
    }

    @Test
    void aSubjectAccessRequestShowsEveryOrganisationThatReceivedTheSubjectsData() throws SQLException {
        String nhs = nhsNumber();
        String subject = "nhs-number:" + nhs;
        UpstreamStubs.consented(subject, UpstreamStubs.WIMTM, RESEARCH);
        record(map(
                "recipient",
                UNIVERSITY,
                "categories",
                list("identity.date-of-birth", "special.health"),
                "subject",
                subject,
                "purpose",
                RESEARCH,
                "record",
                true,
                "transferMethod",
                "encrypted-file-transfer"));
        record(disclosure(SCHOOLS, list("special.health"), subject, "keep-children-safe"));
        String spaced = "nhs-number:" + nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
        given().auth()
                .oauth2(dpo())
                .queryParam("subject", spaced)
                .when()
                .get("/api/disclosures")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.recipient", containsInAnyOrder(UNIVERSITY, SCHOOLS))
                .body("items.agreementReference", containsInAnyOrder("ISA-LBC-UOB-WIMTM", "ISA-LBC-LUTON-SCHOOLS-EYES"))
                .body("items.subject", everyItem(equalTo(subject)))
                .body(
                        "items.find { it.recipient == 'university-of-bedfordshire' }.categories",
                        equalTo(List.of("identity.date-of-birth", "special.health")));
        assertThat(accessLog(nhs, "list-disclosures")).isEqualTo(1);
    }

    @Test
    void theLogIsQueriedByAgreementRecipientAndPeriod() {
        Parties p = parties();
        String id = active(p);
        for (int i = 0; i < 2; i++) {
            record(map(
                    "recipient",
                    p.recipient(),
                    "categories",
                    list("special.health"),
                    "subject",
                    "nhs-number:" + nhsNumber(),
                    "purpose",
                    "research",
                    "record",
                    true,
                    "transferMethod",
                    "encrypted-file-transfer"));
        }
        given().auth()
                .oauth2(dpo())
                .queryParam("agreement", id)
                .when()
                .get("/api/disclosures")
                .then()
                .body("totalItems", equalTo(2))
                .body("items.agreementVersion", everyItem(equalTo(1)));
        given().auth()
                .oauth2(dpo())
                .queryParam("recipient", p.recipient())
                .when()
                .get("/api/disclosures")
                .then()
                .body("totalItems", equalTo(2));
        given().auth()
                .oauth2(dpo())
                .queryParam("agreement", id)
                .queryParam("from", Instant.now().minusSeconds(3600).toString())
                .queryParam("to", Instant.now().plusSeconds(3600).toString())
                .when()
                .get("/api/disclosures")
                .then()
                .body("totalItems", equalTo(2));
        given().auth()
                .oauth2(dpo())
                .queryParam("agreement", id)
                .queryParam("from", Instant.now().plusSeconds(3600).toString())
                .when()
                .get("/api/disclosures")
                .then()
                .body("totalItems", equalTo(0));
        given().auth()
                .oauth2(dpo())
                .queryParam("size", 101)
                .when()
                .get("/api/disclosures")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(dpo())
                .queryParam("subject", "nhs-number:12")
                .when()
                .get("/api/disclosures")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-subject"));
    }

    @Test
    void aDisclosureIsRecordedLaterUnderAnEarlierPermitOnceOnly() {
        Parties p = parties();
        active(p);
        String permit = record(question(p.recipient(), list("special.health"), "nhs-number:" + nhsNumber(), "research"))
                .getString("decisionId");
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(token("caseworker"))
                        .contentType(ContentType.JSON)
                        .body(map("decisionId", permit, "transferMethod", "paper"))
                        .when()
                        .post("/api/disclosures")
                        .then()
                        .statusCode(422)
                        .body("code", equalTo("transfer-method-not-allowed"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(token("caseworker"))
                        .contentType(ContentType.JSON)
                        .body(map("decisionId", permit))
                        .when()
                        .post("/api/disclosures")
                        .then()
                        .statusCode(422)
                        .body("code", equalTo("transfer-method-required"))
                        .extract());
        String disclosure = given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(map("decisionId", permit, "transferMethod", "encrypted-file-transfer"))
                .when()
                .post("/api/disclosures")
                .then()
                .statusCode(201)
                .body("decisionId", equalTo(permit))
                .body("recordedBy", equalTo("caseworker-user"))
                .extract()
                .jsonPath()
                .getString("id");
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(token("caseworker"))
                        .contentType(ContentType.JSON)
                        .body(map("decisionId", permit, "transferMethod", "encrypted-file-transfer"))
                        .when()
                        .post("/api/disclosures")
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("decision-already-disclosed"))
                        .body("disclosureId", equalTo(disclosure))
                        .extract());

        String deny = record(question(p.recipient(), list("special.religion"), "nhs-number:" + nhsNumber(), "research"))
                .getString("decisionId");
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(token("caseworker"))
                        .contentType(ContentType.JSON)
                        .body(map("decisionId", deny, "transferMethod", "encrypted-file-transfer"))
                        .when()
                        .post("/api/disclosures")
                        .then()
                        .statusCode(422)
                        .body("code", equalTo("decision-not-permit"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(token("caseworker"))
                        .contentType(ContentType.JSON)
                        .body(map(
                                "decisionId",
                                UUID.randomUUID().toString(),
                                "transferMethod",
                                "encrypted-file-transfer"))
                        .when()
                        .post("/api/disclosures")
                        .then()
                        .statusCode(404)
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(token("caseworker"))
                        .contentType(ContentType.JSON)
                        .body(map(
                                "decisionId",
                                permit,
                                "transferMethod",
                                "encrypted-file-transfer",
                                "disclosedAt",
                                Instant.now().plus(Duration.ofDays(1)).toString()))
                        .when()
                        .post("/api/disclosures")
                        .then()
                        .statusCode(409)
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(token("partner", "partner", p.recipient()))
                        .contentType(ContentType.JSON)
                        .body(map("decisionId", permit, "transferMethod", "encrypted-file-transfer"))
                        .when()
                        .post("/api/disclosures")
                        .then()
                        .statusCode(403)
                        .extract());
    }

    @Test
    void everyReadOfASubjectsIdentifierLogsWhoReadItForWhichRequestAndTheAuditorsReadsNone() throws SQLException {
        String nhs = nhsNumber();
        String subject = "nhs-number:" + nhs;
        UpstreamStubs.consented(subject, UpstreamStubs.WIMTM, RESEARCH);
        JsonPath recorded = record(disclosure(UNIVERSITY, list("special.health"), subject, RESEARCH));
        String school = token("reader", "caseworker", SCHOOLS);
        given().auth()
                .oauth2(school)
                .header("X-Request-Id", "read-disclosure-" + nhs)
                .when()
                .get("/api/disclosures/{id}", recorded.getString("disclosureId"))
                .then()
                .statusCode(200)
                .body("subject", equalTo(subject));
        given().auth()
                .oauth2(school)
                .header("X-Request-Id", "read-decision-" + nhs)
                .when()
                .get("/api/sharing-decisions/{id}", recorded.getString("decisionId"))
                .then()
                .statusCode(200)
                .body("subject", equalTo(subject));
        given().auth()
                .oauth2(school)
                .header("X-Request-Id", "export-disclosures-" + nhs)
                .queryParam("subject", subject)
                .when()
                .get("/api/disclosures/export")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(dpo())
                .header("X-Request-Id", "export-disclosures-" + nhs)
                .queryParam("subject", subject)
                .when()
                .get("/api/disclosures/export")
                .then()
                .statusCode(200);
        for (String auditorRead : List.of("/api/disclosures/{id}", "/api/sharing-decisions/{id}")) {
            given().auth()
                    .oauth2(token("auditor"))
                    .when()
                    .get(
                            auditorRead,
                            recorded.getString(auditorRead.contains("disclosures") ? "disclosureId" : "decisionId"))
                    .then()
                    .statusCode(200)
                    .body("subject", nullValue());
        }

        assertThat(accessRows(nhs).stream().filter(row -> !row.contains("|decide|")))
                .containsExactlyInAnyOrder(
                        "nhs-number|reader|luton-schools|read-disclosure|null|read-disclosure-" + nhs,
                        "nhs-number|reader|luton-schools|read-decision|null|read-decision-" + nhs,
                        "nhs-number|dpo-user|luton-council|export-disclosures|filter: subject|export-disclosures-"
                                + nhs);
    }

    @Test
    void theExportStreamsOneDisclosurePerLineAndIsLogged() throws SQLException {
        Parties p = parties();
        String id = active(p);
        for (int i = 0; i < 3; i++) {
            record(map(
                    "recipient",
                    p.recipient(),
                    "categories",
                    list("special.health"),
                    "subject",
                    "nhs-number:" + nhsNumber(),
                    "purpose",
                    "research",
                    "record",
                    true,
                    "transferMethod",
                    "encrypted-file-transfer"));
        }
        String body = given().auth()
                .oauth2(dpo())
                .queryParam("agreement", id)
                .when()
                .get("/api/disclosures/export")
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString();
        List<String> lines =
                Arrays.stream(body.split("\n")).filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(3);
        assertThat(new JsonPath(lines.get(0)).getString("subject")).startsWith("nhs-number:");
        assertThat(new JsonPath(lines.get(0)).getString("agreementId")).isEqualTo(id);

        String audited = given().auth()
                .oauth2(token("auditor"))
                .queryParam("agreement", id)
                .when()
                .get("/api/disclosures/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(audited.lines().filter(l -> !l.isBlank()))
                .hasSize(3)
                .allSatisfy(l -> assertThat(l).doesNotContain("nhs-number"));
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM subject_access_log WHERE action = 'export-disclosures' AND detail LIKE ?")) {
            s.setString(1, "%agreement=" + id + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("the DPO's export is logged, one row per subject; the auditor's (without identifiers) not")
                        .isEqualTo(3);
            }
        }
        given().auth()
                .oauth2(token("integration"))
                .when()
                .get("/api/disclosures/export")
                .then()
                .statusCode(403);
    }

    @Test
    void aPartnerSeesOnlyWhatItsOrganisationReceivedAndAnAuditorSeesNoIdentifiers() {
        String subject = "nhs-number:" + nhsNumber();
        UpstreamStubs.consented(subject, UpstreamStubs.WIMTM, RESEARCH);
        String toUniversity = record(disclosure(UNIVERSITY, list("special.health"), subject, RESEARCH))
                .getString("disclosureId");
        String toSchools = record(disclosure(SCHOOLS, list("special.health"), subject, "keep-children-safe"))
                .getString("disclosureId");
        String school = token("school", "partner", SCHOOLS);
        given().auth()
                .oauth2(school)
                .queryParam("subject", subject)
                .when()
                .get("/api/disclosures")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(toSchools));
        given().auth()
                .oauth2(school)
                .when()
                .get("/api/disclosures/{id}", toUniversity)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(school)
                .when()
                .get("/api/disclosures/{id}", toSchools)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token("researcher", "researcher", UNIVERSITY))
                .queryParam("size", 100)
                .when()
                .get("/api/disclosures")
                .then()
                .body("items.recipient", everyItem(equalTo(UNIVERSITY)));
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("subject", subject)
                .when()
                .get("/api/disclosures")
                .then()
                .body("totalItems", equalTo(2))
                .body("items.subject", everyItem(nullValue()));
    }

    private JsonPath record(Map<String, Object> body) {
        return given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** The subject's rows of subject_access_log: system|actor|organisation|action|detail|request id. */
    private List<String> accessRows(String value) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT subject_system, actor, actor_org, action, detail, request_id, at "
                                + "FROM subject_access_log WHERE subject_value = ?")) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    assertThat(rs.getTimestamp("at")).isNotNull();
                    rows.add(String.join(
                            "|",
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            String.valueOf(rs.getString(5)),
                            rs.getString(6)));
                }
                return rows;
            }
        }
    }

    private int accessLog(String value, String action) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM subject_access_log WHERE subject_value = ? AND action = ?")) {
            s.setString(1, value);
            s.setString(2, action);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
