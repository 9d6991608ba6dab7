package org.consentgov.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.consentgov.e2e.support.LocalSuite;
import org.consentgov.e2e.support.NodeTools;
import org.consentgov.e2e.support.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * The API contract of the running suite (DESIGN §9, "OpenAPI documents with descriptions and examples that lint
 * clean"): each service's OpenAPI document and the gateway's merged one lint without error with Spectral
 * ({@code .spectral.yaml}: Spectral's OpenAPI rules, the OWASP API Security ruleset and the suite's own), and a
 * TypeScript client generated from the merged document (openapi-generator, typescript-fetch) compiles with
 * {@code tsc} in strict mode and works against the suite; the merged document's paths and schemas are the ones kept
 * for the console's generated client ({@code console/openapi/suite.json}).
 *
 * <p>Artefacts: {@code target/openapi/*.json} (the documents), {@code *.spectral.json} (Spectral's findings) and
 * {@code spectral-summary.txt}; {@code target/ts-client} (the generated client, {@code smoke.ts}, the compiled
 * {@code dist}); {@code target/node/*.out|err} (every npm, Spectral, tsc and node run). Needs Node.js 18+ with npm;
 * skipped with the reason when they are missing.
 */
@E2eTest
@Order(5)
class ApiContractE2eTest {

    static final Path MODULE =
            Path.of(System.getProperty("e2e.basedir", ".")).toAbsolutePath().normalize();
    static final Path TARGET =
            Path.of(System.getProperty("e2e.target", "target")).toAbsolutePath().normalize();
    static final Path DOCUMENTS = TARGET.resolve("openapi");
    static final Path TS_CLIENT = TARGET.resolve("ts-client");
    static final String MERGED = "gateway-merged";
    /** The merged document the console's client is generated from (kept by the gateway's MergedOpenApiSnapshotTest). */
    static final Path KEPT_FOR_CONSOLE =
            MODULE.resolve("../console/openapi/suite.json").normalize();

    static final Duration LINT_TIMEOUT = Duration.ofMinutes(3);
    static final Duration TSC_TIMEOUT = Duration.ofMinutes(3);
    static final Duration SMOKE_TIMEOUT = Duration.ofMinutes(1);
    /** A demo consent of ./run's demo data (consent-service demo/consents.json): effective for the research purpose. */
    static final String DEMO_NHS_NUMBER = "9990000018";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static NodeTools node;
    private static Map<String, Path> documents;

    @BeforeAll
    static void nodeAndItsTools() {
        Optional<String> unavailable = NodeTools.unavailable();
        assumeTrue(unavailable.isEmpty(), () -> "skipped: " + unavailable.orElseThrow());
        node = new NodeTools(MODULE, TARGET.resolve("node"));
        node.install();
    }

    @Test
    void everyServicesDocumentAndTheMergedOneLintWithoutErrors(LocalSuite suite) {
        Map<String, Path> fetched = fetchDocuments(suite);

        Map<String, List<JsonNode>> findings = new LinkedHashMap<>();
        fetched.forEach((name, file) -> findings.put(name, lint(name, file)));
        String summary = summarise(findings);
        write(DOCUMENTS.resolve("spectral-summary.txt"), summary);
        System.out.println(summary);

        // Errors already known and tracked (spectral/known-errors.txt) may only go away; any other error fails.
        java.util.Set<String> known = knownErrors();
        java.util.Set<String> found = new java.util.TreeSet<>();
        List<String> errors = new ArrayList<>();
        findings.forEach((name, results) -> results.stream()
                .filter(r -> r.path("severity").asInt() == 0)
                .forEach(r -> {
                    found.add(key(name, r));
                    if (!known.contains(key(name, r))) {
                        errors.add(name + ": " + describe(r));
                    }
                }));
        assertThat(errors)
                .as("Spectral errors (.spectral.yaml) in the OpenAPI documents; every finding is in "
                        + DOCUMENTS.resolve("spectral-summary.txt"))
                .isEmpty();
        assertThat(known)
                .as("known errors that no longer occur: remove them from spectral/known-errors.txt")
                .allMatch(found::contains);
    }

    private static java.util.Set<String> knownErrors() {
        try {
            return Files.readAllLines(Path.of("spectral/known-errors.txt")).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String key(String document, JsonNode result) {
        List<String> path = new ArrayList<>();
        result.path("path").forEach(p -> path.add(p.asText()));
        return document + " | " + result.path("code").asText() + " | " + String.join(" > ", path);
    }

    @Test
    void theMergedDocumentHasEveryServicesOperationsAndSchemas(LocalSuite suite) {
        Map<String, Path> fetched = fetchDocuments(suite);
        JsonNode merged = read(fetched.get(MERGED));

        assertThat(merged.path("info").has("x-missing-services"))
                .as(
                        "services the gateway could not reach: %s",
                        merged.path("info").path("x-missing-services").asText())
                .isFalse();
        Map<String, String> mergedIds = operationIds(merged);
        List<String> replacedSchemas = new ArrayList<>();
        fetched.forEach((name, file) -> {
            if (!name.equals(MERGED)) {
                JsonNode document = read(file);
                assertThat(mergedIds)
                        .as("the merged document holds every operation of %s (by operationId)", name)
                        .containsAllEntriesOf(operationIds(document));
                // the gateway keeps the first of two schemas with one name: the other service's operations would
                // then point at a foreign type (and so would a client generated from the merged document)
                document.path("components").path("schemas").fields().forEachRemaining(schema -> {
                    if (!schema.getValue()
                            .equals(merged.path("components").path("schemas").path(schema.getKey()))) {
                        replacedSchemas.add(name + " schema " + schema.getKey());
                    }
                });
            }
        });
        assertThat(replacedSchemas)
                .as("schemas of one name that differ between services, so that the merged document"
                        + " keeps only one of them: rename one (@Schema(name = ...))")
                .isEmpty();
    }

    /**
     * The console generates its client at build time from the kept copy (console/openapi/suite.json, written by the
     * gateway's MergedOpenApiSnapshotTest from the services' kept documents): the running suite must serve what the
     * console was built against. Only paths and schemas are compared; the description and the realm's URL are the
     * running gateway's own.
     */
    @Test
    void theLiveMergedDocumentHasThePathsAndSchemasKeptForTheConsole(LocalSuite suite) {
        JsonNode live = read(fetchDocuments(suite).get(MERGED));
        JsonNode kept = read(KEPT_FOR_CONSOLE);

        String rewrite = "the running suite's merged document differs from " + KEPT_FOR_CONSOLE
                + ": rewrite the services' kept documents and then the console's with -Dopenapi.snapshot.update=true"
                + " (MergedOpenApiSnapshotTest in the gateway)";
        assertThat(differingKeys(live.path("paths"), kept.path("paths")))
                .as("paths: %s", rewrite)
                .isEmpty();
        assertThat(differingKeys(
                        live.path("components").path("schemas"),
                        kept.path("components").path("schemas")))
                .as("components.schemas: %s", rewrite)
                .isEmpty();
        assertThat(live.path("paths")).isEqualTo(kept.path("paths"));
        assertThat(live.path("components").path("schemas"))
                .isEqualTo(kept.path("components").path("schemas"));
    }

    /** The keys of two objects that are in one only or differ between them, each with where it differs. */
    private static List<String> differingKeys(JsonNode live, JsonNode kept) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        live.fieldNames().forEachRemaining(keys::add);
        kept.fieldNames().forEachRemaining(keys::add);
        List<String> differing = new ArrayList<>();
        for (String key : keys) {
            if (!live.has(key)) {
                differing.add(key + " (only in the kept copy)");
            } else if (!kept.has(key)) {
                differing.add(key + " (only in the running suite)");
            } else if (!live.get(key).equals(kept.get(key))) {
                differing.add(key + " (differs)");
            }
        }
        return differing;
    }

    @Test
    void aTypeScriptClientGeneratedFromTheMergedDocumentCompilesAndWorksAgainstTheSuite(LocalSuite suite)
            throws IOException {
        Path merged = fetchDocuments(suite).get(MERGED);

        generateTypeScriptClient(merged, TS_CLIENT);
        Path ts = MODULE.resolve("src/test/ts");
        Files.copy(ts.resolve("smoke.ts"), TS_CLIENT.resolve("smoke.ts"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                ts.resolve("tsconfig.json"), TS_CLIENT.resolve("tsconfig.json"), StandardCopyOption.REPLACE_EXISTING);

        NodeTools.Result tsc = node.run(
                "tsc",
                TSC_TIMEOUT,
                Map.of(),
                "npx",
                "--no",
                "--",
                "tsc",
                "-p",
                TS_CLIENT.resolve("tsconfig.json").toString());
        assertThat(tsc.exitCode())
                .as("tsc (strict) on the generated client and smoke.ts:\n%s", tsc.describe())
                .isZero();

        NodeTools.Result smoke = node.run(
                "ts-smoke",
                SMOKE_TIMEOUT,
                Map.of(
                        "GATEWAY_URL", LocalSuite.GATEWAY,
                        "ACCESS_TOKEN", Tokens.user("caseworker"),
                        "NHS_NUMBER", DEMO_NHS_NUMBER,
                        "NOTICE", E2eTestData.RESEARCH_NOTICE,
                        "PURPOSE", E2eTestData.RESEARCH_PURPOSE),
                "node",
                TS_CLIENT.resolve("dist/smoke.js").toString());
        assertThat(smoke.exitCode())
                .as("node dist/smoke.js:\n%s", smoke.describe())
                .isZero();

        JsonNode seen =
                JSON.readTree(smoke.stdout().strip().lines().reduce((a, b) -> b).orElse("{}"));
        List<String> slugs = new ArrayList<>();
        seen.path("notices").forEach(n -> slugs.add(n.asText()));
        assertThat(slugs)
                .as("notices listed through the client")
                .contains(E2eTestData.RESEARCH_NOTICE, E2eTestData.EDUCATION_NOTICE);
        assertThat(seen.path("totalNotices").asInt()).as("every page read").isEqualTo(slugs.size());
        assertThat(seen.path("consented").asBoolean())
                .as("check for demo subject %s: %s", DEMO_NHS_NUMBER, seen)
                .isTrue();
        assertThat(seen.path("recordId").asText()).as("the record relied on").isNotBlank();
        assertThat(seen.path("noticeVersion").asInt())
                .as("the notice version relied on")
                .isPositive();
        assertThat(seen.path("checkedAt").asText())
                .as("a date-time parsed to a Date by the client")
                .endsWith("Z");
        JsonNode notFound = seen.path("notFound");
        assertThat(notFound.path("status").asInt())
                .as("an unknown notice, through the client: %s", seen)
                .isEqualTo(404);
        assertThat(notFound.path("contentType").asText()).startsWith("application/problem+json");
        assertThat(notFound.path("code").asText()).isEqualTo("not-found");
    }

    // ---------------------------------------------------------------------------------------------------

    /**
     * Each service's own document (from its port, as run started it) and the gateway's merged one, pretty-printed;
     * fetched once for the class.
     */
    private static synchronized Map<String, Path> fetchDocuments(LocalSuite suite) {
        if (documents != null) {
            return documents;
        }
        Map<String, Path> fetched = new LinkedHashMap<>();
        try {
            Files.createDirectories(DOCUMENTS);
            suite.services().forEach((service, port) -> {
                if (!service.equals("gateway")) {
                    fetched.put(service, save(service, "http://localhost:" + port + "/q/openapi?format=json"));
                }
            });
            fetched.put(MERGED, save(MERGED, LocalSuite.GATEWAY + "/q/openapi"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        documents = java.util.Collections.unmodifiableMap(fetched);
        return fetched;
    }

    private static Path save(String name, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
            Path file = DOCUMENTS.resolve(name + ".json");
            // pretty-printed, so that Spectral's line numbers mean something
            write(file, JSON.writeValueAsString(JSON.readTree(response.body())));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Spectral's findings for one document, as its JSON formatter writes them. */
    private static List<JsonNode> lint(String name, Path document) {
        Path output = DOCUMENTS.resolve(name + ".spectral.json");
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NodeTools.Result result = node.run(
                "spectral-" + name,
                LINT_TIMEOUT,
                Map.of(),
                "npx",
                "--no",
                "--",
                "spectral",
                "lint",
                "-r",
                ".spectral.yaml",
                "-f",
                "json",
                "-o",
                output.toString(),
                "--quiet",
                document.toString());
        // 0: no error, 1: errors found (listed in the output); anything else is Spectral failing to run
        assertThat(result.exitCode())
                .as("spectral lint %s:\n%s", document, result.describe())
                .isIn(0, 1);
        assertThat(output).as("spectral's JSON output:\n%s", result.describe()).isRegularFile();
        List<JsonNode> findings = new ArrayList<>();
        read(output).forEach(findings::add);
        return findings;
    }

    private static String summarise(Map<String, List<JsonNode>> findings) {
        StringBuilder out = new StringBuilder("Spectral (.spectral.yaml) on the suite's OpenAPI documents\n");
        findings.forEach((name, results) -> {
            Map<Integer, Long> bySeverity = results.stream()
                    .collect(Collectors.groupingBy(
                            r -> r.path("severity").asInt(), TreeMap::new, Collectors.counting()));
            out.append("\n== ")
                    .append(name)
                    .append(": ")
                    .append(bySeverity.getOrDefault(0, 0L))
                    .append(" errors, ")
                    .append(bySeverity.getOrDefault(1, 0L))
                    .append(" warnings, ")
                    .append(bySeverity.getOrDefault(2, 0L) + bySeverity.getOrDefault(3, 0L))
                    .append(" infos/hints\n");
            Map<String, Long> byRule = results.stream()
                    .collect(Collectors.groupingBy(
                            r -> severity(r) + " " + r.path("code").asText(), TreeMap::new, Collectors.counting()));
            byRule.forEach((rule, count) -> out.append(String.format("   %4d  %s%n", count, rule)));
            results.stream()
                    .sorted(Comparator.comparingInt(
                                    (JsonNode r) -> r.path("severity").asInt())
                            .thenComparing(r -> r.path("code").asText()))
                    .forEach(r -> out.append("   - ").append(describe(r)).append('\n'));
        });
        return out.toString();
    }

    private static String describe(JsonNode result) {
        List<String> path = new ArrayList<>();
        result.path("path").forEach(p -> path.add(p.asText()));
        return severity(result) + " " + result.path("code").asText() + " at " + String.join(" > ", path) + " (line "
                + (result.path("range").path("start").path("line").asInt() + 1) + "): "
                + result.path("message").asText();
    }

    private static String severity(JsonNode result) {
        return switch (result.path("severity").asInt()) {
            case 0 -> "error";
            case 1 -> "warning";
            case 2 -> "info";
            default -> "hint";
        };
    }

    /** operationId to "METHOD path", for every operation of a document. */
    private static Map<String, String> operationIds(JsonNode document) {
        Map<String, String> ids = new TreeMap<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (op.getValue().has("operationId")) {
                        ids.put(
                                op.getValue().path("operationId").asText(),
                                op.getKey().toUpperCase() + " " + path.getKey());
                    }
                }));
        return ids;
    }

    /** openapi-generator as a library: typescript-fetch, ES6, into a clean folder. */
    private static void generateTypeScriptClient(Path document, Path output) throws IOException {
        if (Files.exists(output)) {
            try (Stream<Path> files = Files.walk(output)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        CodegenConfigurator config = new CodegenConfigurator()
                .setGeneratorName("typescript-fetch")
                .setInputSpec(document.toString())
                .setOutputDir(output.toString())
                .setAdditionalProperties(new LinkedHashMap<>(Map.of("supportsES6", true)));
        List<java.io.File> files =
                new DefaultGenerator().opts(config.toClientOptInput()).generate();
        assertThat(files).as("files generated").isNotEmpty();
        assertThat(output.resolve("index.ts")).isRegularFile();
        assertThat(output.resolve("runtime.ts")).isRegularFile();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
