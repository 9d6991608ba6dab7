package org.consentgov.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into one for the whole suite: every path, every schema (a
 * schema name two services define differently is kept from the first and reported), every tag, and an
 * OpenID Connect security scheme so that Swagger UI's "Authorize" logs in against Keycloak.
 */
public final class OpenApiMerger {

    /** The merged document and the conflicts found while merging. */
    public record Result(ObjectNode document, List<String> conflicts) {}

    private OpenApiMerger() {}

    public static Result merge(
            ObjectMapper json, Map<String, JsonNode> byService, String title, String version, String openIdConnectUrl) {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", title);
        info.put("version", version);
        info.put(
                "description",
                "One document for every service of the suite, as routed by the gateway: "
                        + String.join(", ", byService.keySet()) + ".");
        doc.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode schemes = components.putObject("securitySchemes");
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        Set<String> seenPaths = new LinkedHashSet<>();

        byService.forEach((service, document) -> {
            document.path("paths").fields().forEachRemaining(e -> {
                if (!seenPaths.add(e.getKey())) {
                    // the same path in two services: only shared platform endpoints do this; keep the first
                    if (!e.getKey().startsWith("/public/vocabulary")) {
                        conflicts.add("path " + e.getKey() + " is defined by more than one service; kept the first");
                    }
                    return;
                }
                paths.set(e.getKey(), e.getValue());
            });
            document.path("components").path("schemas").fields().forEachRemaining(e -> {
                JsonNode existing = schemas.get(e.getKey());
                if (existing == null) {
                    schemas.set(e.getKey(), e.getValue());
                } else if (!existing.equals(e.getValue())) {
                    conflicts.add("schema " + e.getKey() + " differs in " + service + "; kept the first");
                }
            });
            document.path("components")
                    .path("securitySchemes")
                    .fields()
                    .forEachRemaining(e -> schemes.set(e.getKey(), e.getValue()));
            for (Iterator<JsonNode> it = document.path("tags").elements(); it.hasNext(); ) {
                JsonNode tag = it.next();
                tags.putIfAbsent(tag.path("name").asText(), tag);
            }
        });
        ObjectNode oidc = schemes.putObject("oidc");
        oidc.put("type", "openIdConnect");
        oidc.put("openIdConnectUrl", openIdConnectUrl);
        oidc.put("description", "Log in against the suite's Keycloak realm");
        ArrayNode tagList = doc.putArray("tags");
        tags.values().forEach(tagList::add);
        return new Result(doc, List.copyOf(conflicts));
    }
}
