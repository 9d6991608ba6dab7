package org.consentgov.notice.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.list;
import static org.consentgov.notice.NoticeTestData.map;
import static org.consentgov.notice.NoticeTestData.request;
import static org.consentgov.notice.NoticeTestData.specialWithoutArticle9;
import static org.consentgov.notice.NoticeTestData.token;
import static org.consentgov.notice.NoticeTestData.uniqueSlug;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.consentgov.notice.domain.NoticePublication;
import org.consentgov.platform.events.Outbox;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Notice events are written to the outbox in the transaction of the change, and only if it commits. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class NoticeEventsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    NoticePublication notices;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void publishingWritesOnePublishedEventWithIdsOnly() throws Exception {
        String slug = create(content());
        assertThat(events(slug)).isEmpty();
        publish(slug, 1);
        List<Event> events = events(slug);
        assertThat(events).extracting(Event::type).containsExactly(NoticeEvents.PUBLISHED);
        JsonNode data = events.get(0).data();
        assertThat(data.path("slug").asText()).isEqualTo(slug);
        assertThat(data.path("version").asInt()).isEqualTo(1);
        assertThat(data.path("contentHash").asText()).hasSize(64);
        assertThat(data.path("effectiveFrom").isTextual()).isTrue();
        assertThat(data.path("previousVersion").isNull()).isTrue();
    }

    @Test
    void aMaterialChangeIsAnnouncedAfterItsPublication() {
        String slug = create(content());
        publish(slug, 1);
        Map<String, Object> changed = content();
        changed.put("dataCategories", list("identity.date-of-birth", "identity.gender"));
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(map("content", changed))
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(201);
        publish(slug, 2);
        List<Event> events = events(slug);
        assertThat(events)
                .extracting(Event::type)
                .containsExactly(NoticeEvents.PUBLISHED, NoticeEvents.PUBLISHED, NoticeEvents.MATERIAL_CHANGE);
        JsonNode material = events.get(2).data();
        assertThat(material.path("version").asInt()).isEqualTo(2);
        assertThat(material.path("previousVersion").asInt()).isEqualTo(1);
        assertThat(material.path("reasons").toString()).contains("identity.gender");
        assertThat(events.get(1).data().path("materialChange").asBoolean()).isTrue();
    }

    @Test
    void aWordingChangeIsPublishedWithoutAMaterialChangeEvent() {
        String slug = create(content());
        publish(slug, 1);
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions", slug)
                .then()
                .statusCode(201);
        publish(slug, 2);
        assertThat(events(slug))
                .extracting(Event::type)
                .containsExactly(NoticeEvents.PUBLISHED, NoticeEvents.PUBLISHED);
    }

    @Test
    void retiringWritesARetiredEvent() {
        String slug = create(content());
        publish(slug, 1);
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body(map("reason", "The project has ended"))
                .when()
                .post("/api/notices/{slug}/versions/1/retire", slug)
                .then()
                .statusCode(200);
        List<Event> events = events(slug);
        assertThat(events).extracting(Event::type).containsExactly(NoticeEvents.PUBLISHED, NoticeEvents.RETIRED);
        assertThat(events.get(1).data().path("reason").asText()).isEqualTo("The project has ended");
    }

    @Test
    void aRejectedPublicationWritesNoEvent() {
        String slug = create(specialWithoutArticle9());
        long before = count();
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, 1))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/1/publish", slug)
                .then()
                .statusCode(422)
                .body("code", equalTo("special-category-needs-article-9"));
        assertThat(count()).isEqualTo(before);
        assertThat(events(slug)).isEmpty();
    }

    @Test
    @ActivateRequestContext
    void aPublicationWhoseTransactionRollsBackLeavesNoEventAndNoChange() {
        String slug = create(content());
        long rowVersion = ETags.expectedVersion(etag(slug, 1));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    notices.publish(slug, 1, rowVersion, null);
                    assertThat(events(slug)).as("written in this transaction").hasSize(1);
                    assertThat(CompletableFuture.supplyAsync(() -> events(slug)).join())
                            .as("invisible to others before the commit")
                            .isEmpty();
                    throw new IllegalStateException("something later in the transaction fails");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("later in the transaction");
        assertThat(events(slug)).isEmpty();
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/1", slug)
                .then()
                .body("state", equalTo("DRAFT"));
    }

    @Test
    void anEventWrittenInATransactionThatRollsBackIsGone() {
        String aggregate = uniqueSlug("rolled-back");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    outbox.publish(
                            NoticeEvents.AGGREGATE, aggregate, NoticeEvents.PUBLISHED, Map.of("slug", aggregate));
                    throw new IllegalStateException("rollback");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rollback");
        assertThat(events(aggregate)).isEmpty();
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.publish(
                        NoticeEvents.AGGREGATE, aggregate, NoticeEvents.PUBLISHED, Map.of("slug", aggregate)));
        assertThat(events(aggregate)).hasSize(1);
    }

    @Test
    void anEventCannotBeWrittenOutsideATransaction() {
        long before = count();
        assertThatThrownBy(() -> outbox.publish(NoticeEvents.AGGREGATE, "x", NoticeEvents.PUBLISHED, Map.of()))
                .isInstanceOf(TransactionalException.class);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void noNoticeMayTakeTheSlugOfAnEventsPath() {
        for (String reserved : List.of("subscriptions", "changes")) {
            given().auth()
                    .oauth2(token("notice-editor"))
                    .contentType(ContentType.JSON)
                    .body(request(reserved, content()))
                    .when()
                    .post("/api/notices")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("slug-reserved"))
                    .body("errors[0].field", equalTo("slug"));
        }
    }

    // ---- helpers

    record Event(String type, JsonNode data) {}

    private List<Event> events(String aggregate) {
        List<Event> out = new ArrayList<>();
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "SELECT type, data::text FROM outbox_event WHERE aggregate_type = 'notice' AND aggregate_id = ? ORDER BY seq")) {
            s.setString(1, aggregate);
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

    private String create(Map<String, Object> content) {
        String slug = uniqueSlug("events");
        given().auth()
                .oauth2(token("notice-editor"))
                .contentType(ContentType.JSON)
                .body(request(slug, content))
                .when()
                .post("/api/notices")
                .then()
                .statusCode(201);
        return slug;
    }

    private void publish(String slug, int number) {
        given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, number))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/{n}/publish", slug, number)
                .then()
                .statusCode(200);
    }

    private String etag(String slug, int number) {
        return given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/{n}", slug, number)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }
}
