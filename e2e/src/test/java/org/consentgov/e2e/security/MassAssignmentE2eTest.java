package org.consentgov.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.consentgov.e2e.E2eTest;
import org.consentgov.e2e.E2eTestData;
import org.consentgov.e2e.support.Gateway;
import org.consentgov.e2e.support.Notices;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * No mass assignment: a field the server owns (ids, state, hashes, who recorded it, the organisation, timestamps)
 * sent by a client is rejected with a 400 {@code unknown-field} problem naming it, on every operation of the
 * merged OpenAPI document that takes a JSON body, and a rejected create or update changes nothing.
 */
@E2eTest
@Order(23)
class MassAssignmentE2eTest {

    /** Fields only the server sets, on any object of the suite. */
    static final Map<String, Object> SERVER_OWNED = Map.of(
            "id", UUID.randomUUID().toString(),
            "state", "ACTIVE",
            "contentHash", "0".repeat(64),
            "recordedBy", "mallory",
            "org", "bedfordshire-police",
            "createdAt", "2020-01-01T00:00:00Z",
            "recordedAt", "2020-01-01T00:00:00Z",
            "createdBy", "mallory");
    /** The webhook receiver takes only what notice-service signs; its signature is checked before anything else. */
    static final Set<String> NOT_A_CLIENT_BODY =
            Set.of("POST /api/consents/notice-events", "POST /api/agreements/notice-events");

    @Test
    void everyJsonBodyRejectsEveryServerOwnedFieldItDoesNotDeclare() throws IOException {
        String json = Gateway.anonymous()
                .queryParam("format", "json")
                .accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode doc = new ObjectMapper().readTree(json);
        List<String> failures = new ArrayList<>();
        int asked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> p = doc.path("paths").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> method = m.next();
                JsonNode schema = method.getValue()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                String key = method.getKey().toUpperCase() + " " + path.getKey();
                if (schema.isMissingNode() || NOT_A_CLIENT_BODY.contains(key) || isArray(doc, schema)) {
                    continue;
                }
                Set<String> declared = declaredProperties(doc, schema);
                for (Map.Entry<String, Object> field : SERVER_OWNED.entrySet()) {
                    if (declared.contains(field.getKey())) {
                        continue; // a request field of this operation (e.g. the content hash a signatory signs)
                    }
                    asked++;
                    String url = path.getKey()
                            .replaceAll("\\{number}", "1")
                            .replaceAll("\\{slug}", "no-such-slug-mass-assignment")
                            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    Response response = SecurityData.send(
                            Gateway.as("dpo")
                                    .header("Idempotency-Key", UUID.randomUUID().toString())
                                    .header("If-Match", "\"mass-assignment\"")
                                    .body(Map.of(field.getKey(), field.getValue())),
                            method.getKey(),
                            url);
                    String type =
                            response.statusCode() == 400 ? response.jsonPath().getString("type") : null;
                    List<String> fields = response.statusCode() == 400
                            ? response.jsonPath().getList("errors.field", String.class)
                            : List.of();
                    if (response.statusCode() != 400
                            || !(Gateway.PROBLEM_TYPE_BASE + "unknown-field").equals(type)
                            || fields == null
                            || fields.stream().noneMatch(f -> f.endsWith(field.getKey()))) {
                        failures.add(key + " with " + field.getKey() + ": " + response.statusCode() + " "
                                + response.asString());
                    }
                }
            }
        }
        assertThat(asked).as("requests with a server-owned field").isGreaterThan(50);
        assertThat(failures)
                .as("operations that did not reject a server-owned field")
                .isEmpty();
    }

    @Test
    void aConsentSentWithAStateAndARecorderIsRejectedAndNotRecorded() {
        JsonPath notice = Notices.current(E2eTestData.RESEARCH_NOTICE);
        String nhs = E2eTestData.nhsNumber();
        Map<String, Object> consent =
                E2eTestData.childAndParentConsent(nhs, notice.getInt("version"), notice.getString("contentHash"), 1);
        for (String field : List.of("state", "recordedBy", "id", "recordedAt")) {
            Map<String, Object> body = new LinkedHashMap<>(consent);
            body.put(field, SERVER_OWNED.getOrDefault(field, "x"));
            expectUnknownField(Gateway.as("caseworker").body(body).when().post("/api/consents"), field);
        }
        Gateway.as("caseworker")
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", E2eTestData.RESEARCH_NOTICE)
                .queryParam("purpose", E2eTestData.RESEARCH_PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(200)
                .body("consented", equalTo(false))
                .body("recordId", org.hamcrest.Matchers.nullValue());

        // the same body without them is recorded, by the caller, with the server's id and state
        JsonPath recorded = Gateway.as("caseworker")
                .body(consent)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .body("recordedBy", equalTo("caseworker"))
                .body("state", equalTo("ACTIVE"))
                .extract()
                .jsonPath();
        assertThat(recorded.getString("id")).isNotEqualTo(SERVER_OWNED.get("id"));
    }

    @Test
    void aNoticeSentWithAStateOrAHashIsRejectedAndNotCreated() {
        String slug = E2eTestData.uniqueSlug("mass-assignment");
        for (String field : List.of("state", "contentHash", "createdBy", "id")) {
            Map<String, Object> body =
                    new LinkedHashMap<>(E2eTestData.newNotice(slug, E2eTestData.noticeContent("Mass assignment")));
            body.put(field, SERVER_OWNED.get(field));
            expectUnknownField(Gateway.as("editor").body(body).when().post("/api/notices"), field);
        }
        Gateway.as("dpo").when().get("/api/notices/{slug}", slug).then().statusCode(404);
    }

    @Test
    void anOrganisationSentWithAnIdOrTimestampIsRejectedAndNotCreated() {
        String slug = E2eTestData.uniqueSlug("mass-assignment-org");
        for (String field : List.of("id", "createdAt", "createdBy")) {
            Map<String, Object> body = SecurityData.map(
                    "slug", slug, "name", "Mass Assignment School", "type", "school", field, SERVER_OWNED.get(field));
            expectUnknownField(Gateway.as("dpo").body(body).when().post("/api/organisations"), field);
        }
        Gateway.as("dpo").when().get("/api/organisations/{slug}", slug).then().statusCode(404);
    }

    @Test
    void aSharingDecisionSentWithItsOwnVerdictIsRejectedAndNoDisclosureIsRecorded() {
        String pupil = "upn:" + SecurityData.upn();
        for (Map.Entry<String, Object> field : Map.<String, Object>of(
                        "decision",
                        "PERMIT",
                        "disclosureId",
                        UUID.randomUUID().toString(),
                        "recordedBy",
                        "mallory",
                        "id",
                        UUID.randomUUID().toString())
                .entrySet()) {
            Map<String, Object> body = SecurityData.map(
                    "recipient",
                    "luton-schools",
                    "categories",
                    List.of("special.religion"),
                    "subject",
                    pupil,
                    "purpose",
                    "support-pupil-learning",
                    "record",
                    true,
                    "transferMethod",
                    "system-access",
                    field.getKey(),
                    field.getValue());
            expectUnknownField(
                    Gateway.asEyesIntegration().body(body).when().post("/api/sharing-decisions"), field.getKey());
        }
        Gateway.as("dpo")
                .queryParam("subject", pupil)
                .when()
                .get("/api/disclosures")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    private static void expectUnknownField(Response response, String field) {
        response.then()
                .statusCode(400)
                .contentType(Gateway.PROBLEM_JSON)
                .body("type", equalTo(Gateway.PROBLEM_TYPE_BASE + "unknown-field"))
                .body("errors.field", hasItem(org.hamcrest.Matchers.endsWith(field)));
    }

    private static boolean isArray(JsonNode doc, JsonNode schema) {
        JsonNode resolved =
                schema.has("$ref") ? doc.at(schema.get("$ref").asText().substring(1)) : schema;
        return "array".equals(resolved.path("type").asText());
    }

    /** The top-level properties of a request schema, following $ref, allOf, oneOf and anyOf. */
    private static Set<String> declaredProperties(JsonNode doc, JsonNode schema) {
        Set<String> names = new java.util.TreeSet<>();
        collect(doc, schema, names, 0);
        return names;
    }

    private static void collect(JsonNode doc, JsonNode schema, Set<String> names, int depth) {
        if (depth > 5 || schema == null || schema.isMissingNode()) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            collect(doc, doc.at(ref.substring(1)), names, depth + 1);
        }
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(combinator).forEach(s -> collect(doc, s, names, depth + 1));
        }
    }
}
