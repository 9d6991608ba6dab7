package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.AUDIENCE;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.list;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.nhsNumber;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.token;
import static org.hamcrest.Matchers.equalTo;

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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.consentgov.agreement.AgreementTestData.Parties;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation that returns a subject's identifier leaves exactly its access rows — one per subject returned,
 * counted by the request id; an auditor, shown no identifiers, leaves none — and the access log answers the DPO and
 * auditors only.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SubjectAccessLogTest {

    @Inject
    AgroalDataSource dataSource;

    /** One personal-data operation: its name, the call (given a request id) and the rows it must leave. */
    private record Operation(
            String name,
            Function<String, ExtractableResponse<Response>> call,
            Function<ExtractableResponse<Response>, Map<String, Integer>> expected) {}

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void healUpstreams() {
        UpstreamStubs.reset();
    }

    @Test
    void everyPersonalDataOperationLeavesExactlyOneRowPerSubjectReturned() throws SQLException {
        Parties p = parties();
        String agreement = active(p);
        Instant before = Instant.now().minusSeconds(1);
        String a = "nhs-number:" + nhsNumber();
        String b = "nhs-number:" + nhsNumber();
        JsonPath firstOfA = decide(p, a, true, "setup");
        decide(p, a, true, "setup");
        decide(p, b, true, "setup");
        String permitForB = decide(p, b, false, "setup").getString("decisionId");
        String c = "nhs-number:" + nhsNumber();

        List<Operation> operations = List.of(
                new Operation(
                        "ask for a decision",
                        rid -> created(as("integration", rid)
                                .contentType(ContentType.JSON)
                                .body(question(p, c, false))
                                .post("/api/sharing-decisions")),
                        r -> rows("decide", c)),
                new Operation(
                        "ask for a decision and record the disclosure: one row for the one subject",
                        rid -> created(as("caseworker", rid)
                                .contentType(ContentType.JSON)
                                .body(question(p, c, true))
                                .post("/api/sharing-decisions")),
                        r -> rows("decide", c)),
                new Operation(
                        "read a decision",
                        rid -> ok(as("caseworker", rid)
                                .get("/api/sharing-decisions/{id}", firstOfA.getString("decisionId"))),
                        r -> rows("read-decision", a)),
                new Operation(
                        "replay a decision",
                        rid -> ok(as("dpo", rid)
                                .get("/api/sharing-decisions/{id}/replay", firstOfA.getString("decisionId"))),
                        r -> rows("replay-decision", a)),
                new Operation(
                        "record a disclosure under an earlier permit",
                        rid -> created(as("caseworker", rid)
                                .contentType(ContentType.JSON)
                                .body(map("decisionId", permitForB, "transferMethod", "encrypted-file-transfer"))
                                .post("/api/disclosures")),
                        r -> rows("record-disclosure", b)),
                new Operation(
                        "read a disclosure",
                        rid -> ok(as("integration", rid)
                                .get("/api/disclosures/{id}", firstOfA.getString("disclosureId"))),
                        r -> rows("read-disclosure", a)),
                new Operation(
                        "list a subject's disclosures",
                        rid -> ok(as("dpo", rid).queryParam("subject", a).get("/api/disclosures")),
                        r -> rows("list-disclosures", a)),
                new Operation(
                        "list by agreement: one row per subject, however many disclosures",
                        rid -> ok(as("dpo", rid)
                                .queryParam("agreement", agreement)
                                .get("/api/disclosures")),
                        r -> rowsPerSubject("list-disclosures", r.jsonPath().getList("items.subject"), 3)),
                new Operation(
                        "list by recipient",
                        rid -> ok(as("caseworker", rid)
                                .queryParam("recipient", p.recipient())
                                .queryParam("size", 100)
                                .get("/api/disclosures")),
                        r -> rowsPerSubject("list-disclosures", r.jsonPath().getList("items.subject"), 3)),
                new Operation(
                        "list by period",
                        rid -> ok(as("integration", rid)
                                .queryParam("from", before.toString())
                                .queryParam("size", 100)
                                .get("/api/disclosures")),
                        r -> rowsPerSubject("list-disclosures", r.jsonPath().getList("items.subject"), 3)),
                new Operation(
                        "export by agreement",
                        rid -> ok(as("dpo", rid)
                                .queryParam("agreement", agreement)
                                .get("/api/disclosures/export")),
                        r -> rowsPerSubject("export-disclosures", exported(r), 3)),
                new Operation(
                        "export a subject's disclosures",
                        rid -> ok(as("dpo", rid).queryParam("subject", a).get("/api/disclosures/export")),
                        r -> rows("export-disclosures", a)),
                new Operation(
                        "an auditor lists without identifiers: no subject read",
                        rid -> ok(as("auditor", rid)
                                .queryParam("agreement", agreement)
                                .get("/api/disclosures")),
                        r -> Map.of()),
                new Operation(
                        "an auditor exports without identifiers: no subject read",
                        rid -> ok(as("auditor", rid)
                                .queryParam("agreement", agreement)
                                .get("/api/disclosures/export")),
                        r -> Map.of()),
                new Operation(
                        "an auditor reads a decision without identifiers: no subject read",
                        rid -> ok(as("auditor", rid)
                                .get("/api/sharing-decisions/{id}", firstOfA.getString("decisionId"))),
                        r -> Map.of()),
                new Operation(
                        "read the access log",
                        rid -> ok(as("auditor", rid).queryParam("subject", a).get("/api/disclosures/access-log")),
                        r -> rows("read-access-log", a)));

        for (Operation operation : operations) {
            String rid = "access-" + UUID.randomUUID();
            ExtractableResponse<Response> response = operation.call().apply(rid);
            assertThat(rowsOf(rid))
                    .as(operation.name())
                    .isEqualTo(operation.expected().apply(response));
        }
    }

    @Test
    void theAccessLogTellsTheDpoAndAuditorsWhoReadWhatNewestFirst() {
        Parties p = parties();
        active(p);
        String nhs = nhsNumber();
        String subject = "nhs-number:" + nhs;
        String decision = decide(p, subject, true, "setup").getString("decisionId");
        String rid = "access-" + UUID.randomUUID();
        String console = TestTokens.sign(
                TestTokens.builder("caseworker-7", Set.of("caseworker"), AgreementTestData.COUNCIL, AUDIENCE)
                        .claim("azp", "governance-console"));
        given().auth()
                .oauth2(console)
                .header("X-Request-Id", rid)
                .get("/api/sharing-decisions/{id}", decision)
                .then()
                .statusCode(200);

        String spaced = "nhs-number:" + nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
        given().auth()
                .oauth2(token("dpo"))
                .queryParam("subject", spaced)
                .get("/api/disclosures/access-log")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].actor", equalTo("caseworker-7"))
                .body("items[0].client", equalTo("governance-console"))
                .body("items[0].organisation", equalTo(AgreementTestData.COUNCIL))
                .body("items[0].operation", equalTo("read-decision"))
                .body("items[0].requestId", equalTo(rid))
                .body("items[1].operation", equalTo("decide"));
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("subject", subject)
                .queryParam("size", 1)
                .get("/api/disclosures/access-log")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items[0].operation", equalTo("read-access-log"))
                .body("items[0].actor", equalTo("dpo-user"));
    }

    @Test
    void onlyTheDpoAndAuditorsReadTheAccessLog() throws SQLException {
        String subject = "nhs-number:" + nhsNumber();
        for (String role : List.of("caseworker", "integration", "partner", "researcher", "notice-editor")) {
            String rid = "access-" + UUID.randomUUID();
            as(role, rid)
                    .queryParam("subject", subject)
                    .get("/api/disclosures/access-log")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            assertThat(rowsOf(rid)).as(role).isEmpty();
        }
        given().queryParam("subject", subject)
                .get("/api/disclosures/access-log")
                .then()
                .statusCode(401);
        for (String bad : List.of("", "nhs-number:12")) {
            String rid = "access-" + UUID.randomUUID();
            as("dpo", rid)
                    .queryParam("subject", bad)
                    .get("/api/disclosures/access-log")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("invalid-subject"));
            assertThat(rowsOf(rid)).isEmpty();
        }
    }

    private JsonPath decide(Parties p, String subject, boolean record, String rid) {
        return created(as("integration", rid)
                        .contentType(ContentType.JSON)
                        .body(question(p, subject, record))
                        .post("/api/sharing-decisions"))
                .jsonPath();
    }

    private static Map<String, Object> question(Parties p, String subject, boolean record) {
        Map<String, Object> body = map(
                "recipient",
                p.recipient(),
                "categories",
                list("special.health"),
                "subject",
                subject,
                "purpose",
                "research");
        if (record) {
            body.put("record", true);
            body.put("transferMethod", "encrypted-file-transfer");
        }
        return body;
    }

    private static RequestSpecification as(String role, String requestId) {
        return given().auth().oauth2(token(role)).header("X-Request-Id", requestId);
    }

    private static ExtractableResponse<Response> ok(Response response) {
        return response.then().statusCode(200).extract();
    }

    private static ExtractableResponse<Response> created(Response response) {
        return response.then().statusCode(201).extract();
    }

    private static Map<String, Integer> rows(String action, String subject) {
        return Map.of(action + " " + subject, 1);
    }

    private static Map<String, Integer> rowsPerSubject(String action, List<?> subjects, int atLeast) {
        Map<String, Integer> rows = new TreeMap<>();
        new LinkedHashSet<>(subjects).forEach(s -> rows.put(action + " " + s, 1));
        assertThat(rows).as("the subjects the read returned").hasSizeGreaterThanOrEqualTo(atLeast);
        return rows;
    }

    private static List<String> exported(ExtractableResponse<Response> export) {
        return Arrays.stream(export.asString().split("\n"))
                .filter(line -> !line.isBlank())
                .map(line -> JsonPath.from(line).getString("subject"))
                .toList();
    }

    /** The access rows of one request: "action system:value" → how many. */
    private Map<String, Integer> rowsOf(String requestId) throws SQLException {
        Map<String, Integer> rows = new TreeMap<>();
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT action, subject_system || ':' || subject_value, count(*) "
                        + "FROM subject_access_log WHERE request_id = ? GROUP BY 1, 2")) {
            s.setString(1, requestId);
            var rs = s.executeQuery();
            while (rs.next()) {
                rows.put(rs.getString(1) + " " + rs.getString(2), rs.getInt(3));
            }
        }
        return rows;
    }
}
