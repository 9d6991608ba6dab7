package org.consentgov.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.consentgov.e2e.support.Gateway;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Re-consent across the real services: notice-service publishes, its dispatcher delivers the signed
 * material-change event through the gateway to consent-service, which flags the records pinned to the older
 * version. An editorial publish before it flags nothing: the one flag the record ends up with names the material
 * version, never the editorial one.
 */
@E2eTest
@Order(7)
class ReconsentE2eTest {

    private static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(60);
    /** Between polls, so that waiting stays far below the gateway's rate limit for the caller. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @SuppressWarnings("unchecked")
    void aMaterialPublishFlagsPinnedConsentsAndAnEditorialOneDoesNot() {
        // A consent notice of our own, a copy of the research notice, so no other test sees its versions move.
        int researchVersion = Gateway.anonymous()
                .accept("application/json")
                .when()
                .get("/public/notices/{slug}", E2eTestData.RESEARCH_NOTICE)
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        Map<String, Object> content = Gateway.as("dpo")
                .when()
                .get("/api/notices/{slug}/versions/{n}", E2eTestData.RESEARCH_NOTICE, researchVersion)
                .then()
                .statusCode(200)
                .extract()
                .path("content");
        String slug = E2eTestData.uniqueSlug("e2e-reconsent");
        Gateway.as("editor")
                .body(E2eTestData.newNotice(slug, content))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(201);
        String hash1 = publish(slug, 1).getString("contentHash");

        String nhs = E2eTestData.nhsNumber();
        Map<String, Object> consent = E2eTestData.childAndParentConsent(nhs, 1, hash1, 0);
        consent.put("notice", E2eTestData.map("slug", slug, "version", 1, "contentHash", hash1));
        String id = Gateway.as("caseworker")
                .body(consent)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .body("reconsentRequired", equalTo(false))
                .extract()
                .path("id");

        // Version 2: wording only.
        Map<String, Object> editorial = copy(content);
        Map<String, Object> en = (Map<String, Object>) ((Map<String, Object>) editorial.get("locales")).get("en");
        en.put("summary", en.get("summary") + " (wording revised)");
        draft(slug, editorial);
        JsonPath v2 = publish(slug, 2);
        assertThat(v2.getBoolean("materialChange")).isNotEqualTo(Boolean.TRUE);

        // Version 3: a new data category, a material change.
        Map<String, Object> material = copy(editorial);
        List<Object> categories = new ArrayList<>((List<Object>) material.get("dataCategories"));
        categories.add("education.school");
        material.put("dataCategories", categories);
        draft(slug, material);
        JsonPath v3 = publish(slug, 3);
        assertThat(v3.getBoolean("materialChange")).isTrue();

        JsonPath record = awaitReconsentFlag(id);
        assertThat(record.getString("state")).isEqualTo("ACTIVE");
        assertThat(record.getBoolean("effective")).isTrue();
        assertThat(record.getInt("notice.version")).isEqualTo(1);

        List<Map<String, Object>> flags = Gateway.as("dpo")
                .when()
                .get("/api/consents/{id}/history", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.event == 'reconsent-required' }");
        assertThat(flags)
                .as("one reconsent-required entry, for the material version 3 only")
                .hasSize(1);
        assertThat(String.valueOf(flags.get(0).get("reason"))).contains("3").doesNotContain("version 2");

        // The check still says yes, and says why the family should be asked again.
        Gateway.as("caseworker")
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", slug)
                .queryParam("purpose", E2eTestData.RESEARCH_PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(200)
                .body("consented", equalTo(true))
                .body("reconsentRequired", equalTo(true));

        // The event came the way every service-to-service call comes: through the gateway.
        List<String> targets = Gateway.as("dpo")
                .queryParam("size", 100)
                .when()
                .get("/api/notices/subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.targetUrl");
        assertThat(targets).contains("http://localhost:8080/api/consents/notice-events");
    }

    private static void draft(String slug, Map<String, Object> content) {
        Gateway.as("editor")
                .body(Map.of("content", content))
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(201);
    }

    private static JsonPath publish(String slug, int number) {
        String etag = Gateway.as("dpo")
                .when()
                .get("/api/notices/{slug}/versions/{n}", slug, number)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        return Gateway.as("dpo")
                .header("If-Match", etag)
                .body(Map.of())
                .when()
                .post("/api/notices/{slug}/versions/{n}/publish", slug, number)
                .then()
                .statusCode(200)
                .body("state", equalTo("PUBLISHED"))
                .extract()
                .jsonPath();
    }

    /** Polls the record until the flag arrives, or fails at the deadline with what the record last said. */
    private static JsonPath awaitReconsentFlag(String id) {
        Instant deadline = Instant.now().plus(DELIVERY_DEADLINE);
        JsonPath last;
        do {
            last = Gateway.as("caseworker")
                    .when()
                    .get("/api/consents/{id}", id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (last.getBoolean("reconsentRequired")) {
                return last;
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(
                "record " + id + " was not flagged within " + DELIVERY_DEADLINE + ": " + last.prettify());
    }

    /** A deep copy, so each version's content can change without touching the one before. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> content) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(content), Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
