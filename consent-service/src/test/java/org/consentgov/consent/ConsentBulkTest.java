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
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.consentgov.consent.domain.ConsentDetails;
import org.consentgov.consent.domain.ConsentExportService;
import org.consentgov.consent.persistence.ConsentRecordRepository;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentBulkTest {

    static final String NDJSON = "application/x-ndjson";
    static final String IMPORTS = "/api/consents/imports";
    static final String[] TABLES = {
        "subject",
        "subject_identifier",
        "consent_record",
        "consent_party",
        "consent_history",
        "withdrawal_request",
        "idempotency_key",
        "subject_access_log"
    };
    static final String PURPOSE = "research-what-it-means-to-me";
    static final String CSV_HEADER = "id,subjectId,noticeSlug,noticeVersion,noticeContentHash,purposes,state,effective,"
            + "decision,missingParties,formReceivedOn,recordedAt,recordedBy,withdrawalWindowEndsOn,endedAt";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ConsentExportService exports;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void healNoticeService() {
        NoticeServiceStub.reset();
    }

    // ---- import (POST /api/consents/imports; the behaviours of its own in ConsentImportTest)

    @Test
    void aResentFileWithTheSameIdempotencyKeyRecordsNothingTwiceAndRefusesTheSameLinesAgain() {
        String key = UUID.randomUUID().toString();
        String file = mixedFile(nhsNumber(), nhsNumber(), nhsNumber());
        JsonPath first = importFile(token("integration"), key, file);
        assertCounts(first, 6, 3, 0, 3);
        Map<String, String> before = fingerprint();

        JsonPath again = importFile(token("integration"), key, file);

        assertCounts(again, 6, 0, 3, 3);
        assertThat(again.getList("errors.line", Integer.class)).containsExactly(2, 5, 6);
        assertThat(again.getList("errors.problem.code", String.class))
                .containsExactly("malformed-json", "invalid-identifier", "notice-version-not-published");
        assertThat(again.getList("errors.problem.status", Integer.class)).containsExactly(400, 400, 422);
        assertThat(fingerprint()).as("database after the re-sent file").isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLineFailsWithTheSameProblemAsASinglePostWould() {
        Map<String, Object> invalid = researchConsent(nhsNumber(), 0);
        invalid.remove("purposes");
        ((Map<String, Object>) ((List<?>) invalid.get("parties")).get(0)).put("decision", "MAYBE");
        Map<String, Object> missingField = researchConsent(nhsNumber(), 0);
        missingField.put("purposes", list());
        missingField.put("formReceivedOn", null);
        Map<String, Object> unknownField = researchConsent(nhsNumber(), 0);
        unknownField.put("colour", "blue");
        NoticeServiceStub.server.stubFor(get(urlEqualTo("/public/notices/bulk-failing-notice/versions/1"))
                .atPriority(0)
                .willReturn(aResponse().withStatus(500)));
        Map<String, Object> unavailable = consent(
                nhsNumber(), "bulk-failing-notice", 1, "5".repeat(64), "early-help", 0, list(competentChild("GIVEN")));
        List<Map<String, Object>> bodies = List.of(invalid, missingField, unknownField, unavailable);

        JsonPath job = importFile(token("dpo"), null, ndjson(bodies.toArray()));

        assertCounts(job, 4, 0, 0, 4);
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(1, 2, 3, 4);
        for (int i = 0; i < bodies.size(); i++) {
            JsonPath single = given().auth()
                    .oauth2(token("dpo"))
                    .contentType(ContentType.JSON)
                    .body(bodies.get(i))
                    .when()
                    .post("/api/consents")
                    .then()
                    .extract()
                    .jsonPath();
            Map<String, Object> expected = single.getMap("");
            Map<String, Object> actual = job.getMap("errors[" + i + "].problem");
            for (String member : List.of("type", "title", "status", "detail", "code", "errors")) {
                assertThat(actual.get(member)).as("line %d %s", i + 1, member).isEqualTo(expected.get(member));
            }
            assertThat(actual.get("instance")).isEqualTo("/api/consents/imports");
        }
        assertThat(job.getList("errors[1].problem.errors.field", String.class)).contains("formReceivedOn", "purposes");
        assertThat(job.getString("errors[3].problem.code")).isEqualTo("notice-service-unavailable");
        assertThat(job.getInt("errors[3].problem.status")).isEqualTo(503);
    }

    @Test
    void aLineOverSixtyFourKibibytesIsRefusedAndTheNextLineIsRecorded() {
        Map<String, Object> huge = researchConsent(nhsNumber(), 0);
        huge.put("evidenceReference", "x".repeat(70 * 1024));
        JsonPath job = importFile(token("integration"), null, ndjson(huge, researchConsent(nhsNumber(), 0)));

        assertCounts(job, 2, 1, 0, 1);
        assertThat(job.getInt("errors[0].line")).isEqualTo(1);
        assertThat(job.getString("errors[0].problem.code")).isEqualTo("line-too-long");
        assertThat(job.getInt("errors[0].problem.status")).isEqualTo(413);
        assertThat(job.getInt("errors[0].problem.maxLineBytes")).isEqualTo(64 * 1024);
    }

    @Test
    void aFileOfBlankLinesIsACompletedImportOfNoLines() {
        JsonPath job = importFile(token("integration"), null, "\n\n");

        assertThat(job.getString("state")).isEqualTo("COMPLETED");
        assertCounts(job, 0, 0, 0, 0);
        assertThat(job.getList("errors")).isEmpty();
    }

    @Test
    void onlyIntegrationAndTheDpoImportAndOnlyNdjson() {
        String file = ndjson(researchConsent(nhsNumber(), 0));
        for (String role : List.of("caseworker", "auditor", "researcher")) {
            assertUnchangedBy(() -> given().auth()
                    .oauth2(token(role))
                    .contentType(NDJSON)
                    .body(bytes(file))
                    .when()
                    .post(IMPORTS)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .extract());
        }
        assertUnchangedBy(() -> given().contentType(NDJSON)
                .body(bytes(file))
                .when()
                .post(IMPORTS)
                .then()
                .statusCode(401)
                .extract());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(bytes(file))
                .when()
                .post(IMPORTS)
                .then()
                .statusCode(415)
                .extract());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", "k".repeat(250))
                .contentType(NDJSON)
                .body(bytes(file))
                .when()
                .post(IMPORTS)
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-idempotency-key"))
                .extract());
    }

    // ---- export

    /** Found by OpenApiFuzzTest: the access was logged before the database refused the filter. */
    @Test
    void anExportTheDatabaseRefusesIsA400AndLeavesNoAccessLogged() {
        String nhs = nhsNumber();
        record(token("caseworker"), researchConsent(nhs, 0));
        String subject = subjectId(nhs);
        given().auth()
                .oauth2(token("dpo"))
                .queryParam("subject", subject)
                .queryParam("recordedFrom", "+999999999-12-31T23:59:59Z")
                .when()
                .get("/api/consents/export")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(accessLogged(subject, "export-consents")).isZero();
    }

    @Test
    void anNdjsonExportHasExactlyTheMatchingRecordsAndNoIdentifiers() {
        String nhs = nhsNumber();
        String other = nhsNumber();
        String older = record(token("caseworker"), researchConsent(nhs, 3));
        String newer = record(token("caseworker"), researchConsent(nhs, 0));
        record(token("caseworker"), researchConsent(other, 0));
        String subject = subjectId(nhs);

        ExtractableResponse<Response> export = given().auth()
                .oauth2(token("dpo"))
                .queryParam("subject", subject)
                .when()
                .get("/api/consents/export")
                .then()
                .statusCode(200)
                .contentType(NDJSON)
                .header(
                        "Content-Disposition",
                        matchesPattern("attachment; filename=\"consents-\\d{8}T\\d{6}Z\\.ndjson\""))
                .extract();

        String body = export.asString();
        List<JsonPath> lines = lines(body);
        assertThat(lines).extracting(l -> l.getString("id")).containsExactly(older, newer);
        assertThat(lines).extracting(l -> l.getString("subjectId")).containsOnly(subject);
        assertThat(lines).extracting(l -> l.getString("state")).containsExactly("SUPERSEDED", "ACTIVE");
        assertThat(lines.get(1).getString("notice.contentHash")).isEqualTo(NoticeServiceStub.RESEARCH_HASH);
        assertThat(body).doesNotContain(nhs).doesNotContain(other).doesNotContain("subjectIdentifiers");
        assertThat(accessLogged(subject, "export-consents"))
                .as("the export is logged as a read of the subject's data")
                .isEqualTo(1);

        String active = given().auth()
                .oauth2(token("integration"))
                .queryParam("subject", subject)
                .queryParam("state", "ACTIVE")
                .queryParam("format", "ndjson")
                .when()
                .get("/api/consents/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(lines(active)).extracting(l -> l.getString("id")).containsExactly(newer);
        String none = given().auth()
                .oauth2(token("dpo"))
                .queryParam("subject", subject)
                .queryParam("notice", NoticeServiceStub.CONSENT_BASIS)
                .when()
                .get("/api/consents/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(none).isEmpty();
    }

    @Test
    void aCsvExportHasTheHeaderAndQuotesWhatNeedsQuoting() {
        String nhs = nhsNumber();
        Map<String, Object> body = researchConsent(nhs, 0);
        body.remove("evidenceReference");
        String user = "Smith, \"Jo\"";
        String id = record(TestTokens.token(user, "integration", "luton-council", ConsentTestData.AUDIENCE), body);
        String subject = subjectId(nhs);

        String csv = given().auth()
                .oauth2(token("auditor"))
                .queryParam("subject", subject)
                .queryParam("format", "csv")
                .when()
                .get("/api/consents/export")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"consents-\\d{8}T\\d{6}Z\\.csv\""))
                .extract()
                .asString();

        assertThat(csv).endsWith("\r\n").doesNotContain(nhs);
        String[] rows = csv.split("\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows[0]).isEqualTo(CSV_HEADER);
        String windowEnds = ConsentTestData.today().plusDays(14).toString();
        assertThat(rows[1])
                .startsWith(
                        id + "," + subject + "," + NoticeServiceStub.RESEARCH + ",1," + NoticeServiceStub.RESEARCH_HASH
                                + "," + PURPOSE + ",ACTIVE,true,GIVEN,," + ConsentTestData.today() + ",");
        assertThat(rows[1]).endsWith(",\"Smith, \"\"Jo\"\"\"," + windowEnds + ",");
    }

    @Test
    void auditorsDposAndIntegrationExportButNotCaseworkers() {
        for (String role : List.of("auditor", "dpo", "integration")) {
            given().auth()
                    .oauth2(token(role))
                    .queryParam("subject", UUID.randomUUID())
                    .when()
                    .get("/api/consents/export")
                    .then()
                    .statusCode(200);
        }
        for (String role : List.of("caseworker", "researcher", "partner")) {
            given().auth()
                    .oauth2(token(role))
                    .when()
                    .get("/api/consents/export")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().when().get("/api/consents/export").then().statusCode(401);
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("format", "xlsx")
                .when()
                .get("/api/consents/export")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("unknown-format"))
                .body("errors[0].field", equalTo("format"));
    }

    @Test
    void anExportReadInSmallChunksMissesAndRepeatsNothing() throws IOException {
        String nhs = nhsNumber();
        List<String> ids = new ArrayList<>();
        for (int daysAgo = 4; daysAgo >= 0; daysAgo--) {
            ids.add(record(token("caseworker"), researchConsent(nhs, daysAgo)));
        }
        UUID subject = UUID.fromString(subjectId(nhs));
        for (int chunk : new int[] {1, 2, 5, 6}) {
            List<String> seen = new ArrayList<>();
            long count = exports.export(
                    new ConsentRecordRepository.Filter(null, null, null, null, subject),
                    "test",
                    chunk,
                    (ConsentDetails r) -> seen.add(r.record().id.toString()));
            assertThat(seen).as("chunks of %d", chunk).containsExactlyElementsOf(ids);
            assertThat(count).isEqualTo(5);
        }
    }

    // ---- helpers

    /** Good, malformed, good, blank, bad NHS number, unpublished notice version, good. */
    private static String mixedFile(String... nhs) {
        String bad = nhsNumber();
        bad = bad.substring(0, 9) + ((bad.charAt(9) - '0' + 1) % 10);
        Map<String, Object> unpublished = researchConsent(nhsNumber(), 0);
        unpublished.put("notice", map("slug", NoticeServiceStub.RESEARCH, "version", 7, "contentHash", "1".repeat(64)));
        return json(researchConsent(nhs[0], 0)) + "\n"
                + "{\"subject\": {\"identifiers\": [\n"
                + json(researchConsent(nhs[1], 0)) + "\r\n"
                + "\n"
                + json(researchConsent(bad, 0)) + "\n"
                + json(unpublished) + "\n"
                + json(researchConsent(nhs[2], 0)) + "\n";
    }

    private static String ndjson(Object... lines) {
        StringBuilder out = new StringBuilder();
        Arrays.stream(lines).forEach(l -> out.append(json(l)).append('\n'));
        return out.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonPath> lines(String body) {
        return body.lines().filter(l -> !l.isBlank()).map(JsonPath::from).toList();
    }

    private static JsonPath importFile(String token, String key, String file) {
        var request = given().auth().oauth2(token).contentType(NDJSON).body(bytes(file));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        String body = request.when()
                .post(IMPORTS)
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .extract()
                .asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("at org.");
        return JsonPath.from(body);
    }

    private static void assertCounts(JsonPath job, int linesRead, int created, int replayed, int rejected) {
        assertThat(Map.of(
                        "linesRead", job.getInt("linesRead"),
                        "created", job.getInt("created"),
                        "replayed", job.getInt("replayed"),
                        "rejected", job.getInt("rejected"),
                        "accepted", job.getInt("accepted")))
                .as(job.prettify())
                .isEqualTo(Map.of(
                        "linesRead", linesRead,
                        "created", created,
                        "replayed", replayed,
                        "rejected", rejected,
                        "accepted", created + replayed));
    }

    private static String record(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }

    private static String subjectId(String nhs) {
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

    private int accessLogged(String subject, String action) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM subject_access_log WHERE subject_id = ? AND action = ?")) {
            s.setObject(1, UUID.fromString(subject));
            s.setString(2, action);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
