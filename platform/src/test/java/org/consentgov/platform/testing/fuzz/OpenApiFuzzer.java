package org.consentgov.platform.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Fuzzes a running service from its own OpenAPI document: for every operation it sends valid values, values
 * at the edges and invalid values of every kind (wrong types, missing fields, too long strings, numbers out
 * of range or beyond any Java type, bad enums, bad UUIDs and dates, NUL bytes and other odd text, nested
 * junk, malformed JSON, wrong content types, odd headers), then checks the house rules on every response:
 * <ul>
 * <li>no 5xx;</li>
 * <li>every 4xx is {@code application/problem+json} with type, title and the same status;</li>
 * <li>no body carries a stack trace, a Java class or package name, SQL or a database error ({@link Leaks});</li>
 * <li>a batch of requests that were all rejected leaves the database as it was (a fingerprint before and
 * after, when the test gives one).</li>
 * </ul>
 * A run is repeatable from its seed ({@link FuzzSettings}); each request's choices come from the seed and
 * its index alone, and a failure names both.
 */
public final class OpenApiFuzzer {

    static final int BATCH = 6;
    static final int MAX_URL = 3800;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final String service;
    private final URI base;
    private final String openApiJson;
    private final FuzzSettings settings;
    private final List<String> tokens;
    private final Supplier<Map<String, String>> fingerprint;
    private final Predicate<String> excluded;
    private final Duration rateLimitPatience;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Harvest harvest = new Harvest();

    private OpenApiFuzzer(Builder b) {
        this.service = b.service;
        this.base = b.base;
        this.openApiJson = b.openApiJson;
        this.settings = b.settings;
        this.tokens = List.copyOf(b.tokens);
        this.fingerprint = b.fingerprint;
        this.excluded = b.excluded;
        this.rateLimitPatience = b.rateLimitPatience;
    }

    public static Builder forService(String service) {
        return new Builder(service);
    }

    /** An operation of the document: method, path template, parameters, body. */
    record Op(
            String method,
            String path,
            List<Parameter> parameters,
            String mediaType,
            Schema<?> body,
            boolean bodyRequired) {
        String key() {
            return method + " " + path;
        }
    }

    /** One request as sent, for the report. */
    record Sent(int index, String how, Op op, String method, String url, Map<String, String> headers, byte[] body) {
        String describe() {
            StringBuilder out = new StringBuilder("#" + index + " [" + how + "] " + method + " " + url);
            headers.forEach((k, v) -> out.append("\n    ")
                    .append(k)
                    .append(": ")
                    .append(k.equals("Authorization") ? v.substring(0, Math.min(v.length(), 16)) + "…" : clip(v, 200)));
            if (body != null) {
                out.append("\n    body: ").append(clip(new String(body, StandardCharsets.UTF_8), 600));
            }
            return out.toString();
        }
    }

    record Failure(Sent request, int status, String contentType, String body, String reason) {
        @Override
        public String toString() {
            return reason + "\n  " + request.describe() + "\n  -> " + status + " " + contentType + "\n    "
                    + clip(body, reason.startsWith("db-changed") ? 6000 : 800);
        }
    }

    // ---- the run

    public FuzzReport run() {
        List<Op> ops = operations();
        if (ops.isEmpty()) {
            throw new IllegalStateException(service + ": the OpenAPI document has no operations to fuzz");
        }
        FuzzReport report = new FuzzReport(service, settings, ops.size());
        int[] tokenIndex = new int[ops.size()];
        List<Integer> writers = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (!"GET".equals(ops.get(i).method())) {
                writers.add(i);
            }
        }
        Map<String, String> before = null;
        int batches = (settings.requests() + BATCH - 1) / BATCH;
        int index = 0;
        for (int b = 0; b < batches; b++) {
            int batchKind = new Random(mix(settings.seed(), -1 - b)).nextInt(100);
            boolean invalidBatch = batchKind < 65;
            // most invalid batches go to the operations that write, so that their rejections can be checked
            // against the database (a GET that ignores a bad query parameter answers 200 and spoils a batch)
            boolean writesOnly = batchKind < 40 && !writers.isEmpty();
            if (invalidBatch && fingerprint != null && before == null) {
                before = fingerprint.get();
            }
            boolean allRejected = true;
            List<Sent> batch = new ArrayList<>();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < BATCH && index < settings.requests(); i++, index++) {
                Random random = new Random(mix(settings.seed(), index));
                int opIndex = writesOnly
                        ? writers.get(Math.floorMod(index * 7919 + b, writers.size()))
                        : Math.floorMod(index * 7919 + b, ops.size());
                Op op = ops.get(opIndex);
                Sent sent = build(index, op, invalidBatch, random, tokenIndex[opIndex]);
                HttpResponse<byte[]> response = send(sent, report);
                if (response == null) {
                    allRejected = false;
                    continue;
                }
                batch.add(sent);
                int status = response.statusCode();
                statuses.add(status);
                if (status == 403
                        && sent.headers().containsKey("Authorization")
                        && tokenIndex[opIndex] < tokens.size() - 1
                        && !sent.how().startsWith("header-authorization")) {
                    tokenIndex[opIndex]++;
                }
                if (status < 400) {
                    allRejected = false;
                }
                check(sent, response, report);
            }
            if (invalidBatch && fingerprint != null) {
                if (allRejected && !batch.isEmpty()) {
                    Map<String, String> after = fingerprint.get();
                    report.dbChecks++;
                    report.dbCheckedRequests += batch.size();
                    if (!after.equals(before)) {
                        List<String> changed = new ArrayList<>();
                        for (Map.Entry<String, String> table : after.entrySet()) {
                            if (!Objects.equals(table.getValue(), before == null ? null : before.get(table.getKey()))) {
                                changed.add(table.getKey());
                            }
                        }
                        report.fail(
                                new Failure(
                                        batch.get(0),
                                        0,
                                        "",
                                        "tables changed: " + changed + "\n  answers: " + statuses + "\n  batch:\n  "
                                                + String.join(
                                                        "\n  ",
                                                        batch.stream()
                                                                .map(Sent::describe)
                                                                .toList()),
                                        "db-changed: a batch of rejected requests changed " + changed),
                                batch.get(0).op().key());
                    }
                    before = after;
                } else {
                    before = null;
                }
            } else {
                before = null;
            }
        }
        return report;
    }

    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private List<Op> operations() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(openApiJson, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            throw new IllegalStateException(service + ": OpenAPI document not readable: " + result.getMessages());
        }
        List<Op> ops = new ArrayList<>();
        new TreeMap<>(api.getPaths()).forEach((path, item) -> {
            Map<PathItem.HttpMethod, Operation> byMethod = item.readOperationsMap();
            byMethod.forEach((method, operation) -> {
                String m = method.name();
                if (!METHODS.contains(m) || excluded.test(m + " " + path)) {
                    return;
                }
                List<Parameter> parameters = new ArrayList<>();
                if (item.getParameters() != null) {
                    parameters.addAll(item.getParameters());
                }
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                String mediaType = null;
                Schema<?> body = null;
                boolean required = false;
                if (operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null
                        && !operation.getRequestBody().getContent().isEmpty()) {
                    Map<String, MediaType> content = operation.getRequestBody().getContent();
                    mediaType = content.containsKey("application/json")
                            ? "application/json"
                            : content.keySet().iterator().next();
                    body = content.get(mediaType).getSchema();
                    required = Boolean.TRUE.equals(operation.getRequestBody().getRequired());
                }
                ops.add(new Op(m, path, parameters, mediaType, body, required));
            });
        });
        return ops;
    }

    // ---- building requests

    private static final List<String> BODY_KINDS =
            List.of("body-field", "body-field", "body-field", "body-whole", "raw-json", "raw-json", "content-type");
    private static final List<String> ANY_KINDS = List.of("header", "extra-query");

    private Sent build(int index, Op op, boolean invalidBatch, Random random, int tokenIndex) {
        SchemaValues values = new SchemaValues(random, harvest);
        Map<String, String> headers = new LinkedHashMap<>();
        boolean anonymous = random.nextInt(100) < 4;
        if (!anonymous && !tokens.isEmpty()) {
            headers.put("Authorization", "Bearer " + tokens.get(Math.min(tokenIndex, tokens.size() - 1)));
        }
        String kind;
        if (!invalidBatch) {
            kind = random.nextInt(10) < 7 ? "valid" : "edges";
        } else {
            List<String> kinds = new ArrayList<>(ANY_KINDS);
            if (!op.parameters().isEmpty()) {
                kinds.addAll(List.of("param", "param", "param", "param"));
            }
            if (op.mediaType() != null) {
                kinds.addAll(BODY_KINDS);
            } else if (!"GET".equals(op.method()) && random.nextInt(4) == 0) {
                kinds.add("unexpected-body");
            }
            kind = kinds.get(random.nextInt(kinds.size()));
        }
        boolean edges = "edges".equals(kind);
        String how = anonymous ? "anonymous " + kind : kind;

        // parameters
        Parameter broken = null;
        if ("param".equals(kind)) {
            broken = op.parameters().get(random.nextInt(op.parameters().size()));
        }
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (Parameter p : op.parameters()) {
            String in = p.getIn();
            boolean required = Boolean.TRUE.equals(p.getRequired()) || "path".equals(in);
            Object value;
            if (p == broken) {
                if (!"path".equals(in) && random.nextInt(5) == 0) {
                    how += " omit " + in + ":" + p.getName();
                    continue;
                }
                SchemaValues.Mutant mutant = values.invalid(p.getSchema(), true);
                how += " " + in + ":" + p.getName() + "=" + mutant.how();
                value = mutant.value();
            } else {
                if (!required && !edges && random.nextInt(3) == 0) {
                    continue;
                }
                value = values.valid(p.getSchema(), p.getName(), edges, 0);
            }
            String text = scalar(value);
            switch (in) {
                case "path" -> path = path.replace("{" + p.getName() + "}", encode(text));
                case "query" -> {
                    if (value instanceof List<?> list) {
                        for (Object item : list) {
                            appendQuery(query, p.getName(), scalar(item));
                        }
                    } else {
                        appendQuery(query, p.getName(), text);
                    }
                }
                case "header" -> {
                    if (!isRestricted(p.getName())) {
                        headers.put(p.getName(), headerSafe(text));
                    }
                }
                default -> {}
            }
        }
        if ("extra-query".equals(kind)) {
            String[] names = {"unknown", "page", "size", "limit", "sort", "q", "filter", "offset", "cursor"};
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                appendQuery(query, names[random.nextInt(names.length)], values.pick(SchemaValues.ODD_URL_STRINGS));
            }
            how += " " + query;
        }

        // body
        byte[] body = null;
        if (op.mediaType() != null
                && (op.bodyRequired()
                        || random.nextInt(5) > 0
                        || kind.startsWith("body")
                        || kind.equals("raw-json")
                        || kind.equals("content-type"))) {
            String mediaType = op.mediaType().contains("*") ? "application/json" : op.mediaType();
            boolean ndjson = mediaType.contains("ndjson");
            Schema<?> schema = op.body();
            Schema<?> itemSchema =
                    ndjson && schema != null && "array".equals(SchemaValues.type(values.effective(schema)))
                            ? values.effective(schema).getItems()
                            : schema;
            String text;
            switch (kind) {
                case "body-field" -> {
                    Object tree = values.valid(itemSchema, null, false, 0);
                    String[] description = new String[1];
                    tree = mutateTree(values, itemSchema, tree, random, description, "body", 0);
                    how += " " + description[0];
                    text = Json.write(tree);
                }
                case "body-whole" -> {
                    SchemaValues.Mutant mutant = values.invalid(itemSchema, false);
                    how += " " + mutant.how();
                    text = Json.write(mutant.value());
                }
                default -> {
                    if (ndjson) {
                        StringBuilder lines = new StringBuilder();
                        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                            lines.append(Json.write(values.valid(itemSchema, null, edges, 0)))
                                    .append('\n');
                        }
                        text = lines.toString();
                    } else {
                        text = Json.write(values.valid(schema, null, edges, 0));
                    }
                }
            }
            if ("raw-json".equals(kind)) {
                RawJson raw = RawJson.breaking(text, random);
                how += " " + raw.how();
                body = raw.bytes();
                headers.put("Content-Type", mediaType);
            } else if ("content-type".equals(kind)) {
                String type = values.pick(List.of(
                        "text/plain",
                        "application/xml",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data",
                        "application/json; charset=ebcdic",
                        "application/json; charset=utf-16",
                        "image/png",
                        "application/octet-stream",
                        "*/*",
                        "garbage",
                        "application/",
                        ";;;",
                        "text/csv",
                        "application/x-ndjson",
                        "application/merge-patch+json"));
                how += " " + type;
                headers.put("Content-Type", type);
                body = text.getBytes(StandardCharsets.UTF_8);
                if (random.nextInt(4) == 0) {
                    headers.remove("Content-Type");
                    how += " (none)";
                }
            } else {
                headers.put("Content-Type", mediaType);
                body = text.getBytes(StandardCharsets.UTF_8);
            }
        } else if ("unexpected-body".equals(kind)) {
            headers.put("Content-Type", "application/json");
            body = Json.write(values.invalid(null, false).value()).getBytes(StandardCharsets.UTF_8);
        }

        if ("header".equals(kind)) {
            String[][] odd = {
                {"If-Match", "\"unterminated"},
                {"If-Match", "W/\"x\""},
                {"If-Match", "*"},
                {"If-Match", "\"" + "9".repeat(300) + "\""},
                {"If-None-Match", "garbage"},
                {"Idempotency-Key", ""},
                {"Idempotency-Key", "k".repeat(400)},
                {"Idempotency-Key", "' OR 1=1 --"},
                {"X-Request-Id", "x".repeat(500)},
                {"X-Request-Id", "<script>"},
                {"Accept", "application/xml"},
                {"Accept", "text/html;q=0.1, image/png"},
                {"Accept", "garbage"},
                {"Accept-Language", "xx-invalid;q=abc"},
                {"Accept-Encoding", "br;q=2"},
                {"traceparent", "00-zz-zz-01"},
                {"Authorization", "Bearer"},
                {"Authorization", "Bearer a.b.c"},
                {"Authorization", "Basic Zm9vOmJhcg=="},
                {"Authorization", "Bearer " + "e".repeat(5000)},
                {"Content-Type", "application/json"},
                {"Range", "bytes=0-1"},
                {"X-Forwarded-For", "not-an-ip"},
                {"Forwarded", "for=\"[::1"}
            };
            String[] header = odd[random.nextInt(odd.length)];
            headers.put(header[0], header[1]);
            how = how.replace("header", "header-" + header[0].toLowerCase()) + "=" + clip(header[1], 40);
        }

        String url = base.toString().replaceFirst("/$", "") + path + (query.length() == 0 ? "" : "?" + query);
        if (url.length() > MAX_URL) {
            // beyond the HTTP server's request-line limit (quarkus.http.limits.max-initial-line-length, 4096) the
            // connection layer answers 414 before any application code runs: not what is fuzzed here
            url = url.substring(0, MAX_URL).replaceFirst("%[0-9A-F]?$", "");
            how += " (url cut to " + MAX_URL + ")";
        }
        return new Sent(index, how, op, op.method(), url, headers, body);
    }

    /** Breaks one thing inside a valid body tree: a field's value, a required field, an unknown field. */
    @SuppressWarnings("unchecked")
    private Object mutateTree(
            SchemaValues values,
            Schema<?> schema,
            Object tree,
            Random random,
            String[] description,
            String where,
            int depth) {
        Schema<?> s = values.effective(schema);
        if (tree instanceof Map<?, ?> map
                && s != null
                && s.getProperties() != null
                && !s.getProperties().isEmpty()) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
            List<String> present = required.stream().filter(copy::containsKey).toList();
            int action = random.nextInt(10);
            if (action < 2 && !present.isEmpty()) {
                String gone = present.get(random.nextInt(present.size()));
                copy.remove(gone);
                description[0] = "missing-required " + where + "." + gone;
                return copy;
            }
            if (action == 2) {
                copy.put("unknownField" + random.nextInt(10), "x");
                description[0] = "unknown-field in " + where;
                return copy;
            }
            List<String> names = new ArrayList<>(s.getProperties().keySet());
            String name = names.get(random.nextInt(names.size()));
            Schema<?> property = s.getProperties().get(name);
            Object current = copy.get(name);
            if ((current instanceof Map || current instanceof List) && depth < 6 && random.nextBoolean()) {
                copy.put(
                        name,
                        mutateTree(values, property, current, random, description, where + "." + name, depth + 1));
                return copy;
            }
            SchemaValues.Mutant mutant = values.invalid(property, false);
            copy.put(name, mutant.value());
            description[0] = where + "." + name + "=" + mutant.how();
            return copy;
        }
        if (tree instanceof List<?> list && s != null && s.getItems() != null && !list.isEmpty()) {
            List<Object> copy = new ArrayList<>(list);
            int i = random.nextInt(copy.size());
            Object current = copy.get(i);
            if ((current instanceof Map || current instanceof List) && depth < 6 && random.nextBoolean()) {
                copy.set(
                        i,
                        mutateTree(
                                values, s.getItems(), current, random, description, where + "[" + i + "]", depth + 1));
                return copy;
            }
            SchemaValues.Mutant mutant = values.invalid(s.getItems(), false);
            copy.set(i, mutant.value());
            description[0] = where + "[" + i + "]=" + mutant.how();
            return copy;
        }
        SchemaValues.Mutant mutant = values.invalid(schema, false);
        description[0] = where + "=" + mutant.how();
        return mutant.value();
    }

    private static boolean isRestricted(String header) {
        return List.of("host", "content-length", "connection", "expect", "upgrade")
                .contains(header.toLowerCase());
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return Json.write(value);
        }
        return value.toString();
    }

    /** A header value the HTTP client accepts: visible ASCII and spaces only. */
    private static String headerSafe(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString().trim();
    }

    private static void appendQuery(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(encode(name)).append('=').append(encode(value));
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '~'
                    || c == '.') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    // ---- sending and checking

    private HttpResponse<byte[]> send(Sent sent, FuzzReport report) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(sent.url())).timeout(Duration.ofSeconds(30));
            sent.headers().forEach(request::header);
            request.method(
                    sent.method(),
                    sent.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(sent.body()));
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                // once more, on a new connection: the server may have closed a kept-alive one meanwhile
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            // a gateway's rate limit: wait as its Retry-After says and ask again, within the patience given
            long deadline = System.nanoTime() + rateLimitPatience.toNanos();
            while (response.statusCode() == 429 && System.nanoTime() < deadline) {
                long seconds = response.headers()
                        .firstValue("Retry-After")
                        .map(String::trim)
                        .filter(v -> v.matches("[0-9]{1,4}"))
                        .map(Long::parseLong)
                        .orElse(1L);
                Thread.sleep(
                        Duration.ofSeconds(Math.max(1, Math.min(seconds, 10))).toMillis());
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            report.count(sent, response.statusCode());
            return response;
        } catch (IllegalArgumentException e) {
            report.unsendable++;
            return null;
        } catch (IOException e) {
            report.count(sent, -1);
            report.fail(
                    new Failure(sent, -1, "", String.valueOf(e), "no-response: the connection failed or was reset"),
                    sent.op().key());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void check(Sent sent, HttpResponse<byte[]> response, FuzzReport report) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String key = sent.op().key();
        if (status >= 500) {
            report.fail(new Failure(sent, status, contentType, body, "5xx"), key);
        }
        if (status >= 400) {
            String problem = problemDefect(status, contentType, body);
            if (problem != null) {
                report.fail(new Failure(sent, status, contentType, body, "not-a-problem: " + problem), key);
            }
        }
        Leaks.find(body)
                .ifPresent(leak -> report.fail(new Failure(sent, status, contentType, body, "leak: " + leak), key));
        response.headers()
                .map()
                .forEach((name, headerValues) -> headerValues.forEach(v -> Leaks.find(v)
                        .ifPresent(leak -> report.fail(
                                new Failure(sent, status, contentType, body, "leak in header " + name + ": " + leak),
                                key))));
        if (status >= 200 && status < 300 && contentType.contains("json")) {
            try {
                harvest.add(MAPPER.readTree(body));
            } catch (IOException | RuntimeException e) {
                // not JSON after all (e.g. ndjson): nothing to harvest
            }
        }
    }

    static String problemDefect(int status, String contentType, String body) {
        if (!contentType.toLowerCase().startsWith("application/problem+json")) {
            return "Content-Type is '" + contentType + "'";
        }
        JsonNode problem;
        try {
            problem = MAPPER.readTree(body);
        } catch (IOException e) {
            return "body is not JSON";
        }
        if (problem == null || !problem.isObject()) {
            return "body is not a JSON object";
        }
        if (!problem.path("type").isTextual() || problem.path("type").asText().isBlank()) {
            return "no type";
        }
        if (!problem.path("title").isTextual() || problem.path("title").asText().isBlank()) {
            return "no title";
        }
        if (problem.path("status").asInt(-1) != status) {
            return "status " + problem.path("status") + " differs from " + status;
        }
        return null;
    }

    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replace("\u0000", "\\0");
        return flat.length() <= max ? flat : flat.substring(0, max) + "… (" + flat.length() + " chars)";
    }

    // ---- the builder

    public static final class Builder {
        private final String service;
        private URI base;
        private String openApiJson;
        private FuzzSettings settings;
        private final List<String> tokens = new ArrayList<>();
        private Supplier<Map<String, String>> fingerprint;
        private Predicate<String> excluded = op -> false;
        private Duration rateLimitPatience = Duration.ZERO;

        private Builder(String service) {
            this.service = service;
        }

        /** The running service, e.g. the {@code @TestHTTPResource("/")} URL. */
        public Builder baseUri(URI base) {
            this.base = base;
            return this;
        }

        /** The OpenAPI document (JSON or YAML); without it, it is fetched from {@code /q/openapi?format=json}. */
        public Builder openApi(String document) {
            this.openApiJson = document;
            return this;
        }

        public Builder settings(FuzzSettings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * Bearer tokens to try, best first: an operation that answers 403 to one moves on to the next (the point is
         * input handling, not authorization). A few requests go out without a token.
         */
        public Builder tokens(String... tokens) {
            this.tokens.addAll(List.of(tokens));
            return this;
        }

        /** The database fingerprint to take around batches of rejected requests (see DatabaseFingerprint). */
        public Builder fingerprint(Supplier<Map<String, String>> fingerprint) {
            this.fingerprint = fingerprint;
            return this;
        }

        /** Operations ("METHOD /path/{template}") left out, e.g. ones that only stream. */
        public Builder exclude(Predicate<String> operation) {
            this.excluded = this.excluded.or(operation);
            return this;
        }

        /**
         * Through a rate-limited gateway: a 429 is waited out as its {@code Retry-After} says and the request sent
         * again, for up to {@code patience} per request (default zero: a 429 is an answer like any other).
         */
        public Builder honourRateLimit(Duration patience) {
            this.rateLimitPatience = patience;
            return this;
        }

        public OpenApiFuzzer build() {
            Objects.requireNonNull(base, "baseUri");
            if (settings == null) {
                settings = FuzzSettings.fromSystemProperties(3500);
            }
            if (openApiJson == null) {
                openApiJson = fetch(base);
            }
            return new OpenApiFuzzer(this);
        }

        private static String fetch(URI base) {
            try {
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(
                                                base.toString().replaceFirst("/$", "") + "/q/openapi?format=json"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET /q/openapi answered " + response.statusCode());
                }
                return response.body();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
