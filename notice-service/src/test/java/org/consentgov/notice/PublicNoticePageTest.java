package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.request;
import static org.consentgov.notice.NoticeTestData.token;
import static org.consentgov.notice.NoticeTestData.uniqueSlug;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.consentgov.platform.testing.PostgresTestResource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The public page as a family reads it: the notice's lists are real lists, every fixed word comes from the message
 * bundle (a test-only language, xx, changes all of them), and its DPV terms are JSON-LD a processor accepts.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class PublicNoticePageTest {

    private static final String WIMM = "what-it-means-to-me";
    private static final String CFE = "children-families-education";
    private static final String DPV = "https://w3id.org/dpv#";

    @Test
    void theSeedsListsAreRenderedAsListsNeverAsDashes() {
        Map<String, List<String>> items = Map.of(
                WIMM, List.of("date of birth", "ethnicity", "care status", "health information"),
                CFE, List.of("health colleagues", "police", "Ofsted", "to support pupil learning"));
        for (var seed : items.entrySet()) {
            Document page = page("/public/notices/" + seed.getKey());
            List<String> listed = page.select("main ul > li, main ol > li").eachText();
            assertThat(listed)
                    .as(seed.getKey())
                    .anySatisfy(t -> assertThat(t).isEqualTo(seed.getValue().get(0)));
            for (String item : seed.getValue()) {
                assertThat(listed).as("%s lists %s", seed.getKey(), item).anyMatch(t -> t.equals(item));
            }
            assertThat(page.body().wholeText().lines().map(String::strip))
                    .as("no line of %s starts with a dash", seed.getKey())
                    .noneMatch(line -> line.startsWith("- "));
        }
        assertThat(page("/public/notices/" + WIMM).select("main ul ul > li").eachText())
                .as("nested lists stay nested")
                .contains("date of birth", "ethnicity");
    }

    @Test
    void thePageIsGovukMarkupWithItsStylesAsFilesAndHeadingsInOrder() {
        Document page = page("/public/notices/" + WIMM);
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href"))
                .containsExactly("/public/assets/govuk-frontend/govuk-frontend.min.css", "/public/assets/notice.css");
        for (String href : page.select("link[rel=stylesheet]").eachAttr("href")) {
            given().when().get(href).then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/css"));
        }
        assertThat(page.select("style, [style]")).as("no inline style").isEmpty();
        assertThat(page.select(".govuk-summary-list .govuk-summary-list__key")).isNotEmpty();
        assertThat(page.select("#retention + .notice-table-scroll table.govuk-table td")
                        .text())
                .contains("no retention period", "six months");
        assertThat(page.select(".notice-contents a").eachAttr("href")).contains("#s-who-we-are", "#versions");
        for (String anchor : page.select(".notice-contents a").eachAttr("href")) {
            assertThat(page.getElementById(anchor.substring(1))).as(anchor).isNotNull();
        }
        assertThat(page.select("#versions ~ .notice-table-scroll tbody tr")).hasSizeGreaterThanOrEqualTo(1);
        assertThat(page.select("h1")).hasSize(1);
        int previous = 1;
        for (Element heading : page.select("h1, h2, h3, h4")) {
            int level = Integer.parseInt(heading.tagName().substring(1));
            assertThat(level).as("heading '%s' skips a level", heading.text()).isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
        assertThat(page.select("a").eachText())
                .as("links make sense alone")
                .noneMatch(t -> Set.of("here", "click here", "more", "link").contains(t.toLowerCase()));
        assertThat(page.html()).doesNotContain("crown", "GOV.UK");

        Document child = page("/public/notices/" + WIMM + "?view=child");
        assertThat(child.select("h2.govuk-heading-l").eachText()).contains("It is your choice");
        assertThat(child.select("#at-a-glance")).isEmpty();
    }

    @Test
    void everyFixedWordComesFromTheBundleAndATranslationNamesItsLanguage() throws IOException {
        Map<String, Object> c = content();
        @SuppressWarnings("unchecked")
        Map<String, Object> locales = (Map<String, Object>) c.get("locales");
        locales.put("xx", NoticeTestData.localised("Notice in xx"));
        String slug = uniqueSlug("bundle");
        publish(slug, c);

        Document english = page("/public/notices/" + slug + "?lang=en");
        Document xx = page("/public/notices/" + slug + "?lang=xx");
        assertThat(xx.selectFirst("html").attr("lang")).isEqualTo("xx");
        assertThat(xx.select("nav.notice-languages [lang]").eachAttr("lang")).containsExactly("en", "xx");

        Properties en = english();
        Properties test = bundle("messages/msg_xx.properties");
        assertThat(test.stringPropertyNames()).as("the test bundle is complete").isEqualTo(en.stringPropertyNames());
        // Take every marked (translated) word off the xx page's body (the JSON-LD data block in its head is data, not
        // words): no English fixed word may be left.
        String unmarked = xx.body().html();
        List<String> literals = new ArrayList<>(en.stringPropertyNames().stream()
                .map(k -> literal(en.getProperty(k)))
                .toList());
        literals.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String fixed : literals) {
            unmarked = unmarked.replace("XX-" + fixed, "");
        }
        List<String> used = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String fixed = literal(en.getProperty(key));
            assertThat(literal(test.getProperty(key))).isEqualTo("XX-" + fixed);
            if (!english.body().html().contains(fixed) || !xx.html().contains("XX-" + fixed)) {
                continue;
            }
            used.add(key);
            assertThat(unmarked)
                    .as("'%s' (%s) is left in English on the xx page", fixed, key)
                    .doesNotContain(fixed);
        }
        assertThat(used).hasSizeGreaterThan(25);

        // The page's own words, outside the notice's text and data, are all the bundle's.
        List<String> chrome = new ArrayList<>();
        chrome.add(xx.select(".govuk-skip-link").text());
        chrome.addAll(xx.select("nav[aria-label]").eachAttr("aria-label"));
        chrome.addAll(xx.select("#contents-title, #at-a-glance, #versions, main h3, thead th")
                .eachText());
        chrome.addAll(xx.select("#at-a-glance + dl > div > dt").eachText());
        chrome.addAll(xx.select(".govuk-footer a, .notice-views li").eachText());
        chrome.add(xx.select(".notice-header__service").text());
        assertThat(chrome).hasSizeGreaterThan(20).allSatisfy(t -> assertThat(t).startsWith("XX-"));

        String welsh = uniqueSlug("welsh");
        Map<String, Object> cy = content();
        @SuppressWarnings("unchecked")
        Map<String, Object> cyLocales = (Map<String, Object>) cy.get("locales");
        cyLocales.put("cy", NoticeTestData.localised("Hysbysiad preifatrwydd"));
        publish(welsh, cy);
        Document fallback = page("/public/notices/" + welsh + "?lang=cy");
        assertThat(fallback.selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(fallback.select("#versions").text())
                .as("a language with no bundle falls back to English per key")
                .isEqualTo(en.getProperty("versions"));
    }

    @Test
    void theDpvTermsAreJsonLdByContentNegotiationAndInThePage() throws Exception {
        Map<String, Set<String>> expected = Map.of(
                WIMM,
                Set.of(
                        "https://w3id.org/dpv/pd#Ethnicity",
                        "https://w3id.org/dpv/pd#Religion",
                        "https://w3id.org/dpv#SpecialCategoryPersonalData"),
                CFE,
                Set.of("https://w3id.org/dpv/pd#Name", "https://w3id.org/dpv#SpecialCategoryPersonalData"));
        for (var seed : expected.entrySet()) {
            Response ld = given().accept("application/ld+json").when().get("/public/notices/" + seed.getKey());
            assertThat(ld.statusCode()).isEqualTo(200);
            assertThat(ld.contentType()).startsWith("application/ld+json");
            Document page = page("/public/notices/" + seed.getKey());
            assertThat(page.select("link[rel=alternate][type=application/ld+json]"))
                    .hasSize(1);
            Element block = page.selectFirst("script[type=application/ld+json]");
            assertThat(block).isNotNull();
            assertThat(page.select("script").eachAttr("type"))
                    .as("the only script is data")
                    .containsOnly("application/ld+json");

            for (String document : List.of(ld.asString(), block.data())) {
                JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(document)))
                        .get();
                assertThat(expanded).hasSize(1);
                JsonObject notice = expanded.getJsonObject(0);
                assertThat(notice.getJsonArray("@type").getString(0)).isEqualTo(DPV + "PrivacyNotice");
                for (String property : List.of(
                        "hasPersonalData",
                        "hasPurpose",
                        "hasLegalBasis",
                        "hasDataController",
                        "hasRecipient",
                        "hasStorageCondition")) {
                    assertThat(notice.getJsonArray(DPV + property))
                            .as("%s keeps dpv:%s", seed.getKey(), property)
                            .isNotEmpty();
                }
                assertThat(types(notice, "hasPersonalData")).containsAll(seed.getValue());
                assertThat(types(notice, "hasLegalBasis")).contains(DPV + "PublicInterest");
                assertThat(types(notice, "hasDataController")).contains(DPV + "DataController");
                assertThat(types(notice, "hasStorageCondition")).contains(DPV + "StorageDuration");
                assertThat(notice.getJsonArray(DPV + "hasLegalBasis").getJsonObject(0))
                        .containsKey("http://www.w3.org/2004/02/skos/core#exactMatch")
                        .containsKey("https://schema.org/name");
                assertThat(names(notice, "hasDataController")).contains("Luton Borough Council");
            }
        }
        assertThat(names(expandedOf(WIMM), "hasRecipient")).contains("University of Bedfordshire");
        assertThat(names(expandedOf(CFE), "hasRecipient")).contains("Ofsted");
    }

    @Test
    void thePagesMachineReadableLinkOpensTheJsonLdInABrowser() {
        Document page = page("/public/notices/" + WIMM + "?lang=en");
        Element footerLink = page.selectFirst("footer a[type=application/ld+json]");
        assertThat(footerLink).isNotNull();
        String href = footerLink.attr("href");
        assertThat(page.selectFirst("link[rel=alternate][type=application/ld+json]")
                        .attr("href"))
                .isEqualTo(href);
        // a browser following the link asks for HTML first: the link itself must name the JSON-LD
        Response followed = given().accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .when()
                .get(href)
                .then()
                .statusCode(200)
                .extract()
                .response();
        assertThat(followed.contentType()).startsWith("application/ld+json");
        String negotiated = given().accept("application/ld+json")
                .when()
                .get("/public/notices/" + WIMM + "?lang=en")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(followed.asString()).isEqualTo(negotiated);

        Response refused = given().accept(ContentType.HTML).when().get("/public/notices/" + WIMM + "?format=xml");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.asString()).contains("format");
    }

    @Test
    void noticeTextCannotAddMarkupToThePage() {
        Map<String, Object> c = content();
        @SuppressWarnings("unchecked")
        Map<String, Object> locales = (Map<String, Object>) c.get("locales");
        locales.put(
                "en",
                org.consentgov.platform.testing.SuiteTestData.localised(
                        "Escaping </script><script>alert(1)</script>",
                        "A summary",
                        "Heading",
                        "<img src=x onerror=alert(1)> and [a link](javascript:alert(1))\n\n- one\n- two",
                        "Child",
                        "Plain."));
        String slug = uniqueSlug("escaped");
        publish(slug, c);
        Document page = page("/public/notices/" + slug);
        assertThat(page.select("img, script:not([type=application/ld+json])")).isEmpty();
        assertThat(page.select("a[href^=javascript]")).isEmpty();
        assertThat(page.select("#s-who-we-are ~ ul > li").eachText()).containsExactly("one", "two");
        assertThat(page.selectFirst("script[type=application/ld+json]").data()).doesNotContain("<");
    }

    private static JsonObject expandedOf(String slug) throws Exception {
        String ld = given().accept("application/ld+json")
                .when()
                .get("/public/notices/" + slug)
                .asString();
        return JsonLd.expand(JsonDocument.of(new StringReader(ld))).get().getJsonObject(0);
    }

    private static Set<String> types(JsonObject notice, String property) {
        return notice.getJsonArray(DPV + property).stream()
                .map(JsonValue::asJsonObject)
                .flatMap(o -> o.getJsonArray("@type").getValuesAs(jakarta.json.JsonString.class).stream())
                .map(jakarta.json.JsonString::getString)
                .collect(Collectors.toSet());
    }

    private static Set<String> names(JsonObject notice, String property) {
        return notice.getJsonArray(DPV + property).stream()
                .map(JsonValue::asJsonObject)
                .map(o -> o.getJsonArray("https://schema.org/name"))
                .filter(a -> a != null)
                .map(a -> a.getJsonObject(0).getString("@value"))
                .collect(Collectors.toSet());
    }

    private static Document page(String path) {
        String html = given().accept(ContentType.HTML)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return Jsoup.parse(html);
    }

    private static void publish(String slug, Map<String, Object> content) {
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(slug, content))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(201);
        String etag = given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/1", slug)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(200);
    }

    /** The English of every fixed word, from the bundle interface's {@code @Message} values. */
    private static Properties english() {
        Properties p = new Properties();
        for (java.lang.reflect.Method m : org.consentgov.notice.publicsite.NoticeMessages.class.getDeclaredMethods()) {
            p.setProperty(
                    m.getName(),
                    m.getAnnotation(io.quarkus.qute.i18n.Message.class).value());
        }
        return p;
    }

    private static Properties bundle(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PublicNoticePageTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** A message's text up to its first {parameter}: what appears verbatim on the page. */
    private static String literal(String message) {
        int brace = message.indexOf('{');
        return org.jsoup.nodes.Entities.escape((brace < 0 ? message : message.substring(0, brace)).strip());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
