package org.consentgov.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.consentgov.e2e.E2eTest;
import org.consentgov.e2e.support.Gateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix: every operation of the gateway's merged OpenAPI document, asked by each realm role,
 * by nobody, and on a real object of the EYES agreement (council ↔ Luton Schools) by the school that is party to
 * it and by two callers that are not (the police and the university). The expected answer of every cell is in
 * {@code src/test/resources/security/authorization-matrix.md}; the test fails on a cell that differs, on an
 * operation of the document the table lacks, and on a row of the table the document no longer has.
 *
 * <p>Nothing here changes the demo data: the role columns use ids that do not exist and bodies that fail
 * validation after the authorization check, so that "ok" means "neither 401 nor 403"; the object columns ask
 * read-only operations (GET) only. What the suite answered is written to
 * {@code target/security/authorization-matrix.observed.md}, the same table, to compare or to copy after a change
 * of the API (then review every changed cell against DESIGN §3).
 */
@E2eTest
@Order(20)
class AuthorizationMatrixE2eTest {

    static final Path EXPECTED = Path.of(System.getProperty("e2e.basedir", "."))
            .resolve("src/test/resources/security/authorization-matrix.md");
    static final Path OBSERVED =
            Path.of(System.getProperty("e2e.target", "target")).resolve("security/authorization-matrix.observed.md");
    static final String EYES_ISA = "ISA-LBC-LUTON-SCHOOLS-EYES";
    static final String SCHOOLS = "luton-schools";
    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** A notice, organisation or other slug no test creates. */
    static final String NO_SUCH_SLUG = "no-such-slug-authz-matrix";

    /** A column of the matrix: who asks, and whether on nothing (role columns) or on a real EYES object. */
    record Column(String heading, Caller caller, boolean onRealObject) {}

    /** The role columns, in the table's order, then the object columns. */
    static final List<Column> COLUMNS = List.of(
            new Column("anonymous", Caller.ANONYMOUS, false),
            new Column("dpo", Caller.user("dpo"), false),
            new Column("notice-editor", Caller.user("editor"), false),
            new Column("caseworker", Caller.user("caseworker"), false),
            new Column("researcher", Caller.user("researcher"), false),
            new Column("partner", Caller.user("school"), false),
            new Column("integration", Caller.EYES_INTEGRATION, false),
            new Column("auditor", Caller.user("auditor"), false),
            new Column("own org: school on EYES object", Caller.user("school"), true),
            new Column("other org: partner-police on EYES object", Caller.user("partner-police"), true),
            new Column("other org: researcher on EYES object", Caller.user("researcher"), true));

    /** Real objects under the EYES agreement, by path parameter, for the object columns. */
    private static final Map<String, String> EYES_OBJECTS = new LinkedHashMap<>();

    @BeforeAll
    static void findTheEyesObjects() {
        JsonPath isa = SecurityData.agreement(EYES_ISA);
        EYES_OBJECTS.put("agreement", isa.getString("id"));
        EYES_OBJECTS.put("agreementVersion", String.valueOf(isa.getInt("effectiveVersion")));
        // a permitted EYES disclosure to the schools about a pupil no other test knows (a new row, like every
        // other e2e test's data; nothing existing changes)
        JsonPath decision = Gateway.asEyesIntegration()
                .body(SecurityData.map(
                        "recipient",
                        SCHOOLS,
                        "categories",
                        List.of("education.attendance"),
                        "subject",
                        "upn:" + SecurityData.upn(),
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
                .jsonPath();
        EYES_OBJECTS.put("decision", decision.getString("decisionId"));
        EYES_OBJECTS.put("disclosure", decision.getString("disclosureId"));
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheMatrixSays() throws IOException {
        Map<String, Operation> operations = operationsOfTheMergedDocument();
        Map<String, Row> observed = new LinkedHashMap<>();
        for (Operation op : operations.values()) {
            List<String> cells = new ArrayList<>();
            for (Column column : COLUMNS) {
                cells.add(ask(op, column));
            }
            observed.put(op.key(), new Row(op.key(), op.operationId(), cells));
        }
        Files.createDirectories(OBSERVED.getParent());
        Files.writeString(OBSERVED, AuthorizationMatrix.render(observed.values()));

        Map<String, Row> expected = AuthorizationMatrix.parse(Files.readString(EXPECTED), COLUMNS.size());
        List<String> differences = new ArrayList<>();
        for (Row row : observed.values()) {
            Row want = expected.get(row.key());
            if (want == null) {
                differences.add(
                        row.key() + " (" + row.operationId() + ") is in the OpenAPI document but not in the matrix");
                continue;
            }
            if (!want.operationId().equals(row.operationId())) {
                differences.add(
                        row.key() + ": operationId " + row.operationId() + ", the matrix says " + want.operationId());
            }
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (!want.cells().get(i).equals(row.cells().get(i))) {
                    differences.add(row.key() + " as " + COLUMNS.get(i).heading() + ": "
                            + row.cells().get(i) + ", the matrix says "
                            + want.cells().get(i));
                }
            }
        }
        for (String key : expected.keySet()) {
            if (!observed.containsKey(key)) {
                differences.add(key + " is in the matrix but no longer in the OpenAPI document");
            }
        }
        assertThat(differences)
                .as(
                        "cells of %s that differ from what the suite answered (the whole observed table: %s)",
                        EXPECTED, OBSERVED)
                .isEmpty();
    }

    /** One cell: "ok" (2xx, or an answer after the authorization check), 401, 403, 404 …, or "-" when not asked. */
    private static String ask(Operation op, Column column) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : op.pathParameters()) {
            String value = column.onRealObject() ? realObject(op.path(), name) : placeholder(name);
            if (value == null) {
                return "-";
            }
            params.put(name, value);
        }
        if (column.onRealObject()
                && (!op.method().equals("get") || op.pathParameters().isEmpty())) {
            return "-";
        }
        RequestSpecification request = column.caller()
                .request()
                .accept("*/*")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (op.method().equals("put") || op.method().equals("patch")) {
            request.header("If-Match", "\"authz-matrix\"");
        }
        if (op.requestContentType() != null) {
            // as bytes, so that any declared content type goes out as it is
            request.contentType(op.requestContentType())
                    .body((op.requestContentType().contains("ndjson") ? "{}\n" : "{}")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String url = op.path();
        for (Map.Entry<String, String> p : params.entrySet()) {
            url = url.replace("{" + p.getKey() + "}", p.getValue());
        }
        Response response = SecurityData.send(request, op.method(), url);
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return String.valueOf(status);
        }
        if (status >= 500) {
            return String.valueOf(status); // never expected: the table does not hold it
        }
        if (column.onRealObject()) {
            return status < 300 ? "ok" : String.valueOf(status);
        }
        return "ok";
    }

    private static String placeholder(String parameter) {
        return switch (parameter) {
            case "slug" -> NO_SUCH_SLUG;
            case "number" -> "9999";
            default -> UUID.randomUUID().toString();
        };
    }

    /** The EYES object for a path parameter, or null when the operation has no such object. */
    private static String realObject(String path, String parameter) {
        if (path.startsWith("/api/agreements/{id}") && !path.startsWith("/api/agreements/subscriptions")) {
            return switch (parameter) {
                case "id" -> EYES_OBJECTS.get("agreement");
                case "number" -> EYES_OBJECTS.get("agreementVersion");
                default -> null;
            };
        }
        if (path.equals("/api/disclosures/{id}")) {
            return EYES_OBJECTS.get("disclosure");
        }
        if (path.equals("/api/sharing-decisions/{id}")) {
            return EYES_OBJECTS.get("decision");
        }
        return null;
    }

    record Operation(
            String method, String path, String operationId, List<String> pathParameters, String requestContentType) {

        String key() {
            return method.toUpperCase() + " " + path;
        }
    }

    record Row(String key, String operationId, List<String> cells) {}

    /** Every operation of the gateway's merged document, sorted by path and method. */
    static Map<String, Operation> operationsOfTheMergedDocument() throws IOException {
        String json = Gateway.anonymous()
                .queryParam("format", "json")
                .accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode paths = new ObjectMapper().readTree(json).path("paths");
        Map<String, Operation> operations = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> method = m.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode op = method.getValue();
                Set<String> parameters = new TreeSet<>();
                java.util.regex.Matcher names =
                        java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
                while (names.find()) {
                    parameters.add(names.group(1));
                }
                String contentType = null;
                Iterator<String> types = op.path("requestBody").path("content").fieldNames();
                if (types.hasNext()) {
                    contentType = types.next();
                }
                Operation operation = new Operation(
                        method.getKey(),
                        path.getKey(),
                        op.path("operationId").asText("-"),
                        List.copyOf(parameters),
                        contentType);
                operations.put(path.getKey() + " " + method.getKey(), operation);
            }
        }
        assertThat(operations).as("operations of the merged OpenAPI document").hasSizeGreaterThan(20);
        Map<String, Operation> byKey = new LinkedHashMap<>();
        operations.values().forEach(o -> byKey.put(o.key(), o));
        return byKey;
    }
}
