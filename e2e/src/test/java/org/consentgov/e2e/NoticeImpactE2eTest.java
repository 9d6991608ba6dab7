package org.consentgov.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.consentgov.e2e.support.Gateway;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The dry run of a notice change through the gateway, with the real services and realm: notice-service asks
 * sharing-agreement-service (with its own client-credentials token) which agreements link the notice, and the demo
 * research agreement, which links what-it-means-to-me, is listed. Leaves a draft of that notice behind (a copy of the
 * published version), so it runs after the tests that read the notice.
 */
@E2eTest
@Order(7)
class NoticeImpactE2eTest {

    /** The demo research agreement (sharing-agreement-service demo/agreements/what-it-means-to-me-research.json). */
    static final String RESEARCH_ISA = "ISA-LBC-UOB-WIMTM";

    @Test
    void theDryRunOfAChangeToTheResearchNoticeListsTheResearchAgreement() {
        int draft = draftOf(E2eTestData.RESEARCH_NOTICE);

        JsonPath impact = Gateway.as("editor")
                .when()
                .get("/api/notices/{slug}/versions/{number}/impact", E2eTestData.RESEARCH_NOTICE, draft)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(impact.getList("notes", String.class))
                .as("notes: %s", impact.prettify())
                .noneMatch(n -> n.contains("sharing-agreement-service"));
        List<Map<String, Object>> agreements = impact.getList("agreements");
        assertThat(agreements)
                .as("agreements linking the notice: %s", impact.prettify())
                .anySatisfy(a -> {
                    assertThat(a.get("reference")).isEqualTo(RESEARCH_ISA);
                    assertThat(a.get("state")).isEqualTo("ACTIVE");
                    assertThat(a.get("title").toString()).startsWith("What It Means to Me research project");
                    assertThat(a.get("parties")).isEqualTo(List.of("luton-council", "university-of-bedfordshire"));
                    assertThat(a.get("id").toString()).isNotBlank();
                });
        assertThat(agreements)
                .as("only agreements that link the notice: the schools one links another")
                .noneMatch(a -> a.get("parties").toString().contains("luton-schools"));
    }

    /** A draft of the notice: a new one (a copy of the latest version), or the one already open. */
    private static int draftOf(String slug) {
        int status = Gateway.as("editor")
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .extract()
                .statusCode();
        assertThat(status).as("new draft of %s", slug).isIn(201, 409);
        List<Map<String, Object>> versions = Gateway.as("editor")
                .queryParam("size", 100)
                .when()
                .get("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return versions.stream()
                .filter(v -> "DRAFT".equals(v.get("state")))
                .map(v -> (Integer) v.get("number"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no draft of " + slug + ": " + versions));
    }
}
