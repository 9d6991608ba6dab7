package org.consentgov.notice.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The structured difference between two versions' content, and whether it is <em>material</em>: a change
 * that adds a purpose, a data category or a recipient, or changes a lawful basis or the consent terms.
 * Consents given under the older version need re-consent after a material change.
 */
public final class NoticeDiff {

    /** List fields compared item by item, and the key that identifies an item across versions. */
    private static final Map<String, Function<JsonNode, String>> KEYED = new LinkedHashMap<>();

    static {
        KEYED.put("dataCategories", JsonNode::asText);
        KEYED.put("purposes", n -> n.path("code").asText());
        KEYED.put("recipients", n -> n.path("name").asText());
        KEYED.put(
                "lawfulBases",
                n -> n.path("appliesTo").asText() + " " + n.path("basis").asText() + " "
                        + n.path("scope").asText(""));
        KEYED.put("rights", JsonNode::asText);
        KEYED.put("securityMeasures", n -> n.path("code").asText());
        KEYED.put("legalFramework", n -> n.path("code").asText());
        KEYED.put("controllers", n -> n.path("name").asText());
        KEYED.put("sources", n -> n.path("description").asText());
        KEYED.put("sharingReasons", JsonNode::asText);
        KEYED.put("dataSubjects", JsonNode::asText);
        KEYED.put("accessTerms", n -> n.path("recipient").asText());
    }

    public enum ChangeKind {
        ADDED,
        REMOVED,
        CHANGED
    }

    /** One change: the field (with the item's key for list items), what happened, and the values. */
    public record Change(String field, String key, ChangeKind kind, JsonNode before, JsonNode after) {}

    public record Result(boolean material, List<String> reasons, List<Change> changes) {}

    private NoticeDiff() {}

    public static Result between(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode a = before.path(field);
            JsonNode b = after.path(field);
            if (a.equals(b)) {
                continue;
            }
            Function<JsonNode, String> key = KEYED.get(field);
            if (key != null && (a.isArray() || a.isMissingNode()) && (b.isArray() || b.isMissingNode())) {
                changes.addAll(listChanges(field, a, b, key));
            } else {
                changes.add(new Change(field, null, ChangeKind.CHANGED, nullIfMissing(a), nullIfMissing(b)));
            }
        }
        List<String> reasons = new ArrayList<>();
        for (Change change : changes) {
            String reason = materialReason(change);
            if (reason != null && !reasons.contains(reason)) {
                reasons.add(reason);
            }
        }
        return new Result(!reasons.isEmpty(), List.copyOf(reasons), List.copyOf(changes));
    }

    private static String materialReason(Change change) {
        return switch (change.field()) {
            case "purposes" -> change.kind() == ChangeKind.ADDED ? "adds purpose " + change.key() : null;
            case "dataCategories" -> change.kind() == ChangeKind.ADDED ? "adds data category " + change.key() : null;
            case "recipients" -> change.kind() == ChangeKind.ADDED ? "adds recipient " + change.key() : null;
            case "lawfulBases" -> "changes lawful basis " + change.key().trim();
            case "consent" -> "changes the consent terms";
            default -> null;
        };
    }

    private static List<Change> listChanges(
            String field, JsonNode before, JsonNode after, Function<JsonNode, String> key) {
        Map<String, JsonNode> old = index(before, key);
        Map<String, JsonNode> now = index(after, key);
        List<Change> out = new ArrayList<>();
        old.forEach((k, v) -> {
            if (!now.containsKey(k)) {
                out.add(new Change(field, k, ChangeKind.REMOVED, v, null));
            } else if (!now.get(k).equals(v)) {
                out.add(new Change(field, k, ChangeKind.CHANGED, v, now.get(k)));
            }
        });
        now.forEach((k, v) -> {
            if (!old.containsKey(k)) {
                out.add(new Change(field, k, ChangeKind.ADDED, null, v));
            }
        });
        return out;
    }

    private static Map<String, JsonNode> index(JsonNode list, Function<JsonNode, String> key) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (list.isArray()) {
            for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
                JsonNode item = it.next();
                out.put(key.apply(item), item);
            }
        }
        return out;
    }

    private static JsonNode nullIfMissing(JsonNode node) {
        return node.isMissingNode() ? JsonNodeFactory.instance.nullNode() : node;
    }
}
