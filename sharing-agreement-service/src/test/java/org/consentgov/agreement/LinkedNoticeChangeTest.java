package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.content;
import static org.consentgov.agreement.AgreementTestData.create;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.etag;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.read;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.agreement.AgreementTestData.Parties;
import org.consentgov.platform.events.WebhookSignature;
import org.consentgov.platform.testing.NoticeEventTestData;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Agreements follow their notices: notice-service's signed material-change event, delivered to the webhook
 * receiver, flags the agreements in force that link an older version of the notice for the DPO's review (history,
 * event, review list), and a review clears the flag; an editorial change, an unlinked agreement, a redelivery and a
 * bad signature change nothing.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LinkedNoticeChangeTest {

    static final String SECRET = "test-notice-events-secret-0123456789abcdefghij";
    static final String RECEIVER = "/api/agreements/notice-events";
    static final String MATERIAL_CHANGE = "org.consentgov.notice.material-change";

    @Inject
    ObjectMapper mapper;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void healUpstreams() {
        UpstreamStubs.reset();
    }

    byte[] event(String id, String type, Map<String, Object> data) throws Exception {
        return mapper.writeValueAsBytes(NoticeEventTestData.event(id, type, data));
    }

    byte[] materialChange(String id, String notice) throws Exception {
        return mapper.writeValueAsBytes(
                NoticeEventTestData.materialChange(id, notice, 2, 1, List.of("purpose added: evaluation")));
    }

    ExtractableResponse<Response> deliver(String id, byte[] body, String secret, long timestamp) {
        return given().header(WebhookSignature.ID_HEADER, id)
                .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, id, timestamp, body))
                .contentType("application/cloudevents+json; charset=utf-8")
                .body(body)
                .when()
                .post(RECEIVER)
                .then()
                .extract();
    }

    ExtractableResponse<Response> deliver(String id, byte[] body) {
        return deliver(id, body, SECRET, Instant.now().getEpochSecond());
    }

    static List<String> history(String id) {
        return given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}/history", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("action");
    }

    static List<String> events(String id) {
        return given().auth()
                .oauth2(dpo())
                .queryParam("size", 100)
                .when()
                .get("/api/agreements/{id}/events", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.type");
    }

    static List<String> reviewList() {
        return given().auth()
                .oauth2(dpo())
                .queryParam("reviewRequired", true)
                .queryParam("size", 100)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
    }

    long outbox(String agreementId, String type) {
        return NoticeEventTestData.outboxEvents(dataSource, agreementId, type);
    }

    @Test
    void aMaterialChangeFlagsTheLinkedAgreementInForceForReviewUntilItIsReviewed() throws Exception {
        Parties linked = parties();
        Parties other = parties();
        String inForce = active(linked);
        String draft = create(content(linked)).jsonPath().getString("id");
        String unlinked = active(other);
        String unlinkedEtag = etag(unlinked);
        String draftEtag = etag(draft);

        String eventId = UUID.randomUUID().toString();
        assertThat(deliver(eventId, materialChange(eventId, linked.notice())).statusCode())
                .isEqualTo(204);

        ExtractableResponse<Response> flagged = read(inForce);
        assertThat(flagged.jsonPath().getBoolean("reviewRequired")).isTrue();
        assertThat(flagged.jsonPath().getString("state")).isEqualTo("ACTIVE");
        assertThat(flagged.jsonPath().getMap("reviewNoticeChanges[0]"))
                .containsEntry("notice", linked.notice())
                .containsEntry("linkedVersion", 1)
                .containsEntry("previousVersion", 1)
                .containsEntry("version", 2)
                .containsEntry("reasons", List.of("purpose added: evaluation"))
                .containsEntry("noticeEventId", eventId);
        assertThat(history(inForce)).endsWith("ACTIVATED", "REVIEW_REQUIRED");
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}/history", inForce)
                .then()
                .body("[-1].actor", equalTo("system"))
                .body(
                        "[-1].reason",
                        equalTo(
                                "notice " + linked.notice()
                                        + " changed materially in version 2 (the agreement links version 1): purpose added: evaluation"));
        assertThat(events(inForce)).endsWith("agreement.review-required");
        assertThat(outbox(inForce, "org.consentgov.agreement.review-required")).isEqualTo(1);
        assertThat(reviewList()).contains(inForce).doesNotContain(unlinked, draft);

        // the agreement linking another notice, and the draft (checked again when submitted), are untouched
        assertThat(etag(unlinked)).isEqualTo(unlinkedEtag);
        assertThat(etag(draft)).isEqualTo(draftEtag);
        assertThat(read(unlinked).jsonPath().getBoolean("reviewRequired")).isFalse();
        assertThat(history(unlinked)).doesNotContain("REVIEW_REQUIRED");
        assertThat(outbox(unlinked, "org.consentgov.agreement.review-required")).isZero();

        // the DPO's review clears the flag
        given().auth()
                .oauth2(dpo())
                .header("If-Match", etag(inForce))
                .contentType(ContentType.JSON)
                .body(map("note", "the notice's new purpose is covered; no change needed"))
                .when()
                .post("/api/agreements/{id}/reviews", inForce)
                .then()
                .statusCode(200)
                .body("reviewRequired", equalTo(false))
                .body("reviewNoticeChanges", equalTo(List.of()));
        assertThat(reviewList()).doesNotContain(inForce);
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}/events", inForce)
                .then()
                .body("items[-1].type", equalTo("agreement.reviewed"))
                .body("items[-1].payload.reviewRequiredCleared", equalTo(true));
    }

    @Test
    void anEditorialChangeFlagsNothing() throws Exception {
        Parties p = parties();
        String inForce = active(p);
        String before = etag(inForce);
        String id = UUID.randomUUID().toString();
        // an editorial publish emits only org.consentgov.notice.published (materialChange false)
        byte[] published = event(
                id,
                "org.consentgov.notice.published",
                map("slug", p.notice(), "version", 2, "previousVersion", 1, "materialChange", false));

        assertThat(deliver(id, published).statusCode()).isEqualTo(204);

        assertThat(etag(inForce)).isEqualTo(before);
        assertThat(read(inForce).jsonPath().getBoolean("reviewRequired")).isFalse();
        assertThat(history(inForce)).doesNotContain("REVIEW_REQUIRED");
        assertThat(reviewList()).doesNotContain(inForce);
    }

    @Test
    void aRedeliveredEventIsProcessedOnce() throws Exception {
        Parties p = parties();
        String inForce = active(p);
        String id = UUID.randomUUID().toString();
        byte[] body = materialChange(id, p.notice());

        assertThat(deliver(id, body).statusCode()).isEqualTo(204);
        String after = etag(inForce);
        // the dispatcher's retry: the same event id, signed afresh
        assertThat(deliver(id, body).statusCode()).isEqualTo(204);
        // the same change under another event id (a second subscription, a replay from the feed) flags nothing more
        String other = UUID.randomUUID().toString();
        assertThat(deliver(other, materialChange(other, p.notice())).statusCode())
                .isEqualTo(204);

        assertThat(etag(inForce)).isEqualTo(after);
        assertThat(history(inForce).stream().filter("REVIEW_REQUIRED"::equals)).hasSize(1);
        assertThat(events(inForce).stream().filter("agreement.review-required"::equals))
                .hasSize(1);
        assertThat(outbox(inForce, "org.consentgov.agreement.review-required")).isEqualTo(1);
    }

    @Test
    void aBadSignatureOrABadEventIsRefusedAndChangesNothing() throws Exception {
        Parties p = parties();
        String inForce = active(p);
        String id = UUID.randomUUID().toString();
        byte[] body = materialChange(id, p.notice());
        long now = Instant.now().getEpochSecond();

        Unchanged.by(dataSource, () -> deliver(id, body, "another-secret-of-enough-length-000000", now));
        Unchanged.by(dataSource, () -> deliver(id, body, SECRET, now - 600));
        assertThat(Unchanged.by(
                                dataSource,
                                () -> given().header(WebhookSignature.ID_HEADER, id)
                                        .contentType("application/cloudevents+json")
                                        .body(body)
                                        .when()
                                        .post(RECEIVER)
                                        .then()
                                        .extract())
                        .statusCode())
                .isEqualTo(401);
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("\"version\":2", "\"version\":3")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Unchanged.by(
                                dataSource,
                                () -> given().header(WebhookSignature.ID_HEADER, id)
                                        .header(WebhookSignature.TIMESTAMP_HEADER, now)
                                        .header(
                                                WebhookSignature.SIGNATURE_HEADER,
                                                WebhookSignature.sign(SECRET, id, now, body))
                                        .contentType("application/cloudevents+json")
                                        .body(tampered)
                                        .when()
                                        .post(RECEIVER)
                                        .then()
                                        .extract())
                        .jsonPath()
                        .getString("code"))
                .isEqualTo("invalid-signature");

        // signed right, but no version to compare with, or an id that is not the Webhook-Id: 400, nothing claimed
        String noVersion = UUID.randomUUID().toString();
        assertThat(Unchanged.by(dataSource, () -> {
                            try {
                                return deliver(noVersion, event(noVersion, MATERIAL_CHANGE, map("slug", p.notice())));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .jsonPath()
                        .getString("code"))
                .isEqualTo("invalid-event");
        Unchanged.by(dataSource, () -> deliver("another-id", body));

        assertThat(read(inForce).jsonPath().getBoolean("reviewRequired")).isFalse();
        // the refused deliveries consumed nothing: the event, once delivered right, still flags the agreement
        assertThat(deliver(id, body).statusCode()).isEqualTo(204);
        assertThat(read(inForce).jsonPath().getBoolean("reviewRequired")).isTrue();
    }
}
