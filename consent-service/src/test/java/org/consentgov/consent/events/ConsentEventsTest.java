package org.consentgov.consent.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.consent;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.map;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.party;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.today;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.consent.ConsentTestData;
import org.consentgov.consent.NoticeServiceStub;
import org.consentgov.platform.events.Dispatcher;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.WebhookReceiver;
import org.consentgov.platform.testing.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Consent events: written in the transaction of each state change and only then, with ids and no
 * identifiers; served by the change feed and delivered to subscribers.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentEventsTest {

    static final String PURPOSE = "research-what-it-means-to-me";
    static final String SUBSCRIPTIONS = "/api/consents/subscriptions";
    static WebhookReceiver receiver;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    Dispatcher dispatcher;

    @Inject
    org.consentgov.consent.domain.ConsentExpiries expiries;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @AfterEach
    void deactivateEverySubscription() {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.executeUpdate("UPDATE webhook_subscription SET active = false WHERE active");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCompetentChildsConsentIsGivenAtOnceWithIdsAndNoIdentifiers() {
        String nhs = nhsNumber();
        ExtractableResponse<Response> created = record(researchConsent(nhs, 0));
        String id = created.jsonPath().getString("id");
        List<Event> events = events(id);
        assertThat(events).extracting(Event::type).containsExactly(ConsentEvents.GIVEN);
        JsonNode data = events.get(0).data();
        assertThat(data.path("recordId").asText()).isEqualTo(id);
        assertThat(data.path("subjectId").asText()).isEqualTo(created.jsonPath().getString("subjectId"));
        assertThat(data.path("noticeSlug").asText()).isEqualTo(NoticeServiceStub.RESEARCH);
        assertThat(data.path("noticeVersion").asInt()).isEqualTo(1);
        assertThat(data.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(data.path("purposes").toString()).contains(PURPOSE);
        assertThat(data.toString()).doesNotContain(nhs).doesNotContain("EYES document");
    }

    @Test
    void aConsentWaitingForTheParentIsGivenWhenTheParentAgrees() {
        ExtractableResponse<Response> created = record(consent(
                nhsNumber(),
                NoticeServiceStub.RESEARCH,
                1,
                NoticeServiceStub.RESEARCH_HASH,
                PURPOSE,
                0,
                list(party("child", "GIVEN"))));
        String id = created.jsonPath().getString("id");
        assertThat(events(id)).as("not effective yet").isEmpty();
        given().auth()
                .oauth2(token("caseworker"))
                .header("If-Match", created.header("ETag"))
                .contentType(ContentType.JSON)
                .body(map(
                        "role",
                        "parent",
                        "relationship",
                        "mother",
                        "decision",
                        "GIVEN",
                        "decidedOn",
                        today().toString()))
                .when()
                .post("/api/consents/{id}/parties", id)
                .then()
                .statusCode(200)
                .body("effective", equalTo(true));
        assertThat(events(id)).extracting(Event::type).containsExactly(ConsentEvents.GIVEN);
    }

    @Test
    void aChildsRefusalIsAnnouncedAsRefused() {
        String id = record(consent(
                        nhsNumber(),
                        NoticeServiceStub.RESEARCH,
                        1,
                        NoticeServiceStub.RESEARCH_HASH,
                        PURPOSE,
                        0,
                        list(party("child", "REFUSED"), party("parent", "GIVEN"))))
                .jsonPath()
                .getString("id");
        assertThat(events(id)).extracting(Event::type).containsExactly(ConsentEvents.REFUSED);
    }

    @Test
    void aWithdrawalInsideTheWindowIsAnnounced() {
        String id = record(researchConsent(nhsNumber(), 3)).jsonPath().getString("id");
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(map("requestedBy", "child", "reason", "my own words, not for subscribers"))
                .header("If-Match", ConsentTestData.etag(id))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(200);
        List<Event> events = events(id);
        assertThat(events).extracting(Event::type).containsExactly(ConsentEvents.GIVEN, ConsentEvents.WITHDRAWN);
        assertThat(events.get(1).data().path("requestedBy").asText()).isEqualTo("child");
        assertThat(events.get(1).data().path("state").asText()).isEqualTo("WITHDRAWN");
        assertThat(events.get(1).data().toString()).doesNotContain("my own words");
    }

    @Test
    void aLateWithdrawalIsReferredThenResolvedByTheDpo() {
        String id = record(researchConsent(nhsNumber(), 15)).jsonPath().getString("id");
        String requestId = given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(map("requestedBy", "parent"))
                .header("If-Match", ConsentTestData.etag(id))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(409)
                .extract()
                .jsonPath()
                .getString("withdrawalRequestId");
        given().auth()
                .oauth2(token("dpo"))
                .contentType(ContentType.JSON)
                .body(map("decision", "ACCEPT", "note", "respected"))
                .header("If-Match", ConsentTestData.requestEtag(requestId))
                .when()
                .post("/api/consents/withdrawal-requests/{r}/resolve", requestId)
                .then()
                .statusCode(200);
        List<Event> events = events(id);
        assertThat(events)
                .extracting(Event::type)
                .containsExactly(
                        ConsentEvents.GIVEN,
                        ConsentEvents.WITHDRAWAL_REFERRED,
                        ConsentEvents.WITHDRAWN,
                        ConsentEvents.LATE_WITHDRAWAL_RESOLVED);
        assertThat(events.get(1).data().path("withdrawalRequestId").asText()).isEqualTo(requestId);
        assertThat(events.get(1).data().path("windowEndedOn").asText())
                .isEqualTo(today().minusDays(1).toString());
        assertThat(events.get(3).data().path("resolution").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void aNewerRecordSupersedesTheOldOneAndTheDpoInvalidates() {
        String nhs = nhsNumber();
        String old = record(researchConsent(nhs, 2)).jsonPath().getString("id");
        ExtractableResponse<Response> newer = record(researchConsent(nhs, 1));
        String id = newer.jsonPath().getString("id");
        assertThat(events(old)).extracting(Event::type).containsExactly(ConsentEvents.GIVEN, ConsentEvents.SUPERSEDED);
        assertThat(events(old).get(1).data().path("supersededBy").asText()).isEqualTo(id);
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", newer.header("ETag"))
                .contentType(ContentType.JSON)
                .body(map("reason", "recorded against the wrong child"))
                .when()
                .post("/api/consents/{id}/invalidate", id)
                .then()
                .statusCode(200);
        assertThat(events(id)).extracting(Event::type).containsExactly(ConsentEvents.GIVEN, ConsentEvents.INVALIDATED);
    }

    @Test
    void aRefusedRequestWritesNoEvent() {
        long before = count();
        Map<String, Object> wrongHash = consent(
                nhsNumber(), NoticeServiceStub.RESEARCH, 1, "f".repeat(64), PURPOSE, 0, list(party("child", "GIVEN")));
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(wrongHash)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("notice-hash-mismatch"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anExpiredConsentReachesSubscribersAndTheFeed() {
        String secret = "consent-expiry-secret-" + UUID.randomUUID();
        given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(map("targetUrl", receiver.url(), "eventTypes", List.of(ConsentEvents.EXPIRED), "secret", secret))
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201);
        receiver.clear();
        String slug = "lasting-notice";
        String hash = "6".repeat(64);
        NoticeServiceStub.stage(
                slug,
                1,
                hash,
                n -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                                n.path("content").path("consent"))
                        .put("consentDuration", "P6M"));
        Map<String, Object> body =
                consent(nhsNumber(), slug, 1, hash, PURPOSE, 0, list(ConsentTestData.competentChild("GIVEN")));
        body.put("givenOn", today().minusMonths(7).toString());
        body.put("formIssuedOn", today().minusMonths(7).minusDays(1).toString());
        String id = given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        expiries.expire(Instant.now(), 1000);
        List<Received> mine = List.of();
        for (Instant deadline = Instant.now().plusSeconds(120);
                mine.isEmpty() && Instant.now().isBefore(deadline); ) {
            dispatcher.dispatchOnce();
            mine = receiver.received().stream()
                    .filter(r -> id.equals(r.subject()))
                    .toList();
        }
        assertThat(mine).extracting(Received::type).containsExactly(ConsentEvents.EXPIRED);
        assertThat(mine.get(0).signedWith(secret, Instant.now())).isTrue();
        assertThat(mine.get(0).json().path("data").path("state").asText()).isEqualTo("EXPIRED");
        assertThat(mine.get(0).json().path("data").path("expiresAt").asText()).isNotBlank();
        assertThat(feedTypes(id)).containsExactly(ConsentEvents.GIVEN, ConsentEvents.EXPIRED);
    }

    private List<Object> feedTypes(String id) {
        List<Map<String, Object>> feed = new ArrayList<>();
        long after = 0;
        while (true) {
            var page = given().auth()
                    .oauth2(token("auditor"))
                    .queryParam("after", after)
                    .queryParam("limit", 500)
                    .when()
                    .get("/api/consents/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                break;
            }
            feed.addAll(items);
            after = page.getLong("next");
        }
        return feed.stream()
                .filter(i -> id.equals(i.get("subject")))
                .map(i -> i.get("type"))
                .toList();
    }

    @Test
    void aSubscriberGetsConsentEventsSignedAndTheFeedHasThem() {
        String secret = "consent-subscriber-secret-" + UUID.randomUUID();
        given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(map(
                        "targetUrl", receiver.url(), "eventTypes", List.of(ConsentEvents.WITHDRAWN), "secret", secret))
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201);
        receiver.clear();
        String id = record(researchConsent(nhsNumber(), 0)).jsonPath().getString("id");
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(map("requestedBy", "child"))
                .header("If-Match", ConsentTestData.etag(id))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(200);
        // other tests (bulk imports) may have left a backlog of events ahead of this one: dispatch until it is through
        List<Received> mine = List.of();
        for (Instant deadline = Instant.now().plusSeconds(120);
                mine.isEmpty() && Instant.now().isBefore(deadline); ) {
            dispatcher.dispatchOnce();
            mine = receiver.received().stream()
                    .filter(r -> id.equals(r.subject()))
                    .toList();
        }
        assertThat(mine).extracting(Received::type).containsExactly(ConsentEvents.WITHDRAWN);
        assertThat(mine.get(0).signedWith(secret, Instant.now())).isTrue();
        assertThat(mine.get(0).json().path("source").asText()).isEqualTo("/consent-service");

        List<Map<String, Object>> feed = new ArrayList<>();
        long after = 0;
        while (true) {
            var page = given().auth()
                    .oauth2(token("auditor"))
                    .queryParam("after", after)
                    .queryParam("limit", 500)
                    .when()
                    .get("/api/consents/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                break;
            }
            feed.addAll(items);
            after = page.getLong("next");
        }
        assertThat(feed.stream()
                        .filter(i -> id.equals(i.get("subject")))
                        .map(i -> i.get("type"))
                        .toList())
                .containsExactly(ConsentEvents.GIVEN, ConsentEvents.WITHDRAWN);
    }

    @Test
    void consentSubscriptionsAcceptConsentEventTypesOnlyAndOnlyForTheDpoAndIntegrations() {
        Map<String, Object> body = map(
                "targetUrl",
                "https://hooks.example.org/consents",
                "eventTypes",
                List.of("org.consentgov.notice.published"),
                "secret",
                "consent-events-test-secret-" + UUID.randomUUID());
        given().auth()
                .oauth2(token("dpo"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(422)
                .body("code", equalTo("unknown-event-type"))
                .body("knownEventTypes", hasItem(ConsentEvents.WITHDRAWAL_REFERRED));
        body.put("eventTypes", List.of(ConsentEvents.GIVEN));
        for (String role : List.of("caseworker", "researcher", "partner", "auditor")) {
            given().auth()
                    .oauth2(token(role))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post(SUBSCRIPTIONS)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(token("caseworker"))
                .when()
                .get("/api/consents/changes")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token("dpo"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201);
    }

    // ---- helpers

    record Event(String type, JsonNode data) {}

    private List<Event> events(String recordId) {
        List<Event> out = new ArrayList<>();
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "SELECT type, data::text FROM outbox_event WHERE aggregate_type = 'consent-record' AND aggregate_id = ? ORDER BY seq")) {
            s.setString(1, recordId);
            var rs = s.executeQuery();
            while (rs.next()) {
                out.add(new Event(rs.getString(1), mapper.readTree(rs.getString(2))));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count() {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM outbox_event");
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExtractableResponse<Response> record(Map<String, Object> body) {
        return given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract();
    }
}
