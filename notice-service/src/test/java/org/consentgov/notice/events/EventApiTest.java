package org.consentgov.notice.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.map;
import static org.consentgov.notice.NoticeTestData.token;
import static org.consentgov.notice.NoticeTestData.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.consentgov.platform.events.Dispatcher;
import org.consentgov.platform.events.Outbox;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The subscription API and the change feed of notice-service (the platform's, under /api/notices). */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class EventApiTest {

    static final String SUBSCRIPTIONS = "/api/notices/subscriptions";
    static final String SECRET = "correct-horse-battery-staple-0123456789abcdefgh";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    Dispatcher dispatcher;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
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

    // ---- subscriptions

    @Test
    void theDpoSubscribesReadsListsAndDeactivatesAndTheSecretIsNeverShown() {
        ExtractableResponse<Response> created = given().auth()
                .oauth2(token("dpo"))
                .contentType(ContentType.JSON)
                .body(subscription(
                        "https://hooks.example.org/notices", NoticeEvents.PUBLISHED, NoticeEvents.MATERIAL_CHANGE))
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201)
                .header("Location", containsString(SUBSCRIPTIONS + "/"))
                .body("targetUrl", equalTo("https://hooks.example.org/notices"))
                .body("eventTypes", equalTo(List.of(NoticeEvents.PUBLISHED, NoticeEvents.MATERIAL_CHANGE)))
                .body("active", equalTo(true))
                .body("createdBy", equalTo("dpo-user"))
                .body("secret", nullValue())
                .extract();
        String id = created.jsonPath().getString("id");
        List<String> bodies = new ArrayList<>(List.of(created.body().asString()));
        given().auth()
                .oauth2(token("integration"))
                .when()
                .get(created.header("Location"))
                .then()
                .statusCode(404); // the dpo's subscription is not the integration's (SubscriptionOwnershipTest)
        bodies.add(given().auth()
                .oauth2(token("dpo"))
                .when()
                .get(created.header("Location"))
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .extract()
                .body()
                .asString());
        bodies.add(given().auth()
                .oauth2(token("dpo"))
                .queryParam("size", 100)
                .when()
                .get(SUBSCRIPTIONS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .extract()
                .body()
                .asString());
        bodies.add(given().auth()
                .oauth2(token("dpo"))
                .when()
                .get(SUBSCRIPTIONS + "/{id}/deliveries", id)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0))
                .extract()
                .body()
                .asString());
        String etag = created.header("ETag");
        assertThat(etag).isEqualTo(etagOf(id));
        String deactivated = given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag)
                .when()
                .delete(SUBSCRIPTIONS + "/{id}", id)
                .then()
                .statusCode(204)
                .extract()
                .header("ETag");
        assertThat(deactivated).isNotEqualTo(etag).isEqualTo(etagOf(id));
        // a retry with the ETag it was sent with changes nothing: the subscription is already inactive
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag)
                .when()
                .delete(SUBSCRIPTIONS + "/{id}", id)
                .then()
                .statusCode(204)
                .header("ETag", deactivated);
        bodies.add(given().auth()
                .oauth2(token("dpo"))
                .when()
                .get(SUBSCRIPTIONS + "/{id}", id)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("deactivatedAt", notNullValue())
                .extract()
                .body()
                .asString());
        assertThat(bodies)
                .allSatisfy(body -> assertThat(body).doesNotContain(SECRET).doesNotContain("secret"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReplaysTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = subscription("https://hooks.example.org/replay", NoticeEvents.RETIRED);
        String first = given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        Map<String, String> before = fingerprint();
        ExtractableResponse<Response> replay = given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract();
        assertThat(replay.jsonPath().getString("id")).isEqualTo(first);
        assertThat(replay.body().asString()).doesNotContain(SECRET);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aTargetThatIsNoHttpUrlIsRefusedAndNothingIsStored() {
        for (String url : List.of(
                "ftp://hooks.example.org/x",
                "hooks.example.org/x",
                "https://user:password@hooks.example.org/",
                "not a url")) {
            assertUnchangedBy(() -> given().auth()
                    .oauth2(token("dpo"))
                    .contentType(ContentType.JSON)
                    .body(subscription(url, NoticeEvents.PUBLISHED))
                    .when()
                    .post(SUBSCRIPTIONS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("invalid-target-url"))
                    .body("errors[0].field", equalTo("targetUrl"))
                    .extract());
        }
    }

    @Test
    void anEventTypeThisServiceDoesNotEmitIsRefused() {
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("dpo"))
                .contentType(ContentType.JSON)
                .body(subscription(
                        "https://hooks.example.org/x", NoticeEvents.PUBLISHED, "org.consentgov.consent.given"))
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("unknown-event-type"))
                .body("errors[0].field", equalTo("eventTypes[1]"))
                .body("knownEventTypes", hasItem(NoticeEvents.RETIRED))
                .extract());
    }

    @Test
    void aShortSecretOrNoEventTypesAreInvalid() {
        Map<String, Object> shortSecret = subscription("https://hooks.example.org/x", NoticeEvents.PUBLISHED);
        shortSecret.put("secret", "too-short");
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("dpo"))
                .contentType(ContentType.JSON)
                .body(shortSecret)
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(400)
                .body("code", equalTo("weak-webhook-secret"))
                .body("errors.field", hasItem("secret"))
                .extract());
        Map<String, Object> noTypes = subscription("https://hooks.example.org/x");
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("dpo"))
                .contentType(ContentType.JSON)
                .body(noTypes)
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("eventTypes"))
                .extract());
    }

    @Test
    void onlyTheDpoAndIntegrationsManageSubscriptions() {
        String id = subscribed(token("dpo"), "https://hooks.example.org/roles");
        for (String role : List.of("caseworker", "notice-editor", "researcher", "partner", "auditor")) {
            assertUnchangedBy(() -> given().auth()
                    .oauth2(token(role))
                    .contentType(ContentType.JSON)
                    .body(subscription("https://hooks.example.org/x", NoticeEvents.PUBLISHED))
                    .when()
                    .post(SUBSCRIPTIONS)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .extract());
            given().auth().oauth2(token(role)).when().get(SUBSCRIPTIONS).then().statusCode(403);
            given().auth()
                    .oauth2(token(role))
                    .when()
                    .get(SUBSCRIPTIONS + "/{id}", id)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token(role))
                    .when()
                    .get(SUBSCRIPTIONS + "/{id}/deliveries", id)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token(role))
                    .when()
                    .delete(SUBSCRIPTIONS + "/{id}", id)
                    .then()
                    .statusCode(403);
        }
        given().when().get(SUBSCRIPTIONS).then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get(SUBSCRIPTIONS + "/{id}", id)
                .then()
                .body("active", equalTo(true));
    }

    @Test
    void deactivationWithoutIfMatchIs428AndWithAStaleOneIs412AndChangesNothing() {
        String id = subscribed(token("integration"), "https://hooks.example.org/if-match");
        String etag = etagOf(id);
        given().auth()
                .oauth2(token("integration"))
                .when()
                .delete(SUBSCRIPTIONS + "/{id}", id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("code", equalTo("if-match-required"));
        for (String stale : List.of("\"7\"", "W/" + etag, "0")) {
            given().auth()
                    .oauth2(token("integration"))
                    .header("If-Match", stale)
                    .when()
                    .delete(SUBSCRIPTIONS + "/{id}", id)
                    .then()
                    .statusCode(412)
                    .contentType("application/problem+json")
                    .body("code", equalTo("stale-etag"));
        }
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get(SUBSCRIPTIONS + "/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", etag)
                .body("active", equalTo(true))
                .body("deactivatedBy", nullValue());
    }

    /** A new subscription to notice publications, made by the token's caller; answers its id. */
    private static String subscribed(String token, String target) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(subscription(target, NoticeEvents.PUBLISHED))
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }

    private static String etagOf(String subscription) {
        return given().auth()
                .oauth2(token("dpo"))
                .when()
                .get(SUBSCRIPTIONS + "/{id}", subscription)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    @Test
    void unknownSubscriptionsAndDeliveriesAreNotFound() {
        UUID unknown = UUID.randomUUID();
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get(SUBSCRIPTIONS + "/{id}", unknown)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not-found"));
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get(SUBSCRIPTIONS + "/{id}/deliveries", unknown)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", "\"0\"")
                .when()
                .delete(SUBSCRIPTIONS + "/{id}", unknown)
                .then()
                .statusCode(404);
        String id = subscribed(token("dpo"), "https://hooks.example.org/404");
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", "\"0\"")
                .when()
                .post(SUBSCRIPTIONS + "/{id}/deliveries/{d}/redeliver", id, unknown)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token("dpo"))
                .queryParam("status", "LOST")
                .when()
                .get(SUBSCRIPTIONS + "/{id}/deliveries", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
    }

    // ---- change feed

    @Test
    void pagingTheChangeFeedWithItsCursorReturnsEveryEventOnceInOrder() {
        String aggregate = uniqueSlug("feed");
        List<UUID> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int version = i + 1;
            written.add(QuarkusTransaction.requiringNew()
                    .call(() -> outbox.publish(
                            NoticeEvents.AGGREGATE,
                            aggregate,
                            NoticeEvents.PUBLISHED,
                            Map.of("slug", aggregate, "version", version))));
        }
        dispatcher.dispatchOnce();

        List<Map<String, Object>> all = new ArrayList<>();
        long after = 0;
        for (int page = 0; page < 1000; page++) {
            JsonPath feed = given().auth()
                    .oauth2(token("auditor"))
                    .queryParam("after", after)
                    .queryParam("limit", 3)
                    .when()
                    .get("/api/notices/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = feed.getList("items");
            if (items.isEmpty()) {
                assertThat(feed.getLong("next")).isEqualTo(after);
                break;
            }
            assertThat(items).hasSizeLessThanOrEqualTo(3);
            all.addAll(items);
            after = feed.getLong("next");
            assertThat(after).isEqualTo(((Number) items.get(items.size() - 1).get("position")).longValue());
        }
        List<Long> positions =
                all.stream().map(i -> ((Number) i.get("position")).longValue()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(all).extracting(i -> i.get("id")).doesNotHaveDuplicates();
        assertThat(all.stream()
                        .filter(i -> aggregate.equals(i.get("subject")))
                        .map(i -> i.get("id"))
                        .toList())
                .containsExactlyElementsOf(written.stream().map(UUID::toString).toList());
        Map<String, Object> first = all.stream()
                .filter(i -> aggregate.equals(i.get("subject")))
                .findFirst()
                .orElseThrow();
        assertThat(first)
                .containsEntry("specversion", "1.0")
                .containsEntry("source", "/notice-service")
                .containsEntry("type", NoticeEvents.PUBLISHED)
                .containsEntry("datacontenttype", "application/json");
        assertThat(first.get("data")).isEqualTo(Map.of("slug", aggregate, "version", 1));
    }

    @Test
    void theChangeFeedIsForTheDpoIntegrationsAndAuditorsWithBoundedPages() {
        for (String role : List.of("dpo", "integration", "auditor")) {
            given().auth()
                    .oauth2(token(role))
                    .when()
                    .get("/api/notices/changes")
                    .then()
                    .statusCode(200)
                    .body("next", notNullValue());
        }
        for (String role : List.of("caseworker", "notice-editor", "partner", "researcher")) {
            given().auth()
                    .oauth2(token(role))
                    .when()
                    .get("/api/notices/changes")
                    .then()
                    .statusCode(403);
        }
        given().when().get("/api/notices/changes").then().statusCode(401);
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("limit", 501)
                .when()
                .get("/api/notices/changes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("after", -1)
                .when()
                .get("/api/notices/changes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void theSharedOperationsHaveIdsOfTheirOwnInThisService() {
        JsonPath doc = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths)
                .containsKeys(
                        SUBSCRIPTIONS,
                        SUBSCRIPTIONS + "/{id}",
                        SUBSCRIPTIONS + "/{id}/deliveries",
                        SUBSCRIPTIONS + "/{id}/deliveries/{deliveryId}/redeliver",
                        "/api/notices/changes");
        assertThat(paths.get(SUBSCRIPTIONS).get("post").get("operationId"))
                .isEqualTo("createNoticeWebhookSubscription");
        assertThat(paths.get("/api/notices/changes").get("get").get("operationId"))
                .isEqualTo("listNoticeChanges");
        Set<Object> ids = new HashSet<>();
        paths.values()
                .forEach(ops -> ops.values().forEach(op -> {
                    if (op.get("operationId") != null) {
                        assertThat(ids.add(op.get("operationId")))
                                .as("unique %s", op.get("operationId"))
                                .isTrue();
                    }
                }));
        assertThat(doc.getMap("components.schemas"))
                .containsKeys(
                        "WebhookSubscription",
                        "WebhookDelivery",
                        "CreateWebhookSubscription",
                        "ChangeFeedPage",
                        "ChangeEvent");
    }

    // ---- helpers

    static Map<String, Object> subscription(String url, String... types) {
        return map("targetUrl", url, "eventTypes", List.of(types), "secret", SECRET, "description", "test");
    }

    private Map<String, String> fingerprint() {
        return DatabaseFingerprint.of(dataSource, "webhook_subscription", "idempotency_key");
    }

    private void assertUnchangedBy(Supplier<ExtractableResponse<Response>> request) {
        Map<String, String> before = fingerprint();
        ExtractableResponse<Response> response = request.get();
        assertThat(response.body().asString()).doesNotContain(SECRET).doesNotContain("Exception");
        assertThat(fingerprint()).as("database after a rejected request").isEqualTo(before);
    }
}
