package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The streamed import (POST /api/consents/imports) and its progress resource. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentImportTest {

    static final String NDJSON = "application/x-ndjson";
    static final String[] TABLES = {
        "subject",
        "subject_identifier",
        "consent_record",
        "consent_party",
        "consent_history",
        "withdrawal_request",
        "idempotency_key",
        "subject_access_log",
        "outbox_event"
    };
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aStreamedImportRecordsTheGoodLinesAndReportsTheBadOnesWithTheirLineNumbers() {
        String[] nhs = {nhsNumber(), nhsNumber(), nhsNumber()};
        ExtractableResponse<Response> created = post(token("integration"), null, mixedFile(nhs));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonPath job = created.jsonPath();
        assertThat(created.header("Location")).endsWith("/api/consents/imports/" + job.getString("id"));
        assertThat(job.getString("state")).isEqualTo("COMPLETED");
        assertThat(job.getLong("linesRead")).isEqualTo(6);
        assertThat(job.getLong("accepted")).isEqualTo(3);
        assertThat(job.getLong("created")).isEqualTo(3);
        assertThat(job.getLong("replayed")).isZero();
        assertThat(job.getLong("rejected")).isEqualTo(3);
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(2, 5, 6);
        assertThat(job.getList("errors.problem.code", String.class))
                .containsExactly("malformed-json", "invalid-identifier", "notice-version-not-published");
        assertThat(job.getString("errors[1].problem.errors[0].field")).isEqualTo("subject.identifiers[0].value");
        assertThat(job.getInt("errors[2].problem.status")).isEqualTo(422);

        given().auth()
                .oauth2(token("integration"))
                .when()
                .get(created.header("Location"))
                .then()
                .statusCode(200)
                .body("state", equalTo("COMPLETED"))
                .body("linesRead", equalTo(6))
                .body("errors.size()", equalTo(3));
        for (String n : nhs) {
            given().auth()
                    .oauth2(token("dpo"))
                    .queryParam("subject", subjectId(n))
                    .when()
                    .get("/api/consents")
                    .then()
                    .statusCode(200)
                    .body("totalItems", equalTo(1))
                    .body("items[0].recordedBy", equalTo("integration-user"));
        }
    }

    /**
     * Mass assignment on import lines: a line carrying a field the server owns is refused as a single POST would
     * refuse it (400 unknown-field naming the field), records nothing (not even its subject), and the clean line
     * beside it is recorded with the server's own id, state and recorder.
     */
    @Test
    void anImportLineWithAServerOwnedFieldIsRefusedAndRecordsNothing() {
        Map<String, Object> owned = new java.util.LinkedHashMap<>();
        owned.put("id", UUID.randomUUID().toString());
        owned.put("state", "WITHDRAWN");
        owned.put("recordedBy", "mallory");
        owned.put("recordedOrg", "bedfordshire-police");
        owned.put("recordedAt", "2020-01-01T00:00:00Z");
        owned.put("effective", true);
        owned.put("rowVersion", 7);
        List<String> fields = new ArrayList<>(owned.keySet());
        List<String> nhs = new ArrayList<>();
        StringBuilder file = new StringBuilder();
        for (String field : fields) {
            String n = nhsNumber();
            nhs.add(n);
            Map<String, Object> line = new java.util.LinkedHashMap<>(researchConsent(n, 0));
            line.put(field, owned.get(field));
            file.append(ndjson(line));
        }
        String clean = nhsNumber();
        file.append(ndjson(researchConsent(clean, 0)));

        JsonPath job = post(token("integration"), null, file.toString()).jsonPath();
        assertThat(job.getLong("rejected")).isEqualTo(fields.size());
        assertThat(job.getLong("created")).isEqualTo(1);
        for (int i = 0; i < fields.size(); i++) {
            assertThat(job.getInt("errors[" + i + "].line")).isEqualTo(i + 1);
            assertThat(job.getString("errors[" + i + "].problem.code"))
                    .as(fields.get(i))
                    .isEqualTo("unknown-field");
            assertThat(job.getString("errors[" + i + "].problem.errors[0].field"))
                    .as(fields.get(i))
                    .endsWith(fields.get(i));
            given().auth()
                    .oauth2(token("caseworker"))
                    .queryParam("identifier", "nhs-number:" + nhs.get(i))
                    .when()
                    .get("/api/subjects")
                    .then()
                    .statusCode(404);
        }
        JsonPath recorded = record(recordIds(subjectId(clean)).get(0));
        assertThat(recorded.getString("state")).isEqualTo("ACTIVE");
        assertThat(recorded.getString("recordedBy")).isEqualTo("integration-user");
        assertThat(recorded.getString("id")).isNotEqualTo(owned.get("id"));
    }

    @Test
    void anImportedRecordIsTheRecordASinglePostWouldHaveMade() {
        // the same form twice for each of two subjects: one by single POSTs, one by an import
        String single = nhsNumber();
        String imported = nhsNumber();
        String firstSingle = postOne(researchConsent(single, 3));
        String secondSingle = postOne(researchConsent(single, 1));
        ExtractableResponse<Response> job =
                post(token("integration"), null, ndjson(researchConsent(imported, 3), researchConsent(imported, 1)));
        assertThat(job.jsonPath().getLong("created")).isEqualTo(2);
        List<String> ids = recordIds(subjectId(imported));

        JsonPath a = record(firstSingle);
        JsonPath b = record(ids.get(0));
        for (String field : List.of(
                "state",
                "effective",
                "decision",
                "missingParties",
                "rowVersion",
                "purposes",
                "dataCategories",
                "withdrawalWindowEndsOn",
                "parties[0].capacity",
                "parties[0].assessedBy")) {
            assertThat(String.valueOf((Object) b.get(field))).as(field).isEqualTo(String.valueOf((Object)
                    a.get(field)));
        }
        assertThat(b.getString("state")).isEqualTo("SUPERSEDED");
        assertThat(String.valueOf((Object) record(ids.get(1)).get("rowVersion")))
                .isEqualTo(String.valueOf((Object) record(secondSingle).get("rowVersion")));
        for (String id : List.of(ids.get(0), ids.get(1))) {
            given().auth()
                    .oauth2(token("dpo"))
                    .when()
                    .get("/api/consents/" + id + "/history/verify")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(true));
        }
        assertThat(events(ids.get(0)))
                .containsExactly("org.consentgov.consent.given", "org.consentgov.consent.superseded");
        assertThat(events(ids.get(1))).containsExactly("org.consentgov.consent.given");
        assertThat(events(firstSingle))
                .containsExactly("org.consentgov.consent.given", "org.consentgov.consent.superseded");
        assertThat(accessLogged(subjectId(imported), "record-consent")).isEqualTo(2);

        // an import supersedes a record already stored, as a single POST would
        String third = post(token("integration"), null, ndjson(researchConsent(single, 0)))
                .jsonPath()
                .getString("id");
        assertThat(third).isNotNull();
        JsonPath replaced = record(secondSingle);
        assertThat(replaced.getString("state")).isEqualTo("SUPERSEDED");
        assertThat(String.valueOf((Object) replaced.get("rowVersion")))
                .isEqualTo(String.valueOf((Object) record(firstSingle).get("rowVersion")));
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/" + secondSingle + "/history/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("entries", equalTo(2));
    }

    @Test
    void theSameFileWithTheSameKeyRecordsNothingTwiceAndAResentRestFinishesABrokenImport() {
        String key = UUID.randomUUID().toString();
        long base = ImportFiles.randomBase();
        // a first upload that broke off after 70 of 120 lines (batches of 50), then the whole file again
        ExtractableResponse<Response> first = postStream(key, ImportFiles.lines(base, 0, 70, 0, null));
        assertThat(first.jsonPath().getLong("created")).isEqualTo(70);
        Map<String, String> afterFirst = DatabaseFingerprint.of(dataSource, TABLES);

        JsonPath whole =
                postStream(key, ImportFiles.lines(base, 0, 120, 0, null)).jsonPath();
        assertThat(whole.getLong("linesRead")).isEqualTo(120);
        assertThat(whole.getLong("replayed")).isEqualTo(70);
        assertThat(whole.getLong("created")).isEqualTo(50);
        assertThat(whole.getLong("accepted")).isEqualTo(120);
        assertThat(whole.getString("idempotencyKey")).isEqualTo(key);
        assertThat(DatabaseFingerprint.of(dataSource, TABLES)).isNotEqualTo(afterFirst);
        Map<String, String> afterWhole = DatabaseFingerprint.of(dataSource, TABLES);

        JsonPath again =
                postStream(key, ImportFiles.lines(base, 0, 120, 0, null)).jsonPath();
        assertThat(again.getLong("replayed")).isEqualTo(120);
        assertThat(again.getLong("created")).isZero();
        assertThat(DatabaseFingerprint.of(dataSource, TABLES))
                .as("database after the re-sent file")
                .isEqualTo(afterWhole);
        assertThat(recordIds(subjectId(ImportFiles.nhsNumber(base, 0)))).hasSize(1);
        assertThat(recordIds(subjectId(ImportFiles.nhsNumber(base, 119)))).hasSize(1);

        // a changed line under the used key is refused; the others still replay
        String changed = ImportFiles.line(ImportFiles.nhsNumber(base, 0)).replace("PAPER_FORM", "IN_PERSON")
                + ImportFiles.line(ImportFiles.nhsNumber(base, 1));
        JsonPath mixed = post(token("integration"), key, changed).jsonPath();
        assertThat(mixed.getList("errors.problem.code", String.class)).containsExactly("idempotency-key-reused");
        assertThat(mixed.getLong("replayed")).isEqualTo(1);
    }

    @Test
    void progressIsVisibleWhileTheFileIsStillArriving() throws Exception {
        long nhsBase = ImportFiles.randomBase();
        CountDownLatch resume = new CountDownLatch(1);
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("api/consents/imports"))
                .header("Authorization", "Bearer " + token("integration"))
                .header("Content-Type", NDJSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> ImportFiles.lines(nhsBase, 0, 800, 600, resume)))
                .build();
        CompletableFuture<HttpResponse<String>> upload = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            JsonPath running = awaitRunning(Instant.now().plusSeconds(60));
            assertThat(running.getString("state")).isEqualTo("RUNNING");
            assertThat(running.getLong("linesRead")).isBetween(200L, 600L);
            assertThat(running.getLong("created")).isEqualTo(running.getLong("linesRead"));
        } finally {
            resume.countDown();
        }
        HttpResponse<String> done = upload.get(2, TimeUnit.MINUTES);
        assertThat(done.statusCode()).isEqualTo(201);
        JsonPath job = JsonPath.from(done.body());
        assertThat(job.getString("state")).isEqualTo("COMPLETED");
        assertThat(job.getLong("linesRead")).isEqualTo(800);
    }

    @Test
    void onlyTheStreamedImportTakesALargeBody() throws Exception {
        // a declared length over 64 MiB: refused before the body is read, anywhere but the streamed import
        assertThat(statusForDeclaredLength("/api/consents", 70_000_000L)).startsWith("HTTP/1.1 413");
        // the streamed import takes it (and then asks for a token)
        assertThat(statusForDeclaredLength("/api/consents/imports", 400_000_000L))
                .startsWith("HTTP/1.1 401");
        assertThat(statusForDeclaredLength("/api/consents/imports", 2_000_000_000L))
                .startsWith("HTTP/1.1 413");
    }

    @Test
    void onlyIntegrationAndTheDpoImportAndReadImportsAndOthersSeeOnlyTheirOwn() {
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(NDJSON)
                .body(new byte[0])
                .when()
                .post("/api/consents/imports")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/consents/imports")
                .then()
                .statusCode(415);
        given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", "x".repeat(245))
                .contentType(NDJSON)
                .body(new byte[0])
                .when()
                .post("/api/consents/imports")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-idempotency-key"));
        String location = post(token("dpo"), null, "").header("Location");
        given().auth().oauth2(token("integration")).when().get(location).then().statusCode(404);
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get(location)
                .then()
                .statusCode(200)
                .body("linesRead", equalTo(0));
        given().auth()
                .oauth2(token("integration"))
                .queryParam("state", "NOPE")
                .when()
                .get("/api/consents/imports")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token("dpo"))
                .queryParam("state", "COMPLETED")
                .when()
                .get("/api/consents/imports")
                .then()
                .statusCode(200)
                .body("items[0].errors", equalTo(null));
    }

    // ---- helpers

    private JsonPath awaitRunning(Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            JsonPath page = given().auth()
                    .oauth2(token("integration"))
                    .queryParam("state", "RUNNING")
                    .when()
                    .get("/api/consents/imports")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (int i = 0; i < page.getList("items").size(); i++) {
                if (page.getLong("items[" + i + "].linesRead") >= 200) {
                    return given().auth()
                            .oauth2(token("integration"))
                            .when()
                            .get("/api/consents/imports/" + page.getString("items[" + i + "].id"))
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no running import showed 200 lines before the deadline");
    }

    private String statusForDeclaredLength(String path, long length) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + NDJSON
                            + "\r\nContent-Length: " + length + "\r\n\r\n{}\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private ExtractableResponse<Response> post(String token, String key, String body) {
        var request = given().auth().oauth2(token).contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/consents/imports").then().extract();
    }

    private ExtractableResponse<Response> postStream(String key, java.io.InputStream body) {
        return given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", key)
                .contentType(NDJSON)
                .body(body)
                .when()
                .post("/api/consents/imports")
                .then()
                .statusCode(201)
                .extract();
    }

    private static String postOne(Map<String, Object> consent) {
        return given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(consent)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }

    private static JsonPath record(String id) {
        return given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> recordIds(String subject) {
        return given().auth()
                .oauth2(token("dpo"))
                .queryParam("subject", subject)
                .when()
                .get("/api/consents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
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

    private List<String> events(String recordId) {
        List<String> types = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT type FROM outbox_event WHERE aggregate_id = ? ORDER BY seq")) {
            s.setString(1, recordId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return types;
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

    private static String mixedFile(String... nhs) {
        Map<String, Object> unpublished = researchConsent(nhs[2], 1);
        ((Map<String, Object>) unpublished.get("notice")).put("version", 9);
        return ndjson(researchConsent(nhs[0], 1)) + "{not json\n" + ndjson(researchConsent(nhs[1], 1)) + "\n"
                + ndjson(researchConsent("1234567890", 1)) + ndjson(unpublished) + ndjson(researchConsent(nhs[2], 1));
    }

    @SafeVarargs
    static String ndjson(Map<String, Object>... lines) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> line : lines) {
            try {
                out.append(JSON.writeValueAsString(line)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }
}
