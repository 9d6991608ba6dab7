package org.consentgov.notice.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.map;
import static org.consentgov.notice.NoticeTestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.consentgov.notice.NoticeTestData;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions have an owner, the client and organisation that created them: only the owner and the dpo see
 * one (anyone else gets 404, as for a subscription that does not exist), and a service's own subscription (here
 * consent-service's, as at start-up) is a system subscription that nobody else, not even the dpo, deactivates.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class SubscriptionOwnershipTest {

    static final String SUBSCRIPTIONS = "/api/notices/subscriptions";
    static final String SECRET = "correct-horse-battery-staple-0123456789abcdefgh";

    /** EYES, a council's case-management integration, and another council's integration on the same client. */
    static final String EYES = client("eyes-integration", "luton-council");

    static final String EYES_ELSEWHERE = client("eyes-integration", "bedford-council");
    static final String CONSENT_SERVICE = client("consent-service", "luton-council");

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void deactivateEverySubscription() {
        sql("UPDATE webhook_subscription SET active = false WHERE active");
    }

    @Test
    void aSubscriptionIsOwnedByTheClientAndOrganisationThatCreatedIt() {
        String eyes = create(EYES, "https://hooks.example.org/eyes");
        given().auth()
                .oauth2(EYES)
                .when()
                .get(SUBSCRIPTIONS + "/{id}", eyes)
                .then()
                .statusCode(200)
                .body("ownerClient", equalTo("eyes-integration"))
                .body("ownerOrganisation", equalTo("luton-council"))
                .body("system", equalTo(false))
                .body("createdBy", equalTo("service-account-eyes-integration"));
    }

    @Test
    void aNonOwnerGetsNotFoundForEveryOperationOnAnotherClientsSubscription() {
        String system = create(CONSENT_SERVICE, "https://hooks.example.org/consent-service");
        String eyes = create(EYES, "https://hooks.example.org/eyes");

        for (String stranger : List.of(EYES, EYES_ELSEWHERE, token("integration"))) {
            assertHidden(stranger, system);
        }
        for (String stranger : List.of(EYES_ELSEWHERE, CONSENT_SERVICE, token("integration"))) {
            assertHidden(stranger, eyes);
        }
        given().auth()
                .oauth2(EYES)
                .queryParam("size", 100)
                .when()
                .get(SUBSCRIPTIONS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(eyes))
                .body("items.id", not(hasItem(system)))
                .body("items.ownerClient", everyItem(equalTo("eyes-integration")))
                .body("items.ownerOrganisation", everyItem(equalTo("luton-council")));
        given().auth()
                .oauth2(EYES_ELSEWHERE)
                .queryParam("size", 100)
                .when()
                .get(SUBSCRIPTIONS)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(eyes)));
        assertThat(active(system))
                .as("consent-service's subscription still delivers")
                .isTrue();
        assertThat(active(eyes)).isTrue();
    }

    @Test
    void theDpoSeesEverySubscriptionWithSystemOnesMarkedButCannotStopAServicesOwn() {
        String system = create(CONSENT_SERVICE, "https://hooks.example.org/consent-service");
        String eyes = create(EYES, "https://hooks.example.org/eyes");

        given().auth()
                .oauth2(token("dpo"))
                .queryParam("size", 100)
                .when()
                .get(SUBSCRIPTIONS)
                .then()
                .statusCode(200)
                .body("items.id", hasItems(system, eyes))
                .body("items.find { it.id == '" + system + "' }.system", equalTo(true))
                .body("items.find { it.id == '" + system + "' }.ownerClient", equalTo("consent-service"))
                .body("items.find { it.id == '" + eyes + "' }.system", equalTo(false));
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get(SUBSCRIPTIONS + "/{id}/deliveries", system)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(system))
                .when()
                .delete(SUBSCRIPTIONS + "/{id}", system)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("system-subscription"))
                .body("ownerClient", equalTo("consent-service"));
        assertThat(active(system)).isTrue();

        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(eyes))
                .when()
                .delete(SUBSCRIPTIONS + "/{id}", eyes)
                .then()
                .statusCode(204);
        assertThat(active(eyes))
                .as("the dpo stops an integration's subscription")
                .isFalse();

        given().auth()
                .oauth2(CONSENT_SERVICE)
                .header("If-Match", etag(system))
                .when()
                .delete(SUBSCRIPTIONS + "/{id}", system)
                .then()
                .statusCode(204);
        assertThat(active(system)).as("the service stops its own").isFalse();
    }

    @Test
    void anOwnerDeactivatesItsOwnSubscription() {
        String eyes = create(EYES, "https://hooks.example.org/eyes");
        given().auth()
                .oauth2(EYES)
                .header("If-Match", etag(eyes))
                .when()
                .delete(SUBSCRIPTIONS + "/{id}", eyes)
                .then()
                .statusCode(204);
        assertThat(active(eyes)).isFalse();
    }

    @Test
    void aSubscriptionFromBeforeOwnershipIsSeenAndManagedOnlyByTheDpo() {
        UUID legacy = UUID.randomUUID();
        sql("INSERT INTO webhook_subscription (id, target_url, event_types, secret, created_by, created_at)"
                + " VALUES ('" + legacy + "', 'https://hooks.example.org/legacy', ARRAY['"
                + NoticeEvents.PUBLISHED + "'], '" + SECRET + "', 'someone', now())");

        assertHidden(EYES, legacy.toString());
        assertHidden(CONSENT_SERVICE, legacy.toString());
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get(SUBSCRIPTIONS + "/{id}", legacy)
                .then()
                .statusCode(200)
                .body("ownerClient", nullValue())
                .body("system", equalTo(false));
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(legacy))
                .when()
                .delete(SUBSCRIPTIONS + "/{id}", legacy)
                .then()
                .statusCode(204);
    }

    // ---- helpers

    /** A client-credentials token of a machine client (azp), as Keycloak issues to its service account. */
    static String client(String clientId, String org) {
        return TestTokens.sign(
                TestTokens.builder("service-account-" + clientId, Set.of("integration"), org, NoticeTestData.AUDIENCE)
                        .claim("azp", clientId));
    }

    static String create(String token, String url) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(map(
                        "targetUrl",
                        url,
                        "eventTypes",
                        List.of(NoticeEvents.PUBLISHED),
                        "secret",
                        SECRET,
                        "description",
                        "ownership test"))
                .when()
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }

    /** Every operation on the subscription answers 404 to this caller, and none changes anything. */
    private void assertHidden(String token, String id) {
        boolean wasActive = active(id);
        int secretsBefore = generations(id);
        given().auth()
                .oauth2(token)
                .when()
                .get(SUBSCRIPTIONS + "/{id}", id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .when()
                .get(SUBSCRIPTIONS + "/{id}/deliveries", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .header("If-Match", etag(id))
                .when()
                .delete(SUBSCRIPTIONS + "/{id}", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .header("If-Match", "\"0\"")
                .when()
                .post(SUBSCRIPTIONS + "/{id}/deliveries/{delivery}/redeliver", id, UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(SUBSCRIPTIONS + "/{id}/secret-rotations", id)
                .then()
                .statusCode(404);
        assertThat(active(id)).isEqualTo(wasActive);
        assertThat(generations(id)).as("no secret rotated by a non-owner").isEqualTo(secretsBefore);
    }

    private int generations(String id) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT count(*) FROM webhook_secret WHERE subscription_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            var rs = s.executeQuery();
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subscription's current ETag, as a GET by its owner would answer it. */
    private String etag(Object id) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT row_version FROM webhook_subscription WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id.toString()));
            var rs = s.executeQuery();
            rs.next();
            return "\"" + rs.getLong(1) + "\"";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean active(String id) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT active FROM webhook_subscription WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            var rs = s.executeQuery();
            rs.next();
            return rs.getBoolean(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String statement) {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
