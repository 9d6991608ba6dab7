package org.consentgov.consent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.competentChild;
import static org.consentgov.consent.ConsentTestData.consent;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.consent.domain.NoticeEventReactions;
import org.consentgov.platform.events.WebhookSignature;
import org.consentgov.platform.events.subscription.EventInbox;
import org.consentgov.platform.events.subscription.ReceivedEvent;
import org.consentgov.platform.testing.NoticeEventTestData;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reacting to notice-service's material-change event: the processing (one service method, given the CloudEvent)
 * and its webhook transport (signature, replay window, redelivery), and the dry-run counts.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class NoticeEventReactionTest {

    static final String SECRET = "test-notice-events-secret-0123456789abcdefghij";
    static final String PURPOSE = "research-what-it-means-to-me";
    static final String RECEIVER = "/api/consents/notice-events";
    static final String REASON = "the notice has changed materially since: ask for consent again";

    @Inject
    NoticeEventReactions consents;

    @Inject
    EventInbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    AgroalDataSource dataSource;

    /** Each test its own notice slug, published at versions 1 and 2 (the research fixture, renamed). */
    String slug;

    @BeforeEach
    void publishTwoVersions() throws IOException {
        slug = "reconsent-" + UUID.randomUUID().toString().substring(0, 8);
        for (int v = 1; v <= 2; v++) {
            String body;
            try (InputStream in = getClass().getResourceAsStream("/notices/research.json")) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            body = body.replace("\"research-notice\"", "\"" + slug + "\"")
                    .replace("\"version\": 1", "\"version\": " + v)
                    .replace(NoticeServiceStub.RESEARCH_HASH, hash(v));
            NoticeServiceStub.server.stubFor(get(urlEqualTo("/public/notices/" + slug + "/versions/" + v))
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(body)));
        }
    }

    static String hash(int version) {
        return String.valueOf((char) ('a' + version)).repeat(64);
    }

    String record(int version) {
        return given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(consent(nhsNumber(), slug, version, hash(version), PURPOSE, 0, list(competentChild("GIVEN"))))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .body("effective", equalTo(true))
                .extract()
                .path("id");
    }

    JsonNode materialChange(String eventId, int version, List<String> reasons) {
        Map<String, Object> event = NoticeEventTestData.materialChange(eventId, slug, version, version - 1, reasons);
        event.put("position", 7);
        return mapper.valueToTree(event);
    }

    EventInbox.Outcome accept(JsonNode event) {
        return inbox.accept(ReceivedEvent.of(event), consents);
    }

    JsonNode record(String id) {
        return mapper.valueToTree(given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class));
    }

    String etag(String id) {
        return given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    List<String> historyEvents(String id) {
        return given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/{id}/history", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("event");
    }

    long outboxEvents(String recordId, String type) {
        return NoticeEventTestData.outboxEvents(dataSource, recordId, type);
    }

    @Test
    void materialChangeFlagsOnlyActiveRecordsOnOlderVersionsOnce() throws Exception {
        String onV1 = record(1);
        String onV2 = record(2);

        EventInbox.Outcome outcome =
                accept(materialChange(UUID.randomUUID().toString(), 2, List.of("purpose added: evaluation")));
        assertThat(outcome.duplicate()).isFalse();
        assertThat(outcome.recordsChanged()).isEqualTo(1);

        JsonNode flagged = record(onV1);
        assertThat(flagged.path("reconsentRequired").asBoolean()).isTrue();
        assertThat(flagged.path("effective").asBoolean()).isTrue();
        assertThat(flagged.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(historyEvents(onV1)).containsExactly("recorded", "reconsent-required");
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/{id}/history", onV1)
                .then()
                .body(
                        "[1].reason",
                        equalTo("notice " + slug + " version 2 changed materially: purpose added: evaluation"));
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/{id}/history/verify", onV1)
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
        assertThat(outboxEvents(onV1, "org.consentgov.consent.reconsent-required"))
                .isEqualTo(1);

        JsonNode untouched = record(onV2);
        assertThat(untouched.path("reconsentRequired").asBoolean()).isFalse();
        assertThat(historyEvents(onV2)).doesNotContain("reconsent-required");
        assertThat(outboxEvents(onV2, "org.consentgov.consent.reconsent-required"))
                .isZero();

        // the check API still says yes, with the re-consent reason
        String subject = flagged.path("subjectId").asText();
        given().auth()
                .oauth2(token("caseworker"))
                .queryParam("subject", subject)
                .queryParam("notice", slug)
                .queryParam("purpose", PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(200)
                .body("consented", equalTo(true))
                .body("reconsentRequired", equalTo(true))
                .body("reasons", hasItem(REASON));
        given().auth()
                .oauth2(token("caseworker"))
                .queryParam("subject", record(onV2).path("subjectId").asText())
                .queryParam("notice", slug)
                .queryParam("purpose", PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(200)
                .body("consented", equalTo(true))
                .body("reconsentRequired", equalTo(false))
                .body("reasons", not(hasItem(REASON)));
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String onV1 = record(1);
        JsonNode event = materialChange(UUID.randomUUID().toString(), 2, List.of("recipient added"));
        assertThat(accept(event).recordsChanged()).isEqualTo(1);
        String etag = etag(onV1);

        EventInbox.Outcome again = accept(event);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.recordsChanged()).isZero();
        assertThat(historyEvents(onV1)).containsExactly("recorded", "reconsent-required");
        assertThat(outboxEvents(onV1, "org.consentgov.consent.reconsent-required"))
                .isEqualTo(1);
        assertThat(etag(onV1)).isEqualTo(etag);
    }

    @Test
    void noMaterialChangeEventNoFlags() {
        String onV1 = record(1);
        // an editorial publish emits only org.consentgov.notice.published: recorded as seen, nothing flagged
        JsonNode published = mapper.valueToTree(NoticeEventTestData.event(
                UUID.randomUUID().toString(),
                "org.consentgov.notice.published",
                Map.of("slug", slug, "version", 2, "previousVersion", 1, "materialChange", false)));
        assertThat(accept(published).recordsChanged()).isZero();
        assertThat(record(onV1).path("reconsentRequired").asBoolean()).isFalse();
        assertThat(historyEvents(onV1)).containsExactly("recorded");
    }

    @Test
    void theWebhookNeedsAValidFreshSignature() throws Exception {
        String onV1 = record(1);
        String id = UUID.randomUUID().toString();
        byte[] body = mapper.writeValueAsBytes(materialChange(id, 2, List.of("lawful basis changed")));
        long now = Instant.now().getEpochSecond();

        // wrong secret, stale timestamp, no signature: 401, nothing changed, the event id not consumed
        for (var attempt : List.of(
                Map.of(
                        "ts",
                        now,
                        "sig",
                        WebhookSignature.sign("another-secret-of-enough-length-000000", id, now, body)),
                Map.of("ts", now - 600, "sig", WebhookSignature.sign(SECRET, id, now - 600, body)))) {
            given().header(WebhookSignature.ID_HEADER, id)
                    .header(WebhookSignature.TIMESTAMP_HEADER, attempt.get("ts").toString())
                    .header(
                            WebhookSignature.SIGNATURE_HEADER,
                            attempt.get("sig").toString())
                    .contentType("application/cloudevents+json; charset=utf-8")
                    .body(body)
                    .when()
                    .post(RECEIVER)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("code", equalTo("invalid-signature"));
        }
        given().header(WebhookSignature.ID_HEADER, id)
                .contentType("application/cloudevents+json")
                .body(body)
                .when()
                .post(RECEIVER)
                .then()
                .statusCode(401);
        // a body changed after signing
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("\"version\":2", "\"version\":3")
                .getBytes(StandardCharsets.UTF_8);
        given().header(WebhookSignature.ID_HEADER, id)
                .header(WebhookSignature.TIMESTAMP_HEADER, now)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, id, now, body))
                .contentType("application/cloudevents+json")
                .body(tampered)
                .when()
                .post(RECEIVER)
                .then()
                .statusCode(401);
        assertThat(record(onV1).path("reconsentRequired").asBoolean()).isFalse();
        assertThat(historyEvents(onV1)).containsExactly("recorded");

        // signed right: accepted, flagged; delivered again (a retry, signed afresh): 204, no second entry
        for (int i = 0; i < 2; i++) {
            long ts = Instant.now().getEpochSecond();
            given().header(WebhookSignature.ID_HEADER, id)
                    .header(WebhookSignature.TIMESTAMP_HEADER, ts)
                    .header(WebhookSignature.SIGNATURE_HEADER, "v0=old " + WebhookSignature.sign(SECRET, id, ts, body))
                    .contentType("application/cloudevents+json; charset=utf-8")
                    .body(body)
                    .when()
                    .post(RECEIVER)
                    .then()
                    .statusCode(204);
        }
        assertThat(record(onV1).path("reconsentRequired").asBoolean()).isTrue();
        assertThat(historyEvents(onV1)).containsExactly("recorded", "reconsent-required");
    }

    /**
     * Mass assignment through the receiver: a correctly signed event whose data also names records, states and
     * flags of its own changes exactly what its notice and version imply (the records pinned to older versions are
     * flagged), and nothing it names: the receiver reads the slug and the version, never a record id or a state.
     */
    @Test
    void fieldsASignedEventAddsAreNotAssigned() throws Exception {
        String onV1 = record(1);
        String onV2 = record(2);
        String id = UUID.randomUUID().toString();
        Map<String, Object> data = new java.util.LinkedHashMap<>(Map.of(
                "slug", slug, "version", 2, "previousVersion", 1, "reasons", List.of("purpose added: evaluation")));
        data.putAll(Map.of(
                "recordIds",
                List.of(onV2),
                "records",
                List.of(Map.of("id", onV2, "state", "WITHDRAWN")),
                "state",
                "WITHDRAWN",
                "effective",
                false,
                "reconsentRequired",
                false,
                "recordedBy",
                "mallory"));
        Map<String, Object> event = NoticeEventTestData.event(id, NoticeEventTestData.MATERIAL_CHANGE, data);
        event.putAll(Map.of(
                "recordedby",
                "mallory",
                "state",
                "WITHDRAWN",
                "subjectid",
                record(onV2).path("subjectId").asText()));
        byte[] body = mapper.writeValueAsBytes(event);
        long ts = Instant.now().getEpochSecond();
        given().header(WebhookSignature.ID_HEADER, id)
                .header(WebhookSignature.TIMESTAMP_HEADER, ts)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, id, ts, body))
                .contentType("application/cloudevents+json; charset=utf-8")
                .body(body)
                .when()
                .post(RECEIVER)
                .then()
                .statusCode(204);

        JsonNode flagged = record(onV1);
        assertThat(flagged.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(flagged.path("effective").asBoolean()).isTrue();
        assertThat(flagged.path("reconsentRequired").asBoolean()).isTrue();
        assertThat(flagged.path("recordedBy").asText()).isNotEqualTo("mallory");
        assertThat(historyEvents(onV1)).containsExactly("recorded", "reconsent-required");

        JsonNode named = record(onV2);
        assertThat(named.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(named.path("effective").asBoolean()).isTrue();
        assertThat(named.path("reconsentRequired").asBoolean()).isFalse();
        assertThat(historyEvents(onV2)).containsExactly("recorded");
        assertThat(outboxEvents(onV2, "org.consentgov.consent.reconsent-required"))
                .isZero();
    }

    @Test
    void pinnedCountsForTheDryRun() {
        record(1);
        record(1);
        record(2);
        given().auth()
                .oauth2(token("integration"))
                .queryParam("notice", slug)
                .queryParam("beforeVersion", 3)
                .when()
                .get("/api/consents/pinned")
                .then()
                .statusCode(200)
                .body("active", equalTo(3))
                .body("byVersion.'1'", equalTo(2))
                .body("byVersion.'2'", equalTo(1));
        given().auth()
                .oauth2(token("dpo"))
                .queryParam("notice", slug)
                .queryParam("beforeVersion", 2)
                .when()
                .get("/api/consents/pinned")
                .then()
                .statusCode(200)
                .body("active", equalTo(2));
        given().auth()
                .oauth2(token("caseworker"))
                .queryParam("notice", slug)
                .queryParam("beforeVersion", 2)
                .when()
                .get("/api/consents/pinned")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token("dpo"))
                .queryParam("notice", slug)
                .when()
                .get("/api/consents/pinned")
                .then()
                .statusCode(400);
    }
}
