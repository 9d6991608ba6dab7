package org.consentgov.platform.testing.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrySafetyContractTest {

    private static final String KEY = """
            {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}""";
    private static final String IF_MATCH = """
            {"name": "If-Match", "in": "header", "required": true, "schema": {"type": "string"}}""";

    private static String document(String paths) {
        return """
                {"openapi": "3.1.0", "components": {"parameters": {"key": %s}}, "paths": {%s}}""".formatted(KEY, paths);
    }

    @Test
    void aDocumentWhoseChangesAreAllSafeToRetryPasses() {
        String doc = document("""
                "/api/things": {"get": {"responses": {"200": {}}},
                  "post": {"parameters": [{"$ref": "#/components/parameters/key"}], "responses": {"201": {}}}},
                "/api/things/{id}": {"put": {"parameters": [%s], "responses": {"200": {}, "428": {}}}},
                "/api/things/{id}/withdrawals": {"post": {"parameters": [%s, %s], "responses": {"201": {}, "428": {}}}}
                """.formatted(IF_MATCH, KEY, IF_MATCH));
        RetrySafetyContract.assertRetrySafe(doc, Map.of());
    }

    @Test
    void eachBrokenRuleIsNamedWithItsOperation() {
        String doc = document("""
                "/api/things": {"post": {"responses": {"201": {}}}},
                "/api/things/{id}": {"delete": {"responses": {"204": {}}},
                  "patch": {"parameters": [{"name": "If-Match", "in": "header"}], "responses": {"428": {}}}},
                "/api/things/{id}/reviews": {"post": {"parameters": [%s], "responses": {"201": {}}}}
                """.formatted(KEY));
        assertThat(RetrySafetyContract.problems(doc, Map.of()))
                .containsExactlyInAnyOrder(
                        "POST /api/things: POST without an Idempotency-Key header parameter",
                        "DELETE /api/things/{id}: changes an existing resource without an If-Match header parameter",
                        "DELETE /api/things/{id}: no 428 (Precondition Required) response documented",
                        "PATCH /api/things/{id}: If-Match is declared but not required",
                        "POST /api/things/{id}/reviews: changes an existing resource without an If-Match header parameter",
                        "POST /api/things/{id}/reviews: no 428 (Precondition Required) response documented");
    }

    @Test
    void anExemptionNeedsAReasonAndAnOperationThatStillExists() {
        String doc = document("""
                "/api/things/search": {"post": {"responses": {"200": {}}}}""");
        assertThat(RetrySafetyContract.problems(doc, Map.of("POST /api/things/search", "a query in a body")))
                .isEmpty();
        assertThat(RetrySafetyContract.problems(
                        doc, Map.of("POST /api/things/search", " ", "DELETE /api/gone/{id}", "removed long ago")))
                .containsExactlyInAnyOrder(
                        "POST /api/things/search: exempt without a reason",
                        "DELETE /api/gone/{id}: exempt (removed long ago) but no longer a POST, PUT, PATCH or DELETE of the document");
        assertThatThrownBy(() -> RetrySafetyContract.assertRetrySafe(doc, Map.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("POST /api/things/search");
    }
}
