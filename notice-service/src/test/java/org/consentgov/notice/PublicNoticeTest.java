package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.request;
import static org.consentgov.notice.NoticeTestData.token;
import static org.consentgov.notice.NoticeTestData.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.Map;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class PublicNoticeTest {

    @Test
    void bothSeedNoticesArePublishedAtStartUp() {
        for (String slug : new String[] {"what-it-means-to-me", "children-families-education"}) {
            given().accept(ContentType.JSON)
                    .when()
                    .get("/public/notices/{slug}", slug)
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("PUBLISHED"))
                    .body("current", equalTo(true))
                    .body("contentHash.length()", equalTo(64));
        }
        given().accept(ContentType.JSON)
                .when()
                .get("/public/notices")
                .then()
                .statusCode(200)
                .body("slug", hasItem("what-it-means-to-me"))
                .body("slug", hasItem("children-families-education"));
    }

    @Test
    void theResearchNoticeCarriesItsWithdrawalWindowAndDpvTerms() {
        given().accept(ContentType.JSON)
                .when()
                .get("/public/notices/what-it-means-to-me")
                .then()
                .statusCode(200)
                .body("content.consent.withdrawalWindowDays", equalTo(14))
                .body("content.consent.withdrawalWindowStartsOn", equalTo("FORM_RECEIVED"))
                .body("dpv.'@context'.dpv", equalTo("https://w3id.org/dpv#"))
                .body("dpv.hasLegalBasis.legal", hasItem("eu-gdpr:A6-1-e"))
                .body("dpv.hasPersonalData.code", hasItem("special.ethnicity"))
                .body("dpv.hasRecipient.code", hasItem("university-of-bedfordshire"));
    }

    @Test
    void thePublicPageIsAccessibleHtmlWithLanguageSwitchAndChildView() {
        String html = given().when()
                .get("/public/notices/what-it-means-to-me")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Language", "en")
                .extract()
                .asString();
        assertThat(html)
                .contains(
                        "<html lang=\"en\">",
                        "<h1 class=\"govuk-heading-xl\">",
                        "aria-label=\"Language\"",
                        "Skip to the notice",
                        "University of Bedfordshire",
                        "Summary for children and young people");
        String child = given().queryParam("view", "child")
                .when()
                .get("/public/notices/what-it-means-to-me")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(child).contains("aria-current=\"page\">Summary for children and young people");
        String stylesheet = given().when()
                .get("/public/assets/notice.css")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html).contains("href=\"/public/assets/notice.css\"");
        assertThat(stylesheet).as("the page prints").contains("@media print");
    }

    @Test
    void aTranslationIsShownInItsLanguageAndTheDefaultOtherwise() {
        Map<String, Object> c = content();
        @SuppressWarnings("unchecked")
        Map<String, Object> locales = (Map<String, Object>) c.get("locales");
        locales.put("cy", NoticeTestData.localised("Hysbysiad preifatrwydd prawf"));
        String slug = uniqueSlug("translated");
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(slug, c))
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

        given().accept(ContentType.JSON)
                .queryParam("lang", "cy")
                .when()
                .get("/public/notices/{slug}", slug)
                .then()
                .statusCode(200)
                .body("locale", equalTo("cy"))
                .body("title", equalTo("Hysbysiad preifatrwydd prawf"))
                .body("availableLocales", equalTo(java.util.List.of("cy", "en")));
        given().accept(ContentType.JSON)
                .queryParam("lang", "pl")
                .when()
                .get("/public/notices/{slug}", slug)
                .then()
                .statusCode(200)
                .body("locale", equalTo("en"));
        given().queryParam("lang", "cy")
                .when()
                .get("/public/notices/{slug}", slug)
                .then()
                .statusCode(200)
                .body(containsString("<html lang=\"cy\">"))
                .body(containsString("Cymraeg"));
    }

    @Test
    void draftsAreNotPublicAndPastVersionsStayReadable() {
        String slug = uniqueSlug("public");
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(slug, content()))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(201);
        given().accept(ContentType.JSON)
                .when()
                .get("/public/notices/{slug}", slug)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("no-published-version"));
        given().accept(ContentType.JSON)
                .when()
                .get("/public/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(404);

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
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(201);
        String etag2 = given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/2", slug)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag2)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/2/publish", slug)
                .then()
                .statusCode(200);

        given().accept(ContentType.JSON)
                .when()
                .get("/public/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .body("state", equalTo("SUPERSEDED"))
                .body("current", equalTo(false));
        given().when()
                .get("/public/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .body(containsString("no longer in force"));
        given().accept(ContentType.JSON)
                .when()
                .get("/public/notices/{slug}", slug)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void unknownNoticeIsAProblemNotAStackTrace() {
        given().accept(ContentType.JSON)
                .when()
                .get("/public/notices/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body(not(containsString("Exception")));
    }

    @Test
    void theVocabularyIsPublic() {
        given().when()
                .get("/public/vocabulary")
                .then()
                .statusCode(200)
                .header("ETag", containsString("vocabulary-"))
                .body("dataCategories.code", hasItem("special.religion"))
                .body("lawfulBases.code", hasItem("uk-gdpr-9-2-j"))
                .body("transferMethods.find { it.code == 'paper' }.secure", equalTo(false));
    }

    @Test
    void healthAndMetricsAnswer() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void requestIdIsEchoedAndAnUnusableOneIsReplaced() {
        given().header("X-Request-Id", "abc-123")
                .when()
                .get("/public/notices/nothing-here")
                .then()
                .header("X-Request-Id", "abc-123")
                .body("requestId", equalTo("abc-123"));
        String replaced = given().header("X-Request-Id", "bad id with spaces <script>")
                .when()
                .get("/public/vocabulary")
                .then()
                .extract()
                .header("X-Request-Id");
        assertThat(replaced).matches("[0-9a-f-]{36}");
    }
}
