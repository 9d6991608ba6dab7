package org.consentgov.notice.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.map;
import static org.consentgov.notice.NoticeTestData.request;
import static org.consentgov.notice.NoticeTestData.token;
import static org.consentgov.notice.NoticeTestData.uniqueSlug;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.consentgov.platform.events.Dispatcher;
import org.consentgov.platform.events.EventsConfig;
import org.consentgov.platform.events.Outbox;
import org.consentgov.platform.events.SubscriptionSecrets;
import org.consentgov.platform.events.fence.TargetFence;
import org.consentgov.platform.testing.MutableClock;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.WebhookReceiver;
import org.consentgov.platform.testing.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher against a real database and a WireMock receiver: retries, ordering per aggregate, signatures,
 * parking and redelivery, and two dispatchers sharing the work. Time is a {@link MutableClock} of the test's
 * own dispatcher; nothing sleeps. The test profile parks after 4 attempts.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest {

    static final Duration LATER = Duration.ofHours(2);
    static WebhookReceiver receiver;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventsConfig config;

    @Inject
    Outbox outbox;

    @Inject
    TargetFence fence;

    @Inject
    SubscriptionSecrets secrets;

    MutableClock clock;
    Dispatcher dispatcher;

    @BeforeAll
    static void startReceiver() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void freshDispatcher() {
        deactivateEverySubscription();
        clock = MutableClock.startingNow();
        dispatcher = new Dispatcher(dataSource, config, clock, new Random(1), fence, secrets);
        dispatcher.dispatchOnce(); // sequence what earlier tests left, before this test subscribes
        receiver.up();
        receiver.clear();
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
    void aReceiverThatIsDownForAWhileGetsEveryEventAfterwardsInOrderAndSigned() {
        String secret = secret();
        String subscription = subscribe(receiver.url(), secret, NoticeEvents.PUBLISHED, NoticeEvents.RETIRED);
        receiver.down(503);
        Map<String, List<UUID>> written = new LinkedHashMap<>();
        for (int a = 0; a < 3; a++) {
            String aggregate = uniqueSlug("down");
            written.put(aggregate, write(aggregate, 4));
        }
        String slug = createPublishAndRetire();

        for (int round = 1; round <= 3; round++) {
            dispatcher.dispatchOnce();
            assertThat(receiver.received())
                    .as("round %d: only the oldest event of each notice is tried", round)
                    .hasSize(4 * round);
            clock.advance(LATER);
        }
        assertThat(receiver.received()).extracting(Received::answeredWith).containsOnly(503);
        assertThat(deliveries(subscription, "PENDING")).hasSize(14);

        receiver.up();
        receiver.clear();
        dispatcher.dispatchOnce();

        List<Received> received = receiver.received();
        assertThat(received).hasSize(14);
        assertThat(received).extracting(Received::id).doesNotHaveDuplicates();
        assertThat(received).allSatisfy(r -> {
            assertThat(r.signedWith(secret, clock.instant()))
                    .as("signature of %s", r.id())
                    .isTrue();
            assertThat(r.contentType()).startsWith("application/cloudevents+json");
            assertThat(r.json().path("specversion").asText()).isEqualTo("1.0");
            assertThat(r.json().path("source").asText()).isEqualTo("/notice-service");
            assertThat(r.json().path("id").asText()).isEqualTo(r.id());
        });
        Map<String, List<String>> bySubject = received.stream()
                .collect(Collectors.groupingBy(
                        Received::subject, LinkedHashMap::new, Collectors.mapping(Received::id, Collectors.toList())));
        written.forEach((aggregate, ids) -> assertThat(bySubject.get(aggregate))
                .as("order of %s", aggregate)
                .containsExactlyElementsOf(ids.stream().map(UUID::toString).toList()));
        assertThat(received.stream()
                        .filter(r -> r.subject().equals(slug))
                        .map(Received::type)
                        .toList())
                .containsExactly(NoticeEvents.PUBLISHED, NoticeEvents.RETIRED);

        JsonPath log = deliveryLog(subscription, null);
        assertThat(log.getList("items.status", String.class)).hasSize(14).containsOnly("DELIVERED");
        assertThat(log.getList("items.attempts", Integer.class)).containsOnly(1, 4);
        dispatcher.dispatchOnce();
        assertThat(receiver.received()).as("nothing is sent twice").hasSize(14);
    }

    @Test
    void aParkedDeliveryHoldsBackItsNoticeUntilRedeliveredThroughTheApi() {
        String secret = secret();
        String subscription = subscribe(receiver.url(), secret, NoticeEvents.PUBLISHED);
        receiver.down(500);
        String aggregate = uniqueSlug("parked");
        List<UUID> ids = write(aggregate, 2);

        String beforeParking = null;
        for (int round = 0; round < config.maxAttempts(); round++) {
            dispatcher.dispatchOnce();
            clock.advance(LATER);
            if (round == 0) {
                beforeParking = (String) deliveries(subscription, "PENDING").stream()
                        .filter(d -> d.get("eventId").equals(ids.get(0).toString()))
                        .findFirst()
                        .orElseThrow()
                        .get("etag");
            }
        }
        List<Map<String, Object>> parked = deliveries(subscription, "PARKED");
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0))
                .containsEntry("eventId", ids.get(0).toString())
                .containsEntry("attempts", 4)
                .containsEntry("lastStatus", 500)
                .containsEntry("lastError", "HTTP 500");
        assertThat(deliveries(subscription, "PENDING"))
                .extracting(d -> d.get("eventId"))
                .containsExactly(ids.get(1).toString());

        receiver.up();
        receiver.clear();
        clock.advance(LATER);
        dispatcher.dispatchOnce();
        assertThat(receiver.received())
                .as("the later event waits behind the parked one")
                .isEmpty();

        String delivery = (String) parked.get(0).get("id");
        String etag = (String) parked.get(0).get("etag");
        assertThat(etag).matches("\"[0-9]+\"").isNotEqualTo(beforeParking);
        // without If-Match, or with the version read before it was parked, nothing is queued
        given().auth()
                .oauth2(token("integration"))
                .when()
                .post("/api/notices/subscriptions/{id}/deliveries/{d}/redeliver", subscription, delivery)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("code", equalTo("if-match-required"));
        given().auth()
                .oauth2(token("integration"))
                .header("If-Match", beforeParking)
                .when()
                .post("/api/notices/subscriptions/{id}/deliveries/{d}/redeliver", subscription, delivery)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("code", equalTo("stale-etag"))
                .body("currentEtag", equalTo(etag));
        assertThat(deliveries(subscription, "PARKED")).containsExactly(parked.get(0));

        String queued = given().auth()
                .oauth2(token("integration"))
                .header("If-Match", etag)
                .when()
                .post("/api/notices/subscriptions/{id}/deliveries/{d}/redeliver", subscription, delivery)
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("attempts", equalTo(0))
                .body("redeliveredBy", equalTo("integration-user"))
                .extract()
                .header("ETag");
        assertThat(queued).isNotEqualTo(etag);
        given().auth()
                .oauth2(token("integration"))
                .header("If-Match", etag)
                .when()
                .post("/api/notices/subscriptions/{id}/deliveries/{d}/redeliver", subscription, delivery)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("delivery-not-parked"));

        dispatcher.dispatchOnce();
        assertThat(receiver.received())
                .extracting(Received::id)
                .containsExactly(ids.get(0).toString(), ids.get(1).toString());
        assertThat(receiver.received()).allMatch(r -> r.signedWith(secret, clock.instant()));
        assertThat(deliveryLog(subscription, null).getList("items.status", String.class))
                .containsOnly("DELIVERED");
    }

    @Test
    void twoDispatchersOnOneDatabaseDeliverEachEventOncePerSubscription() throws Exception {
        String first = subscribe(receiver.url("first"), secret(), NoticeEvents.PUBLISHED);
        String second = subscribe(receiver.url("second"), secret(), NoticeEvents.PUBLISHED);
        receiver.answer(204, 20); // slow enough that the two dispatchers overlap
        // 8 notices × 2 subscriptions = 16 heads at a time, more than one claim batch (10 in tests)
        Map<String, List<UUID>> written = new LinkedHashMap<>();
        for (int a = 0; a < 8; a++) {
            String aggregate = uniqueSlug("replica");
            written.put(aggregate, write(aggregate, 8));
        }
        Dispatcher other = new Dispatcher(dataSource, config, clock, new Random(2), fence, secrets);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (Dispatcher replica : List.of(dispatcher, other)) {
                Callable<Integer> run = () -> {
                    start.await();
                    int attempts = 0;
                    do {
                        attempts += replica.dispatchOnce();
                    } while (undelivered() > 0 && System.nanoTime() < deadline);
                    return attempts;
                };
                runs.add(replicas.submit(run));
            }
            int firstAttempts = runs.get(0).get();
            int secondAttempts = runs.get(1).get();
            assertThat(firstAttempts + secondAttempts)
                    .as("one attempt per delivery, none failed")
                    .isEqualTo(128);
            assertThat(firstAttempts).as("both replicas took part").isPositive();
            assertThat(secondAttempts).as("both replicas took part").isPositive();
        } finally {
            replicas.shutdownNow();
        }

        List<Received> received = receiver.received();
        assertThat(received).hasSize(128).extracting(Received::answeredWith).containsOnly(204);
        for (String target : List.of("first", "second")) {
            List<Received> mine =
                    received.stream().filter(r -> target.equals(r.target())).toList();
            Map<String, Long> times = mine.stream().collect(Collectors.groupingBy(Received::id, Collectors.counting()));
            assertThat(times)
                    .as("deliveries to %s", target)
                    .hasSize(64)
                    .allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            written.forEach((aggregate, ids) -> assertThat(mine.stream()
                            .filter(r -> r.subject().equals(aggregate))
                            .map(Received::id)
                            .toList())
                    .as("order of %s at %s", aggregate, target)
                    .containsExactlyElementsOf(ids.stream().map(UUID::toString).toList()));
        }
        for (String subscription : List.of(first, second)) {
            assertThat(deliveryLog(subscription, "DELIVERED").getInt("totalItems"))
                    .isEqualTo(64);
        }
    }

    @Test
    void aDeactivatedSubscriptionGetsNoFurtherDeliveries() {
        String subscription = subscribe(receiver.url(), secret(), NoticeEvents.PUBLISHED);
        write(uniqueSlug("deactivated"), 1);
        String etag = given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/subscriptions/{id}", subscription)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag)
                .when()
                .delete("/api/notices/subscriptions/{id}", subscription)
                .then()
                .statusCode(204);
        dispatcher.dispatchOnce();
        assertThat(receiver.received()).isEmpty();
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/subscriptions/{id}", subscription)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("deactivatedBy", equalTo("dpo-user"));
    }

    // ---- helpers

    static String secret() {
        return "whsec-" + UUID.randomUUID() + UUID.randomUUID();
    }

    static String subscribe(String url, String secret, String... types) {
        return given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(map(
                        "targetUrl",
                        url,
                        "eventTypes",
                        List.of(types),
                        "secret",
                        secret,
                        "description",
                        "test receiver"))
                .when()
                .post("/api/notices/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }

    /** n events of the aggregate, each in its own transaction, in order. */
    private List<UUID> write(String aggregate, int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int sequence = i;
            ids.add(QuarkusTransaction.requiringNew()
                    .call(() -> outbox.publish(
                            NoticeEvents.AGGREGATE,
                            aggregate,
                            NoticeEvents.PUBLISHED,
                            Map.of("slug", aggregate, "version", sequence + 1))));
        }
        return ids;
    }

    private String createPublishAndRetire() {
        String slug = uniqueSlug("real");
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(slug, content()))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", "\"" + version(slug) + "\"")
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", "\"" + version(slug) + "\"")
                .contentType(ContentType.JSON)
                .body(map("reason", "replaced"))
                .when()
                .post("/api/notices/{slug}/versions/1/retire", slug)
                .then()
                .statusCode(200);
        return slug;
    }

    private static String version(String slug) {
        return given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/1", slug)
                .then()
                .extract()
                .header("ETag")
                .replace("\"", "");
    }

    private static JsonPath deliveryLog(String subscription, String status) {
        var request = given().auth().oauth2(token("dpo")).queryParam("size", 100);
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.when()
                .get("/api/notices/subscriptions/{id}/deliveries", subscription)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<Map<String, Object>> deliveries(String subscription, String status) {
        return deliveryLog(subscription, status).getList("items");
    }

    /** Events not yet sequenced, and deliveries of active subscriptions not yet made. */
    private long undelivered() {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            var rs = s.executeQuery("""
                    SELECT (SELECT count(*) FROM outbox_event WHERE position IS NULL)
                         + (SELECT count(*) FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                            WHERE s.active AND d.status = 'PENDING')""");
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
