package org.consentgov.platform.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Scalar values seen in successful responses, by field name, so that later requests can name things that
 * exist (an id in a path, a slug in a body) and reach deeper than a 404.
 */
final class Harvest {

    private static final int PER_NAME = 48;
    private final Map<String, List<Object>> byName = new HashMap<>();
    private final Random evict = new Random(1);

    synchronized Object pick(String name, Random random) {
        List<Object> values = byName.get(key(name));
        if ((values == null || values.isEmpty())
                && key(name).endsWith("id")
                && key(name).length() > 2) {
            values = byName.get("id");
        }
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.get(random.nextInt(values.size()));
    }

    synchronized void add(JsonNode node) {
        add(null, node, 0);
    }

    private void add(String name, JsonNode node, int depth) {
        if (node == null || depth > 12) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> add(e.getKey(), e.getValue(), depth + 1));
        } else if (node.isArray()) {
            int n = 0;
            for (JsonNode item : node) {
                if (n++ > 50) {
                    break;
                }
                add(name, item, depth + 1);
            }
        } else if (name != null
                && (node.isTextual() || node.isIntegralNumber())
                && node.asText().length() <= 200) {
            Object value = node.isTextual() ? node.asText() : node.bigIntegerValue();
            if (Leaks.find(String.valueOf(value)).isPresent()) {
                return;
            }
            List<Object> values = byName.computeIfAbsent(key(name), k -> new ArrayList<>());
            if (values.contains(value)) {
                return;
            }
            if (values.size() < PER_NAME) {
                values.add(value);
            } else {
                values.set(evict.nextInt(PER_NAME), value);
            }
        }
    }

    private static String key(String name) {
        return name.toLowerCase();
    }
}
