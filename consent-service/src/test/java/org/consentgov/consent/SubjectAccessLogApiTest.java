package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.AUDIENCE;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.map;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.party;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.subject;
import static org.consentgov.consent.ConsentTestData.today;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.consentgov.platform.events.Dispatcher;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every operation that returns a subject's personal data leaves exactly its access rows — one per subject returned,
 * counted by the request id — and the access log answers the DPO and auditors only.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class SubjectAccessLogApiTest extends ConsentApiTestSupport {

    private static final String FHIR = "application/fhir+json";

    @Inject
    Dispatcher dispatcher;

    /** One personal-data operation: its name, the call (given a request id) and the rows it must leave. */
    private record Operation(
            String name,
            Function<String, ExtractableResponse<Response>> call,
            Function<ExtractableResponse<Response>, Map<String, Integer>> expected) {}

    @Test
    void everyPersonalDataOperationLeavesExactlyOneRowPerSubjectReturned() throws SQLException {
        String nhsA = nhsNumber();
        String nhsB = nhsNumber();
        String first = record(researchConsent(nhsA, 0)).jsonPath().getString("id");
        record(researchConsent(nhsA, 1));
        String late = record(researchConsent(nhsB, 15)).jsonPath().getString("id");
        String a = subjectId(nhsA);
        String b = subjectId(nhsB);
        String twoParties = record(ConsentTestData.consent(
                        nhsNumber(),
                        NoticeServiceStub.RESEARCH,
                        1,
                        NoticeServiceStub.RESEARCH_HASH,
                        PURPOSE,
                        0,
                        list(party("child", "GIVEN"))))
                .jsonPath()
                .getString("id");
        String referral = as("caseworker", "setup")
                .contentType(ContentType.JSON)
                .header("If-Match", ConsentTestData.etag(late))
                .body(map("requestedBy", "parent", "reason", "changed their mind"))
                .post("/api/consents/{id}/withdrawals", late)
                .then()
                .statusCode(409)
                .extract()
                .jsonPath()
                .getString("withdrawalRequestId");
        String nhsC = nhsNumber();
        String toWithdraw = record(researchConsent(nhsC, 0)).jsonPath().getString("id");
        String c = subjectId(nhsC);
        String newNhs = nhsNumber();

        List<Operation> operations = List.of(
                new Operation(
                        "create a subject",
                        rid -> as("caseworker", rid)
                                .contentType(ContentType.JSON)
                                .body(subject(newNhs))
                                .post("/api/subjects")
                                .then()
                                .statusCode(201)
                                .extract(),
                        r -> rows("create-subject", r.jsonPath().getString("id"))),
                new Operation(
                        "find a subject by identifier",
                        rid -> as("caseworker", rid)
                                .queryParam("identifier", "nhs-number:" + nhsA)
                                .get("/api/subjects")
                                .then()
                                .statusCode(200)
                                .extract(),
                        r -> rows("find-subject", a)),
                new Operation(
                        "read a subject",
                        rid -> ok(as("integration", rid).get("/api/subjects/{id}", a)),
                        r -> rows("read-subject", a)),
                new Operation(
                        "list a subject's consents",
                        rid -> ok(as("auditor", rid).get("/api/subjects/{id}/consents", a)),
                        r -> rows("list-consents", a)),
                new Operation(
                        "list consents by notice: one row per subject on the page",
                        rid -> ok(as("dpo", rid)
                                .queryParam("notice", NoticeServiceStub.RESEARCH)
                                .queryParam("size", 100)
                                .get("/api/consents")),
                        r -> rowsPerSubject("list-consents", r.jsonPath().getList("items.subjectId"))),
                new Operation(
                        "record a consent",
                        rid -> as("caseworker", rid)
                                .contentType(ContentType.JSON)
                                .body(researchConsent(nhsA, 2))
                                .post("/api/consents")
                                .then()
                                .statusCode(201)
                                .extract(),
                        r -> rows("record-consent", a)),
                new Operation(
                        "read a consent",
                        rid -> ok(as("auditor", rid).get("/api/consents/{id}", first)),
                        r -> rows("read-consent", a)),
                new Operation(
                        "read a consent as FHIR",
                        rid -> ok(as("caseworker", rid).accept(FHIR).get("/api/consents/{id}", first)),
                        r -> rows("read-consent-fhir", a)),
                new Operation(
                        "read a signed receipt",
                        rid -> ok(as("caseworker", rid).get("/api/consents/{id}/receipt", first)),
                        r -> rows("read-receipt", a)),
                new Operation(
                        "read a record's history",
                        rid -> ok(as("caseworker", rid).get("/api/consents/{id}/history", first)),
                        r -> rows("read-history", a)),
                new Operation(
                        "add a party",
                        rid -> ok(as("caseworker", rid)
                                .contentType(ContentType.JSON)
                                .header("If-Match", ConsentTestData.etag(twoParties))
                                .body(map(
                                        "role",
                                        "parent",
                                        "relationship",
                                        "mother",
                                        "decision",
                                        "GIVEN",
                                        "decidedOn",
                                        today().toString()))
                                .post("/api/consents/{id}/parties", twoParties)),
                        r -> rows("add-party", r.jsonPath().getString("subjectId"))),
                new Operation(
                        "check",
                        rid -> ok(as("caseworker", rid)
                                .queryParam("subject", "nhs-number:" + nhsA)
                                .queryParam("notice", NoticeServiceStub.RESEARCH)
                                .queryParam("purpose", PURPOSE)
                                .get("/api/consents/check")),
                        r -> rows("check", a)),
                new Operation(
                        "export one subject's consents",
                        rid -> ok(as("dpo", rid).queryParam("subject", a).get("/api/consents/export")),
                        r -> rows("export-consents", a)),
                new Operation(
                        "export by notice: one row per subject, however many records",
                        rid -> ok(as("integration", rid)
                                .queryParam("notice", NoticeServiceStub.RESEARCH)
                                .get("/api/consents/export")),
                        r -> rowsPerSubject("export-consents", exportedSubjects(r))),
                new Operation(
                        "list late withdrawal requests",
                        rid -> ok(as("dpo", rid).queryParam("size", 100).get("/api/consents/withdrawal-requests")),
                        r -> rowsPerSubject("list-withdrawal-requests", subjectsOfRecords(r))),
                new Operation(
                        "read a late withdrawal request",
                        rid -> ok(as("dpo", rid).get("/api/consents/withdrawal-requests/{id}", referral)),
                        r -> rows("read-withdrawal-request", b)),
                new Operation(
                        "poll the change feed",
                        rid -> ok(positioned(as("integration", rid))
                                .queryParam("after", 0)
                                .queryParam("limit", 500)
                                .get("/api/consents/changes")),
                        r -> rowsPerSubject("read-changes", r.jsonPath().getList("items.data.subjectId"))),
                new Operation(
                        "withdraw a consent",
                        rid -> ok(as("caseworker", rid)
                                .contentType(ContentType.JSON)
                                .header("If-Match", ConsentTestData.etag(toWithdraw))
                                .body(map("requestedBy", "child"))
                                .post("/api/consents/{id}/withdrawals", toWithdraw)),
                        r -> rows("withdraw-consent", c)),
                new Operation(
                        "invalidate a consent",
                        rid -> ok(as("dpo", rid)
                                .contentType(ContentType.JSON)
                                .header("If-Match", ConsentTestData.etag(first))
                                .body(map("reason", "recorded against the wrong child"))
                                .post("/api/consents/{id}/invalidate", first)),
                        r -> rows("invalidate-consent", a)),
                new Operation(
                        "read the access log",
                        rid -> ok(as("dpo", rid).get("/api/subjects/{id}/access-log", a)),
                        r -> rows("read-access-log", a)),
                new Operation(
                        "count pinned consents: counts only, no subject",
                        rid -> ok(as("integration", rid)
                                .queryParam("notice", NoticeServiceStub.RESEARCH)
                                .queryParam("beforeVersion", 2)
                                .get("/api/consents/pinned")),
                        r -> Map.of()),
                new Operation(
                        "verify a history chain: validity only, no subject",
                        rid -> ok(as("auditor", rid).get("/api/consents/{id}/history/verify", first)),
                        r -> Map.of()));

        for (Operation operation : operations) {
            String rid = "access-" + UUID.randomUUID();
            ExtractableResponse<Response> response = operation.call().apply(rid);
            assertThat(rowsOf(rid))
                    .as(operation.name())
                    .isEqualTo(operation.expected().apply(response));
        }
    }

    @Test
    void aRejectedReadLeavesNoAccessRow() throws SQLException {
        String rid = "access-" + UUID.randomUUID();
        as("caseworker", rid)
                .get("/api/consents/{id}", UUID.randomUUID())
                .then()
                .statusCode(404);
        as("dpo", rid).queryParam("size", 1000).get("/api/consents").then().statusCode(400);
        as("caseworker", rid)
                .queryParam("identifier", "nhs-number")
                .get("/api/subjects")
                .then()
                .statusCode(400);
        as("researcher", rid).get("/api/consents").then().statusCode(403);
        assertThat(rowsOf(rid)).isEmpty();
    }

    @Test
    void theAccessLogTellsTheDpoAndAuditorsWhoReadWhatNewestFirst() {
        String nhs = nhsNumber();
        String id = record(researchConsent(nhs, 0)).jsonPath().getString("id");
        String subject = subjectId(nhs);
        String rid = "access-" + UUID.randomUUID();
        String console =
                TestTokens.sign(TestTokens.builder("caseworker-7", Set.of("caseworker"), "luton-council", AUDIENCE)
                        .claim("azp", "governance-console"));
        given().auth()
                .oauth2(console)
                .header("X-Request-Id", rid)
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(200);

        for (String role : List.of("dpo", "auditor")) {
            given().auth()
                    .oauth2(token(role))
                    .queryParam("size", 1)
                    .get("/api/subjects/{id}/access-log", subject)
                    .then()
                    .statusCode(200)
                    .body("totalItems", equalTo(role.equals("dpo") ? 3 : 4))
                    .body("items[0].operation", equalTo(role.equals("dpo") ? "read-consent" : "read-access-log"));
        }
        given().auth()
                .oauth2(token("dpo"))
                .queryParam("page", 2)
                .queryParam("size", 1)
                .get("/api/subjects/{id}/access-log", subject)
                .then()
                .statusCode(200)
                .body("items[0].actor", equalTo("caseworker-7"))
                .body("items[0].client", equalTo("governance-console"))
                .body("items[0].organisation", equalTo("luton-council"))
                .body("items[0].operation", equalTo("read-consent"))
                .body("items[0].requestId", equalTo(rid));
    }

    @Test
    void onlyTheDpoAndAuditorsReadTheAccessLog() throws SQLException {
        String nhs = nhsNumber();
        record(researchConsent(nhs, 0));
        String subject = subjectId(nhs);
        for (String role : List.of("caseworker", "integration", "partner", "researcher", "notice-editor")) {
            String rid = "access-" + UUID.randomUUID();
            as(role, rid)
                    .get("/api/subjects/{id}/access-log", subject)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            assertThat(rowsOf(rid)).as(role).isEmpty();
        }
        given().get("/api/subjects/{id}/access-log", subject).then().statusCode(401);
        given().auth()
                .oauth2(token("dpo"))
                .get("/api/subjects/{id}/access-log", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static RequestSpecification as(String role, String requestId) {
        return given().auth().oauth2(token(role)).header("X-Request-Id", requestId);
    }

    /** The events recorded so far, given their feed positions (the dispatcher does it within a second otherwise). */
    private RequestSpecification positioned(RequestSpecification request) {
        dispatcher.dispatchOnce();
        return request;
    }

    private static ExtractableResponse<Response> ok(Response response) {
        return response.then().statusCode(200).extract();
    }

    private static Map<String, Integer> rows(String action, String subject) {
        return Map.of(action + " " + subject, 1);
    }

    private static Map<String, Integer> rowsPerSubject(String action, List<?> subjects) {
        Map<String, Integer> rows = new TreeMap<>();
        // an event about no subject (e.g. a receipt key's rotation) names none, and logs none
        new LinkedHashSet<>(subjects).stream().filter(Objects::nonNull).forEach(s -> rows.put(action + " " + s, 1));
        assertThat(rows).as("the read returned subjects").isNotEmpty();
        return rows;
    }

    private static List<String> exportedSubjects(ExtractableResponse<Response> export) {
        return Arrays.stream(export.asString().split("\n"))
                .filter(line -> !line.isBlank())
                .map(line -> io.restassured.path.json.JsonPath.from(line).getString("subjectId"))
                .toList();
    }

    private List<String> subjectsOfRecords(ExtractableResponse<Response> page) {
        List<String> subjects = new ArrayList<>();
        for (String recordId : page.jsonPath().<String>getList("items.recordId")) {
            try (var c = dataSource.getConnection();
                    var s = c.prepareStatement("SELECT subject_id FROM consent_record WHERE id = ?")) {
                s.setObject(1, UUID.fromString(recordId));
                var rs = s.executeQuery();
                rs.next();
                subjects.add(rs.getString(1));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return subjects;
    }

    /** The access rows of one request: "action subject" → how many. */
    private Map<String, Integer> rowsOf(String requestId) throws SQLException {
        Map<String, Integer> rows = new TreeMap<>();
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "SELECT action, subject_id, count(*) FROM subject_access_log WHERE request_id = ? GROUP BY 1, 2")) {
            s.setString(1, requestId);
            var rs = s.executeQuery();
            while (rs.next()) {
                rows.put(rs.getString(1) + " " + rs.getString(2), rs.getInt(3));
            }
        }
        return rows;
    }
}
