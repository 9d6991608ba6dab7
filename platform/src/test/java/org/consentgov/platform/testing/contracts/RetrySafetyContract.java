package org.consentgov.platform.testing.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every state change is safe to retry, read from a service's own OpenAPI document: every POST declares an
 * {@code Idempotency-Key} header, and every change of an existing resource (PUT, PATCH, DELETE, and a POST whose
 * path names a resource by a path parameter) requires {@code If-Match} and documents the 428 answered without it.
 * An operation may be exempt from these rules only with a reason, and an exemption for an operation the document
 * no longer has fails too, so the list cannot go stale. A service's test calls
 * {@link #assertRetrySafe(String, Map)} with {@code GET /q/openapi?format=json}; behaviour (a replayed response,
 * 428, 412, nothing changed) is tested per operation by the service.
 */
public final class RetrySafetyContract {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IF_MATCH = "If-Match";
    private static final Set<String> CHANGES = Set.of("put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RetrySafetyContract() {}

    /**
     * @param openApiJson the service's OpenAPI document as JSON
     * @param exemptions  "METHOD /path" (as the document spells the path) to the reason it is exempt
     * @throws AssertionError naming every operation that breaks a rule and every stale exemption
     */
    public static void assertRetrySafe(String openApiJson, Map<String, String> exemptions) {
        List<String> problems = problems(openApiJson, exemptions);
        if (!problems.isEmpty()) {
            throw new AssertionError("Operations that are not safe to retry:\n  " + String.join("\n  ", problems));
        }
    }

    /** What {@link #assertRetrySafe} would fail with, one line per operation or stale exemption. */
    public static List<String> problems(String openApiJson, Map<String, String> exemptions) {
        JsonNode document = read(openApiJson);
        Set<String> seen = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toLowerCase(Locale.ROOT);
                if (!method.equals("post") && !CHANGES.contains(method)) {
                    continue;
                }
                String name = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                seen.add(name);
                if (exemptions.containsKey(name)) {
                    continue;
                }
                List<JsonNode> parameters = parameters(document, path.getValue(), op.getValue());
                if (method.equals("post") && header(parameters, IDEMPOTENCY_KEY) == null) {
                    problems.add(name + ": POST without an Idempotency-Key header parameter");
                }
                boolean changesExisting =
                        CHANGES.contains(method) || path.getKey().contains("{");
                if (changesExisting) {
                    JsonNode ifMatch = header(parameters, IF_MATCH);
                    if (ifMatch == null) {
                        problems.add(name + ": changes an existing resource without an If-Match header parameter");
                    } else if (!ifMatch.path("required").asBoolean(false)) {
                        problems.add(name + ": If-Match is declared but not required");
                    }
                    if (!op.getValue().path("responses").has("428")) {
                        problems.add(name + ": no 428 (Precondition Required) response documented");
                    }
                }
            }
        }
        for (Map.Entry<String, String> exemption : exemptions.entrySet()) {
            if (!seen.contains(exemption.getKey())) {
                problems.add(exemption.getKey() + ": exempt (" + exemption.getValue()
                        + ") but no longer a POST, PUT, PATCH or DELETE of the document");
            } else if (exemption.getValue() == null || exemption.getValue().isBlank()) {
                problems.add(exemption.getKey() + ": exempt without a reason");
            }
        }
        return problems;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
    }

    /** Path-level and operation-level parameters, with {@code $ref}s to components resolved. */
    private static List<JsonNode> parameters(JsonNode document, JsonNode pathItem, JsonNode operation) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : source) {
                all.add(resolve(document, parameter));
            }
        }
        return all;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return target;
    }

    private static JsonNode header(List<JsonNode> parameters, String name) {
        for (JsonNode parameter : parameters) {
            if ("header".equals(parameter.path("in").asText())
                    && name.equalsIgnoreCase(parameter.path("name").asText())) {
                return parameter;
            }
        }
        return null;
    }
}
