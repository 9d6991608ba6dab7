package org.consentgov.notice.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.consentgov.notice.domain.NoticeContent;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The two seed privacy notices ship as structured demo data. Families were told what is in the seed
 * text, so the structured data must not leave anything out: the coverage table maps each phrase of the
 * seeds to the structured field that carries it, and the seeds' own lists are parsed here so that an
 * item nobody mapped fails the build.
 */
class SeedNoticeFidelityTest {

    private static final String WIMM = "what-it-means-to-me";
    private static final String CFE = "children-families-education";

    private static final Map<String, String> SEED_RESOURCES = Map.of(
            WIMM, "seeds/privacy-notice-what-it-means-to-me.txt",
            CFE, "seeds/privacy-notice-children-families-education.txt");

    private static final String COVERAGE_RESOURCE = "seeds/seed-coverage.tsv";
    private static final String VOCABULARY_RESOURCE = "vocabulary/vocabulary.json";
    private static final Path VOCABULARY_FALLBACK =
            Path.of("../platform/src/main/resources/vocabulary/vocabulary.json");

    private static final Set<String> FIELDS = Set.of(
            "dataCategories",
            "purposes",
            "recipients",
            "lawfulBases",
            "rights",
            "securityMeasures",
            "legalFramework",
            "transferMethods",
            "sharingReasons",
            "internationalTransfers",
            "accessTerms",
            "consent");

    /** The headings of each seed, in order; a heading's section runs to the next one. */
    private static final Map<String, List<String>> HEADINGS = Map.of(
            WIMM,
                    List.of(
                            "Who we are",
                            "What this project is about",
                            "What personal data we collect",
                            "Where the information comes from",
                            "Lawful basis for using your information",
                            "How your information is used",
                            "Who your information is shared with",
                            "How we keep your information safe"),
            CFE,
                    List.of(
                            "Personal data",
                            "Special category data",
                            "Purpose for using it",
                            "Lawful basis",
                            "Regional sufficiency project",
                            "Who we share it with",
                            "Why we share it with them",
                            "Any automated decision making or profiling",
                            "Transfer of data to another country",
                            "Retention period",
                            "Exercising your rights",
                            "Legal Framework for Information Exchange",
                            "What information do we hold, and about who",
                            "Why we collect and use pupil information",
                            "Storage and deletion"));

    private static final Pattern BULLET = Pattern.compile("^(\\s+)\u2022\\s*(.*)$");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .findAndRegisterModules();

    // --- a. the table quotes the seeds -------------------------------------------------------------

    @Test
    void everyPhraseOfTheCoverageTableIsQuotedFromItsSeedNotice() {
        List<String> problems = new ArrayList<>();
        for (CoverageRow row : coverage()) {
            if (!normalise(seedText(row.slug())).contains(row.phrase())) {
                problems.add(row + ": the phrase is not in " + SEED_RESOURCES.get(row.slug()));
            }
        }
        assertThat(problems)
                .as("coverage rows whose seed phrase is not verbatim seed text")
                .isEmpty();
    }

    @Test
    void theCoverageTableCoversBothNoticesWithKnownFields() {
        List<CoverageRow> rows = coverage();
        assertThat(rows).extracting(CoverageRow::slug).contains(WIMM, CFE);
        assertThat(rows)
                .as("rows naming a field that is not checked")
                .filteredOn(row -> !FIELDS.contains(row.field()))
                .isEmpty();
    }

    // --- b. the structured notices carry what the table expects ------------------------------------

    @Test
    void everyExpectedValueOfTheCoverageTableIsInTheStructuredNotice() {
        List<String> problems = new ArrayList<>();
        for (CoverageRow row : coverage()) {
            JsonNode content = demoContent(row.slug());
            if (!carries(content, row.field(), row.expected())) {
                problems.add(row + ": " + row.field() + " of " + row.slug() + ".json does not carry '" + row.expected()
                        + "'; it has " + describe(content, row.field()));
            }
        }
        assertThat(problems).as("seed phrases the structured notices leave out").isEmpty();
    }

    // --- c. nothing in the seeds' lists is left unmapped --------------------------------------------

    @Test
    void everyPersonalDataItemListedInTheChildrenFamiliesNoticeIsMapped() {
        List<String> items = commaList(paragraphAfter(CFE, "Personal data"));
        assertThat(items)
                .as("items parsed from the Personal data list")
                .hasSizeGreaterThan(25)
                .contains(
                        "Name",
                        "national Insurance number",
                        "details of family relationships",
                        "details of care (eg dates, reason, category of care)",
                        "SDQ score");
        assertMapped(CFE, "Personal data", items, Set.of("dataCategories"));
    }

    @Test
    void everySpecialCategoryItemListedInTheChildrenFamiliesNoticeIsMapped() {
        List<String> items = commaList(paragraphAfter(CFE, "Special category data"));
        assertThat(items)
                .as("items parsed from the Special category data list")
                .hasSizeGreaterThan(10)
                .contains("Disability", "ethnic origin code");
        assertMapped(CFE, "Special category data", items, Set.of("dataCategories"));
    }

    @Test
    void everyPurposeOfTheChildrenFamiliesNoticeIsMapped() {
        List<String> items = bullets(CFE, "Purpose for using it", false);
        assertThat(items).hasSize(6);
        assertMapped(CFE, "Purpose for using it", items, Set.of("purposes"));
    }

    @Test
    void everyRecipientNamedInTheChildrenFamiliesNoticeIsInTheData() {
        List<String> items = recipientItems(bullets(CFE, "Who we share it with", false));
        assertThat(items)
                .as("recipients parsed from Who we share it with")
                .hasSizeGreaterThanOrEqualTo(21)
                .contains("London Borough of Ealing (trading as the 'Commissioning Alliance')");
        assertMapped(CFE, "Who we share it with", items, Set.of("recipients"));
    }

    @Test
    void everyReasonForSharingInTheChildrenFamiliesNoticeIsMapped() {
        List<String> items = bullets(CFE, "Why we share it with them", false);
        assertThat(items).hasSize(6);
        assertMapped(CFE, "Why we share it with them", items, Set.of("sharingReasons"));
    }

    @Test
    void everyPartOfTheLegalFrameworkForInformationExchangeIsMapped() {
        List<String> items = bullets(CFE, "Legal Framework for Information Exchange", false);
        assertThat(items).hasSize(5);
        assertMapped(CFE, "Legal Framework for Information Exchange", items, Set.of("legalFramework"));
    }

    @Test
    void everyKindOfInformationTheChildrenFamiliesNoticeSaysItHoldsIsMapped() {
        List<String> items = bullets(CFE, "What information do we hold, and about who", false);
        assertThat(items).hasSize(8);
        assertMapped(CFE, "What information do we hold, and about who", items, Set.of("dataCategories"));
    }

    @Test
    void everyPurposeForUsingPupilInformationIsMapped() {
        List<String> items = bullets(CFE, "Why we collect and use pupil information", false);
        assertThat(items).hasSize(6);
        assertMapped(CFE, "Why we collect and use pupil information", items, Set.of("purposes"));
    }

    @Test
    void everyItemOfPersonalDataTheResearchCollectsIsMapped() {
        List<String> items = bullets(WIMM, "What personal data we collect", true);
        assertThat(items)
                .containsExactly(
                        "date of birth", "gender", "ethnicity", "religion", "care status", "health information");
        assertMapped(WIMM, "What personal data we collect", items, Set.of("dataCategories"));
    }

    @Test
    void everyArticle89SafeguardOfTheResearchIsMapped() {
        List<String> items = bullets(WIMM, "How your information is used", false);
        assertThat(items).hasSize(5);
        assertMapped(WIMM, "How your information is used", items, Set.of("securityMeasures"));
    }

    @Test
    void everyWayTheResearchKeepsInformationSafeIsMapped() {
        List<String> items = bullets(WIMM, "How we keep your information safe", false);
        assertThat(items).hasSize(8).contains("the Common Law Duty of Confidence", "paper copies are not used");
        assertMapped(
                WIMM,
                "How we keep your information safe",
                items,
                Set.of("securityMeasures", "legalFramework", "transferMethods"));
    }

    // --- d. every code is in the vocabulary ---------------------------------------------------------

    @Test
    void everyCodeUsedInTheDemoNoticesExistsInTheVocabulary() {
        JsonNode vocabulary = vocabulary();
        List<String> problems = new ArrayList<>();
        for (String slug : List.of(WIMM, CFE)) {
            JsonNode content = demoContent(slug);
            checkCodes(
                    problems,
                    slug,
                    "dataCategories",
                    texts(content.path("dataCategories")),
                    vocabulary,
                    "dataCategories");
            checkCodes(
                    problems, slug, "purposes[].code", texts(content.path("purposes"), "code"), vocabulary, "purposes");
            checkCodes(
                    problems,
                    slug,
                    "lawfulBases[].basis",
                    texts(content.path("lawfulBases"), "basis"),
                    vocabulary,
                    "lawfulBases");
            checkCodes(
                    problems,
                    slug,
                    "recipients[].organisationType",
                    texts(content.path("recipients"), "organisationType"),
                    vocabulary,
                    "organisationTypes");
            checkCodes(problems, slug, "rights", texts(content.path("rights")), vocabulary, "rights");
            checkCodes(
                    problems,
                    slug,
                    "securityMeasures[].code",
                    texts(content.path("securityMeasures"), "code"),
                    vocabulary,
                    "securityMeasures");
            checkCodes(
                    problems,
                    slug,
                    "legalFramework[].code",
                    texts(content.path("legalFramework"), "code"),
                    vocabulary,
                    "legalInstruments");
            checkCodes(
                    problems,
                    slug,
                    "transferMethods.allowed",
                    texts(content.path("transferMethods").path("allowed")),
                    vocabulary,
                    "transferMethods");
            checkCodes(
                    problems,
                    slug,
                    "transferMethods.forbidden",
                    texts(content.path("transferMethods").path("forbidden")),
                    vocabulary,
                    "transferMethods");
            checkCodes(
                    problems,
                    slug,
                    "consent.requiredParties",
                    texts(content.path("consent").path("requiredParties")),
                    vocabulary,
                    "partyRoles");
        }
        assertThat(problems).as("codes missing from " + VOCABULARY_RESOURCE).isEmpty();
    }

    @Test
    void theDemoNoticesPassThePublishRulesForLawfulBasesAndTransfers() {
        JsonNode vocabulary = vocabulary();
        Map<String, JsonNode> categories = byCode(vocabulary.path("dataCategories"));
        Map<String, JsonNode> bases = byCode(vocabulary.path("lawfulBases"));
        Map<String, JsonNode> methods = byCode(vocabulary.path("transferMethods"));
        List<String> problems = new ArrayList<>();
        for (String slug : List.of(WIMM, CFE)) {
            JsonNode content = demoContent(slug);
            List<JsonNode> uses = list(content.path("lawfulBases"));
            for (JsonNode use : uses) {
                JsonNode basis = bases.get(use.path("basis").asText());
                if (basis != null
                        && !texts(basis.path("conditionFor"))
                                .contains(use.path("appliesTo").asText())) {
                    problems.add(slug + ": " + use.path("basis").asText() + " is not a condition for "
                            + use.path("appliesTo").asText());
                }
                if (basis != null
                        && basis.path("consent").asBoolean()
                        && content.path("consent").hasNonNull("withdrawalWindowDays")) {
                    problems.add(slug + ": consent is the lawful basis, so withdrawal may not be limited to a window");
                }
            }
            List<String> codes = texts(content.path("dataCategories"));
            boolean special = codes.stream()
                    .map(categories::get)
                    .anyMatch(c -> c != null && c.path("special").asBoolean());
            boolean criminal = codes.stream()
                    .map(categories::get)
                    .anyMatch(c -> c != null && c.path("criminal").asBoolean());
            if (!hasBasis(uses, bases, "PERSONAL", kind -> kind.equals("ARTICLE_6"))) {
                problems.add(slug + ": personal data without an Article 6 basis for PERSONAL");
            }
            if (special && !hasBasis(uses, bases, "SPECIAL", kind -> kind.equals("ARTICLE_9"))) {
                problems.add(slug + ": special category data without an Article 9 basis for SPECIAL");
            }
            if (criminal
                    && !hasBasis(
                            uses, bases, "CRIMINAL", kind -> kind.equals("ARTICLE_10") || kind.equals("SCHEDULE_1"))) {
                problems.add(slug + ": criminal offence data without an Article 10 or Schedule 1 basis for CRIMINAL");
            }
            List<String> allowed = texts(content.path("transferMethods").path("allowed"));
            List<String> forbidden = texts(content.path("transferMethods").path("forbidden"));
            for (String method : allowed) {
                if (forbidden.contains(method)) {
                    problems.add(slug + ": transfer method " + method + " is both allowed and forbidden");
                }
                JsonNode known = methods.get(method);
                if (special && known != null && !known.path("secure").asBoolean()) {
                    problems.add(slug + ": insecure transfer method " + method + " allowed for special category data");
                }
            }
        }
        assertThat(problems).as("publish rules the demo notices break").isEmpty();
    }

    // --- e. the JSON is a valid NoticeContent -------------------------------------------------------

    @Test
    void bothDemoNoticesDeserialiseIntoNoticeContentWithoutViolations() {
        try (ValidatorFactory factory = validatorFactory()) {
            Validator validator = factory.getValidator();
            for (String slug : List.of(WIMM, CFE)) {
                NoticeContent content;
                try {
                    content = MAPPER.treeToValue(demoContent(slug), NoticeContent.class);
                } catch (IOException e) {
                    throw new AssertionError(
                            slug + ".json does not deserialise into NoticeContent: " + e.getMessage(), e);
                }
                Set<ConstraintViolation<NoticeContent>> violations = validator.validate(content);
                assertThat(violations.stream()
                                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                                .sorted()
                                .toList())
                        .as(slug + ".json Bean Validation violations")
                        .isEmpty();
            }
        }
    }

    @Test
    void eachDemoFileNamesItsSlugAndWhenItTookEffect() {
        assertThat(demoFile(WIMM).path("slug").asText()).isEqualTo(WIMM);
        assertThat(demoFile(WIMM).path("effectiveFrom").asText()).isEqualTo("2025-09-01T00:00:00Z");
        assertThat(demoFile(CFE).path("slug").asText()).isEqualTo(CFE);
        assertThat(demoFile(CFE).path("effectiveFrom").asText()).isEqualTo("2024-04-01T00:00:00Z");
        for (String slug : List.of(WIMM, CFE)) {
            List<String> fields = new ArrayList<>();
            demoFile(slug).fieldNames().forEachRemaining(fields::add);
            assertThat(fields)
                    .as(slug + ".json top-level fields")
                    .containsExactlyInAnyOrder("slug", "effectiveFrom", "content");
        }
    }

    @Test
    void everyRecipientHasAnOrganisationIdForTheRegister() {
        for (String slug : List.of(WIMM, CFE)) {
            assertThat(list(demoContent(slug).path("recipients")))
                    .as(slug + ": recipients without an organisationId")
                    .filteredOn(r -> r.path("organisationId").asText("").isBlank())
                    .extracting(r -> r.path("name").asText())
                    .isEmpty();
        }
    }

    @Test
    void theResearchNoticeForbidsPaperAndUnsecuredEmailAndAllowsOnlySecureTransfer() {
        JsonNode methods = demoContent(WIMM).path("transferMethods");
        assertThat(texts(methods.path("forbidden"))).contains("paper", "unsecured-email");
        assertThat(texts(methods.path("allowed")))
                .contains("system-access", "encrypted-file-transfer")
                .doesNotContain("paper", "unsecured-email");
    }

    @Test
    void theNoticesTellNoOneAboutAutomatedDecisionsTheyDoNotMake() {
        assertThat(demoContent(WIMM)
                        .path("automatedDecisionMaking")
                        .path("used")
                        .asBoolean(true))
                .isFalse();
        JsonNode cfe = demoContent(CFE).path("automatedDecisionMaking");
        assertThat(cfe.path("used").asBoolean(true)).isFalse();
        assertThat(cfe.path("description").asText())
                .as("the CFE notice's section is empty, and the data says so")
                .containsIgnoringCase("empty");
    }

    // --- seed parsing -------------------------------------------------------------------------------

    /** The bullet items of a heading's section; with {@code nestedOnly}, only the sub-bullets. */
    private static List<String> bullets(String slug, String heading, boolean nestedOnly) {
        List<String> lines = sectionLines(slug, heading);
        List<Matcher> matches =
                lines.stream().map(BULLET::matcher).filter(Matcher::matches).toList();
        assertThat(matches)
                .as("bullets under '" + heading + "' in " + SEED_RESOURCES.get(slug))
                .isNotEmpty();
        int outer = matches.stream().mapToInt(m -> m.group(1).length()).min().orElse(0);
        return matches.stream()
                .filter(m -> !nestedOnly || m.group(1).length() > outer)
                .map(m -> normalise(m.group(2)))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The first paragraph under a heading that is not the heading repeated. */
    private static String paragraphAfter(String slug, String heading) {
        return sectionLines(slug, heading).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty() && !s.equals(heading))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no paragraph under '" + heading + "' in " + SEED_RESOURCES.get(slug)));
    }

    /** The lines after a heading, up to the next heading of the same notice. */
    private static List<String> sectionLines(String slug, String heading) {
        List<String> lines = seedText(slug).lines().toList();
        Set<String> headings = Set.copyOf(HEADINGS.get(slug));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(heading)) {
                start = i;
                break;
            }
        }
        assertThat(start)
                .as("heading '" + heading + "' in " + SEED_RESOURCES.get(slug))
                .isNotNegative();
        int end = start + 1;
        // The CFE notice repeats its "Personal data" heading; a repeat does not end the section.
        while (end < lines.size()
                && !(headings.contains(lines.get(end).trim())
                        && !lines.get(end).trim().equals(heading))) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    /**
     * Splits a comma-separated list as a reader would: not inside parentheses ("details of care (eg dates,
     * reason, category of care)" is one item), and at the stray apostrophe that stands for a comma in
     * "national Insurance number' details of family relationships".
     */
    private static List<String> commaList(String paragraph) {
        String text = normalise(paragraph);
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        text = text.replaceAll("(?<=[a-z])' (?=[a-z])", ", ");
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
            if (c == ',' && depth == 0) {
                items.add(item.toString().trim());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString().trim());
        return items.stream().filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The CFE notice's last recipient bullet names two organisations, "Social Finance Limited (trading as
     * 'Social Finance'" and "London Borough of Ealing (trading as the 'Commissioning Alliance')", joined by
     * "and '"; each is a recipient of its own.
     */
    private static List<String> recipientItems(List<String> bullets) {
        List<String> items = new ArrayList<>();
        for (String bullet : bullets) {
            if (bullet.indexOf("(trading as") != bullet.lastIndexOf("(trading as")) {
                for (String part : bullet.split(" and ' ?")) {
                    items.add(part.trim());
                }
            } else {
                items.add(bullet);
            }
        }
        return items;
    }

    private static void assertMapped(String slug, String list, List<String> items, Set<String> fields) {
        Map<String, Set<String>> fieldsByPhrase = new LinkedHashMap<>();
        for (CoverageRow row : coverage()) {
            if (row.slug().equals(slug)) {
                fieldsByPhrase
                        .computeIfAbsent(row.phrase(), p -> new LinkedHashSet<>())
                        .add(row.field());
            }
        }
        List<String> unmapped = items.stream()
                .filter(item ->
                        fieldsByPhrase.getOrDefault(item, Set.of()).stream().noneMatch(fields::contains))
                .toList();
        assertThat(unmapped)
                .as(
                        "items of '%s' in %s with no row in %s mapping the item (verbatim, as the seed phrase) to %s",
                        list, SEED_RESOURCES.get(slug), COVERAGE_RESOURCE, fields)
                .isEmpty();
    }

    /** Curly quotes to straight, runs of whitespace to one space. */
    private static String normalise(String text) {
        return text.replace('\u2018', '\'')
                .replace('\u2019', '\'')
                .replace('\u201C', '"')
                .replace('\u201D', '"')
                .replace('\u00A0', ' ')
                .replaceAll("\\s+", " ")
                .trim();
    }

    // --- the coverage table -------------------------------------------------------------------------

    record CoverageRow(int line, String slug, String phrase, String field, String expected) {
        @Override
        public String toString() {
            return COVERAGE_RESOURCE + " line " + line + " [" + slug + " | " + phrase + " | " + field + " | " + expected
                    + "]";
        }
    }

    private static List<CoverageRow> coverage() {
        List<CoverageRow> rows = new ArrayList<>();
        List<String> lines = resource(COVERAGE_RESOURCE).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || (i == 0 && line.startsWith("notice-slug"))) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            assertThat(columns)
                    .as(COVERAGE_RESOURCE + " line " + (i + 1) + " must have four tab-separated columns: " + line)
                    .hasSize(4);
            assertThat(SEED_RESOURCES)
                    .as(COVERAGE_RESOURCE + " line " + (i + 1) + " names an unknown notice")
                    .containsKey(columns[0].trim());
            rows.add(new CoverageRow(
                    i + 1, columns[0].trim(), normalise(columns[1]), columns[2].trim(), columns[3].trim()));
        }
        return rows;
    }

    // --- the structured notices ---------------------------------------------------------------------

    private static boolean carries(JsonNode content, String field, String expected) {
        return switch (field) {
            case "dataCategories", "rights" -> texts(content.path(field)).contains(expected);
            case "purposes", "securityMeasures", "legalFramework" ->
                texts(content.path(field), "code").contains(expected);
            case "lawfulBases" -> texts(content.path(field), "basis").contains(expected);
            case "recipients" -> texts(content.path(field), "name").contains(expected);
            case "transferMethods" ->
                texts(content.path(field).path("allowed")).contains(expected)
                        || texts(content.path(field).path("forbidden")).contains(expected);
            case "sharingReasons" -> texts(content.path(field)).stream().anyMatch(reason -> reason.contains(expected));
            case "internationalTransfers" ->
                content.path(field).path("occurs").asBoolean()
                        && content.path(field).path("description").asText().contains(expected);
            case "consent" -> hasProperty(content.path(field), expected);
            case "accessTerms" -> list(content.path(field)).stream().anyMatch(term -> hasProperty(term, expected));
            default -> false;
        };
    }

    /** {@code name=value}: the property equals the value, or, for a list, contains it. */
    private static boolean hasProperty(JsonNode node, String expected) {
        int eq = expected.indexOf('=');
        if (eq < 1) {
            return false;
        }
        JsonNode value = node.path(expected.substring(0, eq).trim());
        String wanted = expected.substring(eq + 1).trim();
        return value.isArray()
                ? texts(value).contains(wanted)
                : !value.isMissingNode() && value.asText().equals(wanted);
    }

    private static String describe(JsonNode content, String field) {
        return switch (field) {
            case "purposes", "securityMeasures", "legalFramework" ->
                texts(content.path(field), "code").toString();
            case "lawfulBases" -> texts(content.path(field), "basis").toString();
            case "recipients" -> texts(content.path(field), "name").toString();
            default -> content.path(field).toString();
        };
    }

    private static boolean hasBasis(
            List<JsonNode> uses, Map<String, JsonNode> bases, String appliesTo, Predicate<String> kind) {
        return uses.stream()
                .filter(use -> use.path("appliesTo").asText().equals(appliesTo))
                .map(use -> bases.get(use.path("basis").asText()))
                .anyMatch(basis -> basis != null
                        && kind.test(basis.path("kind").asText())
                        && texts(basis.path("conditionFor")).contains(appliesTo));
    }

    private static void checkCodes(
            List<String> problems, String slug, String where, List<String> codes, JsonNode vocabulary, String list) {
        Set<String> known = byCode(vocabulary.path(list)).keySet();
        assertThat(known).as("vocabulary list " + list).isNotEmpty();
        for (String code : codes) {
            if (!known.contains(code)) {
                problems.add(slug + ".json " + where + ": '" + code + "' is not in vocabulary " + list);
            }
        }
    }

    private static Map<String, JsonNode> byCode(JsonNode array) {
        return list(array).stream()
                .collect(Collectors.toMap(n -> n.path("code").asText(), n -> n, (a, b) -> a, LinkedHashMap::new));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode array, String property) {
        return list(array).stream().map(n -> n.path(property).asText()).toList();
    }

    private static JsonNode demoFile(String slug) {
        try {
            return MAPPER.readTree(resource("demo/notices/" + slug + ".json"));
        } catch (IOException e) {
            throw new AssertionError("demo/notices/" + slug + ".json is not JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode demoContent(String slug) {
        JsonNode content = demoFile(slug).path("content");
        assertThat(content.isObject()).as(slug + ".json has a content object").isTrue();
        return content;
    }

    private static JsonNode vocabulary() {
        try (InputStream in = SeedNoticeFidelityTest.class.getClassLoader().getResourceAsStream(VOCABULARY_RESOURCE)) {
            if (in != null) {
                return MAPPER.readTree(in);
            }
            assertThat(VOCABULARY_FALLBACK)
                    .as("the vocabulary, on the classpath or in the platform module")
                    .exists();
            return MAPPER.readTree(Files.readString(VOCABULARY_FALLBACK));
        } catch (IOException e) {
            throw new UncheckedIOException("vocabulary could not be read", e);
        }
    }

    private static String seedText(String slug) {
        return resource(SEED_RESOURCES.get(slug));
    }

    private static String resource(String name) {
        try (InputStream in = SeedNoticeFidelityTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not be read", e);
        }
    }

    private static ValidatorFactory validatorFactory() {
        try {
            ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
            factory.getValidator();
            return factory;
        } catch (RuntimeException | LinkageError e) {
            // No Jakarta EL implementation outside Quarkus: interpolate messages without EL.
            return Validation.byDefaultProvider()
                    .configure()
                    .messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory();
        }
    }
}
