package org.consentgov.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import java.util.regex.Pattern;
import org.consentgov.e2e.support.Gateway;
import org.consentgov.e2e.support.Notices;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@E2eTest
@Order(1)
class NoticePublicationE2eTest {

    @Test
    void editorDraftsDpoPublishesAndThePublicReadsTheNoticeThroughTheGateway() {
        String slug = E2eTestData.uniqueSlug("e2e-notice");
        String title = "End-to-end test notice " + slug;

        Gateway.as("editor")
                .body(E2eTestData.newNotice(slug, E2eTestData.noticeContent(title)))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(201)
                .header("Location", matchesPatternIgnoringHost("/api/notices/" + slug + "/versions/1"))
                .body("number", equalTo(1))
                .body("state", equalTo("DRAFT"));

        // a draft is not public
        Gateway.anonymous()
                .accept("application/json")
                .when()
                .get("/public/notices/{slug}", slug)
                .then()
                .statusCode(404)
                .contentType(Gateway.PROBLEM_JSON);

        String etag = Gateway.as("dpo")
                .when()
                .get("/api/notices/{slug}/versions/1", slug)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(etag).isNotBlank();

        // the DPO and notice editors publish (DESIGN §1); a caseworker may not
        Gateway.as("caseworker")
                .header("If-Match", etag)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(403)
                .contentType(Gateway.PROBLEM_JSON);

        String hash = Gateway.as("dpo")
                .header("If-Match", etag)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(200)
                .body("state", equalTo("PUBLISHED"))
                .body("publishedBy", equalTo("dpo"))
                .body("contentHash", matchesPattern("[0-9a-f]{64}"))
                .extract()
                .path("contentHash");

        JsonPath published = Notices.current(slug);
        assertThat(published.getString("slug")).isEqualTo(slug);
        assertThat(published.getInt("version")).isEqualTo(1);
        assertThat(published.getString("state")).isEqualTo("PUBLISHED");
        assertThat(published.getBoolean("current")).isTrue();
        assertThat(published.getString("title")).isEqualTo(title);
        assertThat(published.getString("contentHash")).isEqualTo(hash);
        assertThat(published.getString("dpv.'@type'")).isNotBlank();

        // and the page a family opens
        Gateway.anonymous()
                .accept("text/html")
                .when()
                .get("/public/notices/{slug}", slug)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body("**.find { it.name() == 'main' }.'**'.find { it.name() == 'h1' }", equalTo(title));
    }

    /** The path only: behind the gateway the services still build Location from their own address. */
    private static Matcher<String> matchesPatternIgnoringHost(String path) {
        return matchesPattern("(https?://[^/]+)?" + Pattern.quote(path));
    }
}
