package org.consentgov.notice.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.map;
import static org.consentgov.notice.NoticeTestData.token;
import static org.consentgov.notice.NoticeTestData.uniqueSlug;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.consentgov.platform.events.Dispatcher;
import org.consentgov.platform.events.EventsConfig;
import org.consentgov.platform.events.Outbox;
import org.consentgov.platform.events.SubscriptionSecrets;
import org.consentgov.platform.events.WebhookSecretRule;
import org.consentgov.platform.events.WebhookSignature;
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
 * Webhook secrets (platform/WEBHOOKS.md): strong or generated and shown once, never readable in the database, and
 * rotated with an overlap during which each delivery carries a valid signature per secret. Deliveries go to a
 * WireMock receiver on loopback; time is the test dispatcher's {@link MutableClock}.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class WebhookSecretsTest {

    static final String PATH = "/api/notices/subscriptions";
    static WebhookReceiver receiver;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventsConfig config;

    @Inject
    Outbox outbox;

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
        dispatcher = new Dispatcher(dataSource, config, clock, new Random(1), secrets);
        dispatcher.dispatchOnce(); // sequence what earlier tests left, before this test subscribes
        receiver.up();
        receiver.clear();
    }

    @AfterEach
    void deactivateEverySubscription() {
        sql("UPDATE webhook_subscription SET active = false WHERE active");
    }

    @Test
    void theSecretIsNotInTheDatabaseInAnyReadableForm() {
        String secret = "db-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        String id = subscribe(Map.of("secret", secret)).jsonPath().getString("id");

        List<String> rows =
                rows("SELECT row_to_json(s)::text FROM webhook_subscription s WHERE id = ?", UUID.fromString(id));
        rows.addAll(rows(
                "SELECT row_to_json(s)::text FROM webhook_secret s WHERE subscription_id = ?", UUID.fromString(id)));
        rows.addAll(rows(
                "SELECT encode(sealed, 'escape') || encode(nonce, 'escape') FROM webhook_secret "
                        + "WHERE subscription_id = ?",
                UUID.fromString(id)));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).contains("\"secret\":null");
        byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
        assertThat(rows)
                .allSatisfy(row -> assertThat(row)
                        .doesNotContain(secret)
                        .doesNotContain(Base64.getEncoder().encodeToString(plain))
                        .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(plain))
                        .doesNotContain(HexFormat.of().formatHex(plain))
                        .doesNotContain(secret.substring(0, 16)));

        write(1);
        dispatcher.dispatchOnce();
        assertThat(receiver.received())
                .singleElement()
                .satisfies(
                        r -> assertThat(r.signedWith(secret, clock.instant())).isTrue());
    }

    @Test
    void aSecretWithLessThan256BitsOfRoomIsRefusedAndNothingIsStored() {
        long before = count();
        for (String weak : List.of(
                "too-short",
                "correct-horse-battery-staple-01234567890ab", // 42 characters
                "0123456789abcdef0123456789abcdef0123456789abcdef", // hex: 48 × 4 bits
                "a".repeat(64),
                "abab".repeat(16),
                "with spaces and punctuation! not base64 at all, though long enough" + UUID.randomUUID())) {
            given().auth()
                    .oauth2(token("integration"))
                    .contentType(ContentType.JSON)
                    .body(map(
                            "targetUrl", receiver.url(), "eventTypes", List.of(NoticeEvents.PUBLISHED), "secret", weak))
                    .when()
                    .post(PATH)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("weak-webhook-secret"))
                    .body("errors.field", hasItem("secret"))
                    .body(not(org.hamcrest.Matchers.containsString(weak)));
        }
        assertThat(count()).isEqualTo(before);
        assertThat(WebhookSecretRule.strong("0123456789abcdef".repeat(4)))
                .as("64 hex digits")
                .isTrue();
        assertThat(WebhookSecretRule.strong(WebhookSecretRule.generate())).isTrue();
    }

    @Test
    void aGeneratedSecretIsShownOnceAndSignsTheDeliveries() {
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> created = given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(subscription())
                .when()
                .post(PATH)
                .then()
                .statusCode(201)
                .body("active", equalTo(true))
                .extract();
        String id = created.jsonPath().getString("id");
        String secret = created.jsonPath().getString("secret");
        assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);

        String replay = given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(subscription())
                .when()
                .post(PATH)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id))
                .body("secret", nullValue())
                .extract()
                .asString();
        String read = given().auth()
                .oauth2(token("dpo"))
                .when()
                .get(PATH + "/{id}", id)
                .then()
                .statusCode(200)
                .body("secret", nullValue())
                .extract()
                .asString();
        String list = given().auth()
                .oauth2(token("dpo"))
                .queryParam("size", 100)
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(List.of(replay, read, list))
                .allSatisfy(body -> assertThat(body).doesNotContain(secret));
        assertThat(rows("SELECT coalesce(response_body, '') FROM idempotency_key WHERE idempotency_key = ?", key))
                .singleElement()
                .satisfies(body -> assertThat(body).contains(id).doesNotContain(secret));

        write(1);
        dispatcher.dispatchOnce();
        assertThat(receiver.received())
                .singleElement()
                .satisfies(
                        r -> assertThat(r.signedWith(secret, clock.instant())).isTrue());
    }

    @Test
    void duringARotationsOverlapEachDeliveryCarriesBothSignaturesAndAfterItOnlyTheNewOne() {
        String old = "old-" + UUID.randomUUID() + UUID.randomUUID();
        String id = subscribe(Map.of("secret", old)).jsonPath().getString("id");
        String fresh = "new-" + UUID.randomUUID() + UUID.randomUUID();

        given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(map("secret", fresh, "overlap", "PT1H"))
                .header("If-Match", etag(id))
                .when()
                .post(PATH + "/{id}/secret-rotations", id)
                .then()
                .statusCode(200)
                .body("subscriptionId", equalTo(id))
                .body("generation", equalTo(2))
                .body("rotatedBy", equalTo("integration-user"))
                .body("secret", nullValue())
                .body(not(org.hamcrest.Matchers.containsString(fresh)));

        write(1);
        dispatcher.dispatchOnce();
        Received during = receiver.received().get(0);
        String[] signatures = during.signature().split(" ");
        assertThat(signatures).hasSize(2);
        Instant now = clock.instant();
        assertThat(verify(fresh, during, signatures[0], now))
                .as("first: the new secret")
                .isTrue();
        assertThat(verify(old, during, signatures[1], now))
                .as("second: the old secret")
                .isTrue();
        assertThat(during.signedWith(old, now)).isTrue();
        assertThat(during.signedWith(fresh, now)).isTrue();

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        receiver.clear();
        write(1);
        dispatcher.dispatchOnce();
        Received after = receiver.received().get(0);
        assertThat(after.signature().split(" ")).hasSize(1);
        assertThat(after.signedWith(fresh, clock.instant())).isTrue();
        assertThat(after.signedWith(old, clock.instant())).isFalse();
    }

    @Test
    void aRotationCanGenerateTheNewSecretAndRefusesABadOverlapOrAWeakSecretChangingNothing() {
        String old = "old-" + UUID.randomUUID() + UUID.randomUUID();
        String id = subscribe(Map.of("secret", old)).jsonPath().getString("id");
        for (Map<String, Object> bad : List.of(
                map("overlap", "P8D"), map("overlap", "-PT1H"), map("overlap", "tomorrow"), map("secret", "short"))) {
            given().auth()
                    .oauth2(token("dpo"))
                    .contentType(ContentType.JSON)
                    .body(bad)
                    .header("If-Match", etag(id))
                    .when()
                    .post(PATH + "/{id}/secret-rotations", id)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        assertThat(rows("SELECT generation::text FROM webhook_secret WHERE subscription_id = ?", UUID.fromString(id)))
                .containsExactly("1");
        given().auth()
                .oauth2(token("dpo"))
                .contentType(ContentType.JSON)
                .body("{}")
                .header("If-Match", "\"0\"")
                .when()
                .post(PATH + "/{id}/secret-rotations", UUID.randomUUID())
                .then()
                .statusCode(404);

        String key = UUID.randomUUID().toString();
        String generated = given().auth()
                .oauth2(token("dpo"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(map("overlap", "PT0S"))
                .header("If-Match", etag(id))
                .when()
                .post(PATH + "/{id}/secret-rotations", id)
                .then()
                .statusCode(200)
                .body("generation", equalTo(2))
                .extract()
                .jsonPath()
                .getString("secret");
        assertThat(WebhookSecretRule.strong(generated)).isTrue();
        given().auth()
                .oauth2(token("dpo"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(map("overlap", "PT0S"))
                .header("If-Match", etag(id))
                .when()
                .post(PATH + "/{id}/secret-rotations", id)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("generation", equalTo(2))
                .body("secret", nullValue());
        assertThat(rows("SELECT generation::text FROM webhook_secret WHERE subscription_id = ?", UUID.fromString(id)))
                .as("no overlap: the old secret is gone at once")
                .containsExactly("2");

        write(1);
        dispatcher.dispatchOnce();
        Received delivery = receiver.received().get(0);
        assertThat(delivery.signature().split(" ")).hasSize(1);
        assertThat(delivery.signedWith(generated, clock.instant())).isTrue();
        assertThat(delivery.signedWith(old, clock.instant())).isFalse();
    }

    @Test
    void aPlaintextSecretFromBeforeTheyWereSealedIsSealedAndItsColumnEmptied() {
        String legacy = "legacy-" + UUID.randomUUID() + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        secrets.sealPlaintext(); // what other tests left (e.g. a subscription from before ownership)
        sql("INSERT INTO webhook_subscription (id, target_url, event_types, secret, created_by, created_at) "
                + "VALUES ('" + id + "', '" + receiver.url() + "', ARRAY['" + NoticeEvents.PUBLISHED + "'], '"
                + legacy + "', 'before-v0-4', now())");

        assertThat(secrets.sealPlaintext()).isEqualTo(1);
        assertThat(secrets.sealPlaintext())
                .as("once sealed, nothing is left to seal")
                .isZero();

        assertThat(rows("SELECT coalesce(secret, 'NULL') FROM webhook_subscription WHERE id = ?", UUID.fromString(id)))
                .containsExactly("NULL");
        assertThat(rows(
                        "SELECT row_to_json(s)::text FROM webhook_secret s WHERE subscription_id = ?",
                        UUID.fromString(id)))
                .singleElement()
                .satisfies(row -> assertThat(row).doesNotContain(legacy));
        write(1);
        dispatcher.dispatchOnce();
        assertThat(receiver.received())
                .singleElement()
                .satisfies(
                        r -> assertThat(r.signedWith(legacy, clock.instant())).isTrue());
    }

    // ---- helpers

    /** The subscription's ETag as its owner reads it, for If-Match. */
    private static String etag(String id) {
        return given().auth()
                .oauth2(token("dpo"))
                .when()
                .get(PATH + "/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static boolean verify(String secret, Received r, String oneSignature, Instant now) {
        return WebhookSignature.verify(secret, r.id(), r.timestamp(), r.body(), oneSignature, now);
    }

    private static Map<String, Object> subscription() {
        return map(
                "targetUrl", receiver.url(), "eventTypes", List.of(NoticeEvents.PUBLISHED), "description", "secrets");
    }

    private static ExtractableResponse<Response> subscribe(Map<String, Object> extra) {
        Map<String, Object> body = subscription();
        body.putAll(extra);
        return given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(PATH)
                .then()
                .statusCode(201)
                .body("secret", nullValue())
                .extract();
    }

    private void write(int n) {
        String aggregate = uniqueSlug("secrets");
        for (int i = 0; i < n; i++) {
            int version = i + 1;
            QuarkusTransaction.requiringNew()
                    .run(() -> outbox.publish(
                            NoticeEvents.AGGREGATE,
                            aggregate,
                            NoticeEvents.PUBLISHED,
                            Map.of("slug", aggregate, "version", version)));
        }
    }

    private long count() {
        return Long.parseLong(rows("SELECT count(*)::text FROM webhook_subscription WHERE ?::text IS NOT NULL", "x")
                .get(0));
    }

    private List<String> rows(String query, Object parameter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(query)) {
            select.setObject(1, parameter);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String statement) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
