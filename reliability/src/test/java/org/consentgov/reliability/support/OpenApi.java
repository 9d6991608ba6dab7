package org.consentgov.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads a running service's own OpenAPI document (/q/openapi). */
public final class OpenApi {

    private OpenApi() {}

    /** One operation: the path template and its operationId. */
    public record Operation(String service, String path, String operationId) {
        @Override
        public String toString() {
            return service + " POST " + path + " (" + operationId + ")";
        }
    }

    /** Every POST operation of the service that takes an {@code Idempotency-Key} header. */
    public static List<Operation> idempotentPosts(ServiceProcess service) {
        JsonNode doc = Api.anonymous(service)
                .header("Accept", "application/json")
                .get("/q/openapi?format=json")
                .expect(200)
                .json();
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode post = path.getValue().path("post");
            if (post.isMissingNode()) {
                continue;
            }
            List<JsonNode> parameters = new ArrayList<>();
            path.getValue().path("parameters").forEach(parameters::add);
            post.path("parameters").forEach(parameters::add);
            for (JsonNode p : parameters) {
                JsonNode resolved = p.has("$ref") ? resolve(doc, p.get("$ref").asText()) : p;
                if ("header".equals(resolved.path("in").asText())
                        && "Idempotency-Key"
                                .equalsIgnoreCase(resolved.path("name").asText())) {
                    out.add(new Operation(
                            service.name(),
                            path.getKey(),
                            post.path("operationId").asText()));
                    break;
                }
            }
        }
        return out;
    }

    private static JsonNode resolve(JsonNode doc, String ref) {
        JsonNode node = doc;
        for (String part : ref.replaceFirst("^#/", "").split("/")) {
            node = node.path(part);
        }
        return node;
    }
}
