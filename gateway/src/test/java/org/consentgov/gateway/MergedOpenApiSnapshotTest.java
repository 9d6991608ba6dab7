package org.consentgov.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consentgov.gateway.openapi.MergedOpenApiRoute;
import org.consentgov.gateway.openapi.OpenApiMerger;
import org.consentgov.platform.testing.OpenApiSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The suite's merged OpenAPI document kept for the console, which generates its typed client from it at build time
 * (console/openapi/suite.json): merged from the three services' kept documents exactly as the gateway's
 * /q/openapi merges the live ones. Rewrite it after an API change with {@code -Dopenapi.snapshot.update=true} (after
 * the services' own kept documents), and review the diff with the console's.
 */
class MergedOpenApiSnapshotTest {

    static final Path KEPT = Path.of("../console/openapi/suite.json");
    /** The realm of the local suite (quarkus.oidc.auth-server-url's default); a running gateway names its own. */
    static final String REALM = "http://localhost:8180/realms/governance";

    /** Each upstream of the gateway (gateway.upstreams.* in application.properties) and its service's kept document. */
    static final Map<String, Path> KEPT_DOCUMENTS = Map.of(
            "agreements",
                    Path.of("../sharing-agreement-service/src/test/resources/openapi/sharing-agreement-service.json"),
            "consent", Path.of("../consent-service/src/test/resources/openapi/consent-service.json"),
            "notice", Path.of("../notice-service/src/test/resources/openapi/notice-service.json"));

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theKeptSuiteDocumentIsTheMergeOfTheServicesKeptDocuments() throws IOException {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (Map.Entry<String, Path> kept : KEPT_DOCUMENTS.entrySet()) {
            documents.put(kept.getKey(), json.readTree(kept.getValue().toFile()));
        }

        OpenApiMerger.Result merged = MergedOpenApiRoute.merge(json, documents, REALM);

        assertThat(merged.conflicts())
                .as("paths or schemas of one name in two services: the merged document would keep only one")
                .isEmpty();
        ObjectNode info = merged.document().with("info");
        info.put(
                "description",
                info.path("description").asText()
                        + " This copy (console/openapi/suite.json, for the console's generated client) is merged from"
                        + " the services' kept documents, with the local suite's realm (" + REALM + ") in the OpenID"
                        + " Connect URL; a running gateway serves the same at /q/openapi, with its own realm's.");
        OpenApiSnapshot.assertMatchesKeptFile(
                json.writeValueAsString(merged.document()), KEPT, "the suite's merged OpenAPI document");
    }

    @Test
    void theMergeHoldsEveryServicesPathsAndSchemas() throws IOException {
        // while the kept copy is being rewritten it may still be the old one
        assumeFalse(Boolean.getBoolean("openapi.snapshot.update"), "the kept copy is being rewritten");
        JsonNode kept = json.readTree(KEPT.toFile());
        for (Path document : KEPT_DOCUMENTS.values()) {
            JsonNode service = json.readTree(document.toFile());
            service.path("paths")
                    .fieldNames()
                    .forEachRemaining(path -> assertThat(kept.path("paths").has(path))
                            .as("%s of %s", path, document)
                            .isTrue());
            service.path("components")
                    .path("schemas")
                    .fields()
                    .forEachRemaining(schema -> assertThat(
                                    kept.path("components").path("schemas").path(schema.getKey()))
                            .as("schema %s of %s", schema.getKey(), document)
                            .isEqualTo(schema.getValue()));
        }
    }
}
