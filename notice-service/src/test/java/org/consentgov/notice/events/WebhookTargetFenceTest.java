package org.consentgov.notice.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.map;
import static org.consentgov.notice.NoticeTestData.token;
import static org.consentgov.notice.NoticeTestData.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.consentgov.platform.events.Dispatcher;
import org.consentgov.platform.events.EventsConfig;
import org.consentgov.platform.events.Outbox;
import org.consentgov.platform.events.SubscriptionSecrets;
import org.consentgov.platform.events.fence.TargetFence;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.MutableClock;
import org.consentgov.platform.testing.OfflineResolver;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fence on webhook targets through the API and the dispatcher: https to public addresses only, except the
 * allow-listed test receiver on http://localhost. Names resolve through the tests' {@link OfflineResolver}, which
 * never looks anything up; a refused target is proved refused without a packet sent anywhere (the platform's
 * AddressClassifierTest and TargetFenceTest walk every address class and form).
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class WebhookTargetFenceTest {

    static final String SUBSCRIPTIONS = "/api/notices/subscriptions";
    static final String SECRET = "correct-horse-battery-staple-0123456789abcdefgh";
    static WebhookReceiver receiver;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventsConfig config;

    @Inject
    Outbox outbox;

    @Inject
    SubscriptionSecrets secrets;

    @Inject
    TargetFence fence;

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
        OfflineResolver.reset();
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.executeUpdate("UPDATE webhook_subscription SET active = false WHERE active");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "http://169.254.169.254/latest/meta-data/, target-https-required, ",
        "https://169.254.169.254/latest/meta-data/, target-address-refused, metadata",
        "https://[fd00:ec2::254]/latest/meta-data/, target-address-refused, metadata",
        "https://metadata.google.internal/computeMetadata/v1/, target-address-refused, metadata",
        "https://127.0.0.1/hooks, target-address-refused, loopback",
        "https://[::1]/hooks, target-address-refused, loopback",
        "https://[::ffff:127.0.0.1]/hooks, target-address-refused, loopback",
        "https://0.0.0.0/hooks, target-address-refused, unspecified",
        "https://169.254.1.1/hooks, target-address-refused, link-local",
        "https://[fe80::1]/hooks, target-address-refused, link-local",
        "https://10.0.0.1/hooks, target-address-refused, private",
        "https://172.16.5.4/hooks, target-address-refused, private",
        "https://192.168.1.1/hooks, target-address-refused, private",
        "https://100.64.0.1/hooks, target-address-refused, carrier-grade-nat",
        "https://[fc00::1]/hooks, target-address-refused, unique-local",
        "https://239.1.1.1/hooks, target-address-refused, multicast",
        "https://[ff02::1]/hooks, target-address-refused, multicast",
        "https://private.rebinding.test/hooks, target-address-refused, private",
        "http://hooks.example.org/hooks, target-https-required, ",
        "https://nowhere.invalid/hooks, target-unresolvable, ",
    })
    void aRefusedTargetIsA422NamingTheRuleAndNothingIsStored(String url, String rule, String addressClass) {
        OfflineResolver.script("private.rebinding.test", "192.168.7.7");
        Map<String, String> before = fingerprint();
        var response = given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(subscription(url))
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo(rule))
                .body("errors[0].field", equalTo("targetUrl"))
                .body("detail", containsString("targetUrl"));
        if (addressClass != null) {
            response.body("addressClass", equalTo(addressClass));
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void httpsToAPublicAddressAndTheAllowListedReceiverAreAccepted() {
        create("https://hooks.example.org/notices");
        create(receiver.url());
    }

    @Test
    void aNameThatRebindsToLoopbackAfterCreationIsRefusedAtDeliveryWithoutContactAndParked() {
        // public when the subscription is created, then the receiver's own loopback address
        OfflineResolver.script("hooks.rebinding.test", "203.0.113.7", "127.0.0.1");
        String subscription = create("https://hooks.rebinding.test:" + receiver.port() + WebhookReceiver.PATH);
        publish();

        dispatcher.dispatchOnce();

        assertThat(receiver.received()).as("nothing reached the target").isEmpty();
        JsonPath log = deliveryLog(subscription);
        assertThat(log.getString("items[0].status")).isEqualTo("PARKED");
        assertThat(log.getInt("items[0].attempts")).isEqualTo(1);
        assertThat(log.getString("items[0].lastStatus")).isNull();
        assertThat(log.getString("items[0].lastError"))
                .startsWith("refused by policy (target-address-refused)")
                .contains("127.0.0.1", "a loopback address");

        // a redelivery is checked again, and refused again
        given().auth()
                .oauth2(token("integration"))
                .header("If-Match", log.getString("items[0].etag"))
                .when()
                .post(
                        SUBSCRIPTIONS + "/{id}/deliveries/{delivery}/redeliver",
                        subscription,
                        log.getString("items[0].id"))
                .then()
                .statusCode(202);
        clock.advance(Duration.ofMinutes(1)); // the redelivery is due from the service's own now
        dispatcher.dispatchOnce();
        assertThat(receiver.received()).isEmpty();
        assertThat(deliveryLog(subscription).getString("items[0].status")).isEqualTo("PARKED");
    }

    @ParameterizedTest(name = "rebound to {0}: {1}")
    @CsvSource({
        "0.0.0.0, an unspecified address",
        "::, an unspecified address",
        "127.0.0.1, a loopback address",
        "::1, a loopback address",
        "::ffff:127.0.0.1, a loopback address",
        "169.254.10.1, a link-local address",
        "fe80::1, a link-local address",
        "10.0.0.1, a private address",
        "172.16.0.1, a private address",
        "192.168.0.1, a private address",
        "100.64.0.1, a carrier-grade NAT address",
        "fd12::1, a unique-local address",
        "224.0.0.1, a multicast address",
        "ff02::1, a multicast address",
        "169.254.169.254, a cloud metadata address",
        "100.100.100.200, a cloud metadata address",
        "fd00:ec2::254, a cloud metadata address",
    })
    void everyRefusedClassIsRefusedAtDeliveryWhenANameRebindsToIt(String address, String described) {
        String host = "class-" + Math.abs(address.hashCode()) + ".rebinding.test";
        OfflineResolver.script(host, "203.0.113.9", address);
        String subscription = create("https://" + host + "/hooks");
        publish();

        dispatcher.dispatchOnce();

        assertThat(receiver.received()).isEmpty();
        JsonPath log = deliveryLog(subscription);
        assertThat(log.getString("items[0].status")).isEqualTo("PARKED");
        assertThat(log.getString("items[0].lastStatus")).isNull();
        assertThat(log.getString("items[0].lastError"))
                .startsWith("refused by policy (target-address-refused)")
                .contains(described);
    }

    @Test
    void aNameThatRebindsToTheMetadataAddressIsRefusedAtDelivery() {
        OfflineResolver.script("meta.rebinding.test", "203.0.113.8", "169.254.169.254");
        String subscription = create("https://meta.rebinding.test/latest/meta-data/");
        publish();

        dispatcher.dispatchOnce();

        assertThat(receiver.received()).isEmpty();
        JsonPath log = deliveryLog(subscription);
        assertThat(log.getString("items[0].status")).isEqualTo("PARKED");
        assertThat(log.getString("items[0].lastError"))
                .startsWith("refused by policy")
                .contains("169.254.169.254", "a cloud metadata address");
    }

    @Test
    void aRedirectIsNotFollowed() {
        String elsewhere = receiver.baseUrl() + "/hooks/elsewhere";
        receiver.redirect(302, elsewhere);
        String subscription = create(receiver.url());
        publish();

        dispatcher.dispatchOnce();

        assertThat(receiver.received())
                .as("one POST to the target, none to where it redirects")
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.url()).isEqualTo(WebhookReceiver.PATH);
                    assertThat(r.answeredWith()).isEqualTo(302);
                });
        JsonPath log = deliveryLog(subscription);
        assertThat(log.getString("items[0].status")).isEqualTo("PENDING");
        assertThat(log.getInt("items[0].lastStatus")).isEqualTo(302);
        assertThat(log.getString("items[0].lastError")).isEqualTo("HTTP 302");
    }

    // ---- helpers

    private static Map<String, Object> subscription(String url) {
        return map(
                "targetUrl",
                url,
                "eventTypes",
                List.of(NoticeEvents.PUBLISHED),
                "secret",
                SECRET,
                "description",
                "fence test");
    }

    private static String create(String url) {
        return given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(subscription(url))
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }

    private void publish() {
        String slug = uniqueSlug("fence");
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.publish(
                        NoticeEvents.AGGREGATE, slug, NoticeEvents.PUBLISHED, Map.of("slug", slug, "version", 1)));
    }

    private Map<String, String> fingerprint() {
        return DatabaseFingerprint.of(dataSource, "webhook_subscription", "idempotency_key");
    }

    private static JsonPath deliveryLog(String subscription) {
        return given().auth()
                .oauth2(token("integration"))
                .when()
                .get(SUBSCRIPTIONS + "/{id}/deliveries", subscription)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
