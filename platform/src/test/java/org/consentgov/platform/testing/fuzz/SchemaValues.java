package org.consentgov.platform.testing.fuzz;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Values for an OpenAPI schema: valid ones, valid ones at the edges, and invalid ones of every kind. A value
 * is a JSON tree of {@code Map}, {@code List}, {@code String}, {@code BigInteger}, {@code BigDecimal},
 * {@code Boolean} and {@code null}.
 */
final class SchemaValues {

    /** Strings that should be handled as any other text (or rejected with a 4xx), never with a 5xx. */
    static final List<String> ODD_STRINGS = List.of(
            "\u0000",
            "a\u0000b",
            "nul\u0000",
            "\u202Eevil",
            "zero\u200Bwidth",
            "\uFEFFbom",
            "😀🧒👨‍👩‍👧",
            "e\u0301\u0301\u0301",
            "ẞİıǅ",
            "\u0007\u001b[31m",
            "line\nbreak",
            "tab\tand\rcr",
            "' OR '1'='1",
            "\"; --",
            "%",
            "_",
            "%00",
            "\\",
            "../../../etc/passwd",
            "<script>alert(1)</script>",
            "${jndi:ldap://example.invalid/a}",
            "{{7*7}}",
            "#{7*7}",
            "   ",
            "",
            "null",
            "undefined",
            "NaN",
            "-0",
            "0x10",
            "1e999",
            "١٢٣",
            "𝟙𝟚𝟛",
            "\uD800",
            "\uDFFF",
            "\uFFFF",
            "a".repeat(257),
            "é".repeat(300),
            "Ω".repeat(2049));

    /** The same for places that cannot carry unpaired surrogates (URLs): the string must encode to UTF-8. */
    static final List<String> ODD_URL_STRINGS = ODD_STRINGS.stream()
            .filter(s -> !s.contains("\uD800") && !s.contains("\uDFFF"))
            .toList();

    static final List<String> BAD_UUIDS = List.of(
            "not-a-uuid",
            "00000000-0000-0000-0000-00000000000g",
            "1234",
            "00000000000000000000000000000000",
            "{00000000-0000-0000-0000-000000000000}",
            "00000000-0000-0000-0000-0000000000000",
            "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
            "-1",
            "ffffffff-ffff-ffff-ffff-fffffffffffff");
    static final List<String> BAD_DATES = List.of(
            "2024-02-30",
            "2024-13-01",
            "2023-02-29",
            "24-1-1",
            "2024/01/01",
            "01-01-2024",
            "+999999999-12-31",
            "-999999999-01-01",
            "99999-01-01",
            "0000-00-00",
            "2024-01-01T00:00:00Z",
            "today",
            "2024-1-1",
            "2024-01-32");
    static final List<String> BAD_DATE_TIMES = List.of(
            "2024-02-30T10:00:00Z",
            "2024-01-01T25:00:00Z",
            "2024-01-01",
            "yesterday",
            "2024-01-01T00:00:00+25:00",
            "+999999999-12-31T23:59:59Z",
            "1970-01-01T00:00:00",
            "2024-01-01 10:00",
            "9".repeat(40));
    static final List<String> HUGE_NUMBERS = List.of(
            "99999999999999999999999999999999999999",
            "-99999999999999999999999999999999",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483648",
            "-2147483649",
            "1e400",
            "-1e400",
            "1E+2147483647",
            "0.0000000000000000000000000000000001",
            "1" + "0".repeat(1200));

    private final Random random;
    private final Harvest harvest;

    SchemaValues(Random random, Harvest harvest) {
        this.random = random;
        this.harvest = harvest;
    }

    // ---- reading schemas (OpenAPI 3.0 and 3.1 shapes)

    static String type(Schema<?> s) {
        if (s == null) {
            return null;
        }
        if (s.getType() != null) {
            return s.getType();
        }
        if (s.getTypes() != null) {
            for (String t : s.getTypes()) {
                if (!"null".equals(t)) {
                    return t;
                }
            }
        }
        if (s.getProperties() != null || s.getAdditionalProperties() instanceof Schema<?>) {
            return "object";
        }
        if (s.getItems() != null) {
            return "array";
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            Object first = s.getEnum().get(0);
            return first instanceof Number ? "number" : "string";
        }
        return null;
    }

    static boolean nullable(Schema<?> s) {
        return s != null
                && (Boolean.TRUE.equals(s.getNullable())
                        || (s.getTypes() != null && s.getTypes().contains("null")));
    }

    /** The schema with allOf merged and one branch of oneOf/anyOf chosen. */
    Schema<?> effective(Schema<?> s) {
        return effective(s, 0);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Schema<?> effective(Schema<?> s, int depth) {
        if (s == null || depth > 8) {
            return s;
        }
        if (s.getAllOf() != null && !s.getAllOf().isEmpty()) {
            Schema merged = new Schema();
            Map<String, Schema> properties = new LinkedHashMap<>();
            Set<String> required = new LinkedHashSet<>();
            for (Schema part : s.getAllOf()) {
                Schema<?> e = effective(part, depth + 1);
                copyConstraints(e, merged);
                if (e.getProperties() != null) {
                    properties.putAll(e.getProperties());
                }
                if (e.getRequired() != null) {
                    required.addAll(e.getRequired());
                }
            }
            copyConstraints(s, merged);
            if (s.getProperties() != null) {
                properties.putAll(s.getProperties());
            }
            if (s.getRequired() != null) {
                required.addAll(s.getRequired());
            }
            if (!properties.isEmpty()) {
                merged.setProperties(properties);
                merged.setType("object");
            }
            merged.setRequired(new ArrayList<>(required));
            return merged;
        }
        List<Schema> choices = s.getOneOf() != null && !s.getOneOf().isEmpty()
                ? s.getOneOf()
                : s.getAnyOf() != null && !s.getAnyOf().isEmpty() ? s.getAnyOf() : null;
        if (choices != null) {
            List<Schema> nonNull = choices.stream()
                    .filter(c -> !"null".equals(c.getType())
                            && !(c.getTypes() != null
                                    && c.getTypes().size() == 1
                                    && c.getTypes().contains("null")))
                    .toList();
            Schema<?> chosen = nonNull.isEmpty() ? choices.get(0) : nonNull.get(random.nextInt(nonNull.size()));
            return effective(chosen, depth + 1);
        }
        return s;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void copyConstraints(Schema<?> from, Schema to) {
        if (type(from) != null && to.getType() == null) {
            to.setType(type(from));
        }
        if (from.getFormat() != null) {
            to.setFormat(from.getFormat());
        }
        if (from.getEnum() != null) {
            to.setEnum(from.getEnum());
        }
        if (from.getMaxLength() != null) {
            to.setMaxLength(from.getMaxLength());
        }
        if (from.getMinLength() != null) {
            to.setMinLength(from.getMinLength());
        }
        if (from.getPattern() != null) {
            to.setPattern(from.getPattern());
        }
        if (from.getMinimum() != null) {
            to.setMinimum(from.getMinimum());
        }
        if (from.getMaximum() != null) {
            to.setMaximum(from.getMaximum());
        }
        if (from.getItems() != null) {
            to.setItems(from.getItems());
        }
        if (from.getMaxItems() != null) {
            to.setMaxItems(from.getMaxItems());
        }
        if (from.getMinItems() != null) {
            to.setMinItems(from.getMinItems());
        }
        if (from.getExample() != null) {
            to.setExample(from.getExample());
        }
        if (from.getAdditionalProperties() != null) {
            to.setAdditionalProperties(from.getAdditionalProperties());
        }
    }

    // ---- valid values

    Object valid(Schema<?> schema, String name, boolean edges, int depth) {
        Schema<?> s = effective(schema);
        if (s == null) {
            return "x";
        }
        if (s.getConst() != null) {
            return jsonValue(s.getConst());
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            List<?> values = s.getEnum().stream().filter(v -> v != null).toList();
            if (!values.isEmpty()) {
                return jsonValue(values.get(random.nextInt(values.size())));
            }
        }
        String type = type(s);
        if (edges && nullable(s) && random.nextInt(4) == 0) {
            return null;
        }
        if (name != null && !"object".equals(type) && !"array".equals(type) && random.nextInt(3) > 0) {
            Object harvested = harvest.pick(name, random);
            if (harvested != null && fits(s, harvested)) {
                return harvested;
            }
        }
        Object example = example(s);
        if (example != null && !edges && random.nextInt(3) == 0 && fits(s, example)) {
            return example;
        }
        if (type == null) {
            return random.nextBoolean() ? "any" : BigInteger.valueOf(random.nextInt(10));
        }
        return switch (type) {
            case "object" -> validObject(s, edges, depth);
            case "array" -> validArray(s, name, edges, depth);
            case "integer" -> validInteger(s, edges);
            case "number" -> validNumber(s, edges);
            case "boolean" -> random.nextBoolean();
            default -> validString(s, edges);
        };
    }

    private Object example(Schema<?> s) {
        if (s.getExample() != null) {
            return jsonValue(s.getExample());
        }
        if (s.getExamples() != null && !s.getExamples().isEmpty()) {
            return jsonValue(s.getExamples().get(random.nextInt(s.getExamples().size())));
        }
        return null;
    }

    /** Whether a scalar fits a string/number schema well enough to be used as a valid value. */
    private static boolean fits(Schema<?> s, Object value) {
        String type = type(s);
        if (value instanceof Map || value instanceof List) {
            return "object".equals(type) || "array".equals(type) || type == null;
        }
        if ("string".equals(type)) {
            if (!(value instanceof String str)) {
                return false;
            }
            if (s.getMaxLength() != null && str.length() > s.getMaxLength()) {
                return false;
            }
            if (s.getMinLength() != null && str.length() < s.getMinLength()) {
                return false;
            }
            if (s.getPattern() != null) {
                try {
                    return Pattern.compile(s.getPattern()).matcher(str).find();
                } catch (PatternSyntaxException e) {
                    return true;
                }
            }
            return true;
        }
        if ("integer".equals(type)) {
            return value instanceof BigInteger || (value instanceof String str && str.matches("-?\\d{1,9}"));
        }
        if ("number".equals(type)) {
            return value instanceof Number;
        }
        if ("boolean".equals(type)) {
            return value instanceof Boolean;
        }
        return true;
    }

    static Object jsonValue(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue());
        }
        if (v instanceof com.fasterxml.jackson.databind.JsonNode node) {
            return Json.toTree(node);
        }
        if (v instanceof java.util.Date || v instanceof java.time.temporal.Temporal || v instanceof UUID) {
            return v.toString();
        }
        return v;
    }

    private Map<String, Object> validObject(Schema<?> s, boolean edges, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> required = s.getRequired() == null ? Set.of() : new LinkedHashSet<>(s.getRequired());
        boolean allOptional = edges ? random.nextBoolean() : false;
        if (s.getProperties() != null) {
            s.getProperties().forEach((name, property) -> {
                if (Boolean.TRUE.equals(property.getReadOnly())) {
                    return;
                }
                boolean include =
                        required.contains(name) || (depth < 4 && (edges ? allOptional : random.nextInt(10) < 6));
                if (include) {
                    out.put(name, valid(property, name, edges, depth + 1));
                }
            });
        }
        if (s.getAdditionalProperties() instanceof Schema<?> values && depth < 4 && out.isEmpty()) {
            int n = random.nextInt(3);
            for (int i = 0; i < n; i++) {
                out.put("key" + i, valid(values, null, edges, depth + 1));
            }
        }
        return out;
    }

    private List<Object> validArray(Schema<?> s, String name, boolean edges, int depth) {
        int min = s.getMinItems() == null ? 0 : s.getMinItems();
        int max = s.getMaxItems() == null ? min + 3 : Math.min(s.getMaxItems(), min + (edges ? 60 : 3));
        if (depth >= 4) {
            max = min;
        }
        int n = edges ? (random.nextBoolean() ? min : max) : min + random.nextInt(Math.max(1, max - min + 1));
        List<Object> out = new ArrayList<>();
        Set<Object> seen = new LinkedHashSet<>();
        for (int i = 0; i < n * 3 && out.size() < n; i++) {
            Object item = valid(s.getItems(), name, edges, depth + 1);
            if (!Boolean.TRUE.equals(s.getUniqueItems()) || seen.add(item)) {
                out.add(item);
            }
        }
        return out;
    }

    private BigInteger validInteger(Schema<?> s, boolean edges) {
        BigInteger min = s.getMinimum() != null ? s.getMinimum().toBigInteger() : BigInteger.ONE;
        BigInteger max = s.getMaximum() != null ? s.getMaximum().toBigInteger() : min.add(BigInteger.valueOf(20));
        if (s.getExclusiveMinimumValue() != null) {
            min = s.getExclusiveMinimumValue().toBigInteger().add(BigInteger.ONE);
        }
        if (s.getExclusiveMaximumValue() != null) {
            max = s.getExclusiveMaximumValue().toBigInteger().subtract(BigInteger.ONE);
        }
        if (max.compareTo(min) < 0) {
            max = min;
        }
        if (edges) {
            return random.nextBoolean() ? min : max;
        }
        BigInteger span = max.subtract(min).min(BigInteger.valueOf(1000));
        return min.add(BigInteger.valueOf(random.nextInt(span.intValue() + 1)));
    }

    private BigDecimal validNumber(Schema<?> s, boolean edges) {
        BigDecimal min = s.getMinimum() != null ? s.getMinimum() : BigDecimal.ZERO;
        BigDecimal max = s.getMaximum() != null ? s.getMaximum() : min.add(BigDecimal.valueOf(100));
        if (edges) {
            return random.nextBoolean() ? min : max;
        }
        return min.add(max.subtract(min).multiply(BigDecimal.valueOf(random.nextInt(1000), 3)));
    }

    private String validString(Schema<?> s, boolean edges) {
        String format = s.getFormat() == null ? "" : s.getFormat();
        switch (format) {
            case "uuid":
                return new UUID(
                                random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L)
                        .toString();
            case "date":
                return LocalDate.of(2024, 1, 1)
                        .plusDays(edges ? (random.nextBoolean() ? -3650 : 3650) : random.nextInt(1500) - 400)
                        .toString();
            case "date-time":
                return OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                        .plusMinutes(random.nextInt(2_000_000) - 1_000_000)
                        .toString();
            case "email":
                return "person" + random.nextInt(1000) + "@example.org";
            case "uri":
            case "url":
                return "https://example.org/fuzz/" + random.nextInt(1000);
            case "byte":
                return java.util.Base64.getEncoder().encodeToString(("fuzz" + random.nextInt(1000)).getBytes());
            default:
                break;
        }
        int min = s.getMinLength() == null ? 1 : s.getMinLength();
        int max = s.getMaxLength() == null ? Math.max(min, 16) : s.getMaxLength();
        if (s.getPattern() != null) {
            String matching = matching(s.getPattern(), min, max);
            if (matching != null) {
                return matching;
            }
        }
        int length = edges
                ? (random.nextBoolean() ? min : Math.min(max, 5000))
                : min + random.nextInt(Math.max(1, Math.min(max, min + 12) - min + 1));
        return text(length, "abcdefghijklmnopqrstuvwxyz0123456789-");
    }

    /** Tries strings from a few alphabets until one matches the pattern; null if none does. */
    private String matching(String regex, int min, int max) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return null;
        }
        String[] alphabets = {
            "abcdefghijklmnopqrstuvwxyz",
            "abcdefghijklmnopqrstuvwxyz0123456789-",
            "0123456789",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            "abcdef0123456789",
            "a-z_.:0123456789"
        };
        for (int attempt = 0; attempt < 60; attempt++) {
            String alphabet = alphabets[attempt % alphabets.length];
            int length = Math.max(min, Math.min(max, 1 + random.nextInt(12)));
            String candidate = text(length, alphabet);
            if (pattern.matcher(candidate).matches()) {
                return candidate;
            }
        }
        return null;
    }

    String text(int length, String alphabet) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    // ---- invalid values

    /** A value that breaks the schema (or stresses it), with a short description of how. */
    Mutant invalid(Schema<?> schema, boolean forUrl) {
        Schema<?> s = effective(schema);
        String type = s == null ? null : type(s);
        List<Mutant> options = new ArrayList<>();
        // wrong kinds
        options.add(new Mutant("wrong-type-object", Map.of("junk", List.of(1, Map.of()))));
        options.add(new Mutant("wrong-type-array", List.of("a", BigInteger.ONE)));
        options.add(new Mutant("wrong-type-bool", Boolean.TRUE));
        options.add(new Mutant("null", null));
        options.add(new Mutant("nested-junk", nested(random.nextInt(40) + 5)));
        String odd = pick(forUrl ? ODD_URL_STRINGS : ODD_STRINGS);
        options.add(new Mutant("odd-string", odd));
        options.add(new Mutant("huge-number", new RawNumber(pick(HUGE_NUMBERS))));
        if (s != null) {
            if (s.getEnum() != null && !s.getEnum().isEmpty()) {
                String some = String.valueOf(s.getEnum().get(0));
                options.add(new Mutant("bad-enum", "NOT_" + some + "_X"));
                options.add(new Mutant(
                        "bad-enum-case", some.toUpperCase().equals(some) ? some.toLowerCase() : some.toUpperCase()));
                options.add(new Mutant("bad-enum-padded", " " + some + " "));
            }
            if ("string".equals(type) || type == null) {
                int max = s.getMaxLength() == null ? 4096 : s.getMaxLength();
                options.add(new Mutant(
                        "too-long", text(max + 1 + (random.nextBoolean() ? 0 : random.nextInt(5000)), "abcxyz")));
                options.add(new Mutant("too-long-unicode", "😀".repeat(Math.min(max + 1, 20000))));
                options.add(new Mutant("wrong-type-number", BigInteger.valueOf(random.nextInt(2000) - 1000)));
                if (s.getMinLength() != null && s.getMinLength() > 0) {
                    options.add(new Mutant("too-short", text(s.getMinLength() - 1, "abc")));
                }
                options.add(new Mutant("empty", ""));
                options.add(new Mutant("blank", "   "));
                if (s.getPattern() != null) {
                    options.add(new Mutant("pattern-breaking", "!!" + odd + "!!"));
                }
                String format = s.getFormat() == null ? "" : s.getFormat();
                switch (format) {
                    case "uuid" -> options.add(new Mutant("bad-uuid", pick(BAD_UUIDS)));
                    case "date" -> options.add(new Mutant("bad-date", pick(BAD_DATES)));
                    case "date-time" -> options.add(new Mutant("bad-date-time", pick(BAD_DATE_TIMES)));
                    case "email" -> options.add(new Mutant("bad-email", "not an email@@"));
                    case "uri", "url" -> options.add(new Mutant("bad-uri", "ht!tp://[::1"));
                    default -> {}
                }
                // the formats are often what the code parses by itself: weight them
                if (!format.isEmpty()) {
                    Mutant formatMutant = options.get(options.size() - 1);
                    options.add(formatMutant);
                    options.add(formatMutant);
                }
            }
            if ("integer".equals(type) || "number".equals(type)) {
                options.add(new Mutant("wrong-type-string", "abc"));
                options.add(new Mutant("numeric-string", "12"));
                options.add(new Mutant("fraction", new BigDecimal("1.5")));
                options.add(new Mutant("negative", BigInteger.valueOf(-1 - random.nextInt(100000))));
                options.add(new Mutant("zero", BigInteger.ZERO));
                if (s.getMaximum() != null) {
                    options.add(new Mutant(
                            "above-maximum", s.getMaximum().add(BigDecimal.ONE).toBigInteger()));
                }
                if (s.getMinimum() != null) {
                    options.add(new Mutant(
                            "below-minimum",
                            s.getMinimum().subtract(BigDecimal.ONE).toBigInteger()));
                }
                options.add(new Mutant("huge-number", new RawNumber(pick(HUGE_NUMBERS))));
            }
            if ("boolean".equals(type)) {
                options.add(new Mutant("wrong-type-string", "yes"));
                options.add(new Mutant("wrong-type-number", BigInteger.valueOf(2)));
            }
            if ("array".equals(type)) {
                options.add(new Mutant("wrong-type-string", "abc"));
                int max = s.getMaxItems() == null ? 2000 : s.getMaxItems() + 1;
                List<Object> many = new ArrayList<>();
                for (int i = 0; i < Math.min(max, 5000); i++) {
                    many.add(valid(s.getItems(), null, false, 4));
                }
                options.add(new Mutant("too-many-items", many));
                options.add(new Mutant("array-of-nulls", java.util.Arrays.asList(null, null)));
                if (s.getItems() != null) {
                    Mutant item = invalid(s.getItems(), forUrl);
                    List<Object> items = new ArrayList<>();
                    items.add(item.value());
                    options.add(new Mutant("bad-item-" + item.how(), items));
                }
            }
            if ("object".equals(type)) {
                options.add(new Mutant("wrong-type-string", "abc"));
                options.add(new Mutant("empty-object", new LinkedHashMap<>()));
            }
        }
        return options.get(random.nextInt(options.size()));
    }

    private Object nested(int depth) {
        Object inner = random.nextBoolean() ? "deep" : BigInteger.ONE;
        for (int i = 0; i < depth; i++) {
            inner = random.nextBoolean() ? new ArrayList<>(List.of(inner)) : new LinkedHashMap<>(Map.of("k", inner));
        }
        return inner;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A mutated value and how it was made. */
    record Mutant(String how, Object value) {}

    /** A number written verbatim into JSON (e.g. 1e400), beyond what Java's numbers can hold. */
    record RawNumber(String literal) {
        @Override
        public String toString() {
            return literal;
        }
    }
}
