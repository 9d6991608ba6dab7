package org.consentgov.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service's OpenAPI document, compared with the copy kept in {@code src/test/resources/openapi/}.
 * Front-ends generate clients from the document, so every change to it is made on purpose and shows in
 * review as a diff of that file: {@code git diff REV -- '*\/openapi/*.json'} lists what an API change
 * did. Rewrite the copies after an intended change with {@code ./mvnw verify -Dopenapi.snapshot.update=true}.
 */
public final class OpenApiSnapshot {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OpenApiSnapshot() {}

    /** Fails with the first differing lines unless {@code /q/openapi} equals the kept copy. */
    public static void assertMatchesKeptCopy(String service) {
        String live = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertMatchesKeptFile(
                live, Path.of("src/test/resources/openapi/" + service + ".json"), "the OpenAPI document of " + service);
    }

    /**
     * Fails unless {@code document}, normalised, equals the kept file; with {@code -Dopenapi.snapshot.update=true}
     * writes the file instead.
     *
     * @param what what the document is, for the failure message
     */
    public static void assertMatchesKeptFile(String document, Path kept, String what) {
        String live = normalised(document);
        try {
            if (Boolean.getBoolean("openapi.snapshot.update")) {
                Files.createDirectories(kept.toAbsolutePath().getParent());
                Files.writeString(kept, live, StandardCharsets.UTF_8);
                return;
            }
            assertThat(Files.exists(kept))
                    .as("%s is missing: write it with -Dopenapi.snapshot.update=true", kept)
                    .isTrue();
            String expected = Files.readString(kept, StandardCharsets.UTF_8);
            assertThat(live)
                    .as(
                            "%s changed; if on purpose, rewrite %s with -Dopenapi.snapshot.update=true and review the"
                                    + " diff",
                            what, kept)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Object keys sorted at every level, arrays kept in order, two-space indentation, one trailing newline. */
    static String normalised(String document) {
        try {
            return JSON.writeValueAsString(sorted(JSON.readTree(document))) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
