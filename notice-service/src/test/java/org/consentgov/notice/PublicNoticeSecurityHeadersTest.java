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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * notice-service sets the security headers itself, so a page or an API answer fetched without the gateway is no
 * weaker: the public pages' Content-Security-Policy allows exactly their inline styles (by hash) and no script;
 * the API is never stored.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class PublicNoticeSecurityHeadersTest {

    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    @Test
    void eachPublicPageIsAllowedItsOwnStylesAndNothingElse() {
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
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("script-src");
            String html = page.asString();
            assertThat(html).as("no script runs under the policy").doesNotContain("<script", "javascript:");
            Matcher styles = STYLE.matcher(html);
            int found = 0;
            while (styles.find()) {
                found++;
                assertThat(policy)
                        .as(
                                "the hash of the <style> block of %s (copy it to notice-service's application.properties)",
                                path)
                        .contains("'sha256-" + sha256(styles.group(1)) + "'");
            }
            assertThat(found).as(path).isPositive();
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

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
