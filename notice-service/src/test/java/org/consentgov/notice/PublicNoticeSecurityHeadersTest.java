package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.token;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.consentgov.platform.testing.PostgresTestResource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * notice-service sets the security headers itself, so a page or an API answer fetched without the gateway is no
 * weaker: the public pages' Content-Security-Policy allows their own stylesheets and nothing else, no script;
 * the API is never stored.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class PublicNoticeSecurityHeadersTest {

    @Test
    void eachPublicPageLoadsOnlyItsOwnStylesheetsAndRunsNoScript() {
        for (String path : new String[] {
            "/public/notices", "/public/notices/what-it-means-to-me", "/public/notices/what-it-means-to-me?view=child"
        }) {
            Response page = given().accept(ContentType.HTML).when().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            hasSecurityHeaders(page);
            String policy = page.header("Content-Security-Policy");
            assertThat(policy)
                    .startsWith("default-src 'none';")
                    .contains("style-src 'self';")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("script-src")
                    .doesNotContain("sha256-");
            Document html = Jsoup.parse(page.asString());
            assertThat(html.select("style, [style]"))
                    .as("no inline style on %s", path)
                    .isEmpty();
            assertThat(html.select("script:not([type=application/ld+json])"))
                    .as("no script on %s but the JSON-LD data block, which no browser runs", path)
                    .isEmpty();
            assertThat(page.asString()).doesNotContain("javascript:");
            assertThat(html.select("[src]")).as("nothing embedded on %s", path).isEmpty();
            assertThat(html.select("[href]").eachAttr("abs:href").stream().filter(h -> !h.isEmpty()))
                    .as("nothing is loaded from another site")
                    .isEmpty();
            List<String> sheets = html.select("link[rel=stylesheet]").eachAttr("href");
            assertThat(sheets).as(path).isNotEmpty().allMatch(h -> h.startsWith("/public/assets/"));
            for (String sheet : sheets) {
                Response css = given().when().get(sheet);
                assertThat(css.statusCode()).as(sheet).isEqualTo(200);
                assertThat(css.contentType()).startsWith("text/css");
                assertThat(css.asString()).as("no stylesheet imports another").doesNotContain("@import");
            }
            assertThat(page.header("Cache-Control"))
                    .as("public notices stay cacheable")
                    .isNull();
        }
    }

    @Test
    void publicJsonAndTheApiCarryTheHeadersAndTheApiIsNeverStored() {
        Response json = given().accept(ContentType.JSON).when().get("/public/notices/what-it-means-to-me");
        assertThat(json.statusCode()).isEqualTo(200);
        hasSecurityHeaders(json);

        Response api = given().auth().oauth2(token("notice-editor")).when().get("/api/notices");
        assertThat(api.statusCode()).isEqualTo(200);
        hasSecurityHeaders(api);
        assertThat(api.headers().getValues("Cache-Control")).containsExactly("no-store");

        Response unauthenticated = given().when().get("/api/notices");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        hasSecurityHeaders(unauthenticated);
        assertThat(unauthenticated.headers().getValues("Cache-Control")).containsExactly("no-store");

        Response problem = given().auth()
                .oauth2(token("notice-editor"))
                .when()
                .get("/api/notices/{slug}", "no-such-notice-anywhere");
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.contentType()).startsWith("application/problem+json");
        hasSecurityHeaders(problem);
        assertThat(problem.headers().getValues("Cache-Control")).containsExactly("no-store");
    }

    private static void hasSecurityHeaders(Response response) {
        assertThat(response.headers().getValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().getValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().getValues("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(response.headers().getValues("Content-Security-Policy"))
                .singleElement()
                .asString()
                .contains("frame-ancestors 'none'");
    }
}
