package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.request;
import static org.consentgov.notice.NoticeTestData.token;
import static org.consentgov.notice.NoticeTestData.uniqueSlug;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.function.Supplier;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.RestAssuredLogging;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the notice API tests share: the tables a rejected request must leave unchanged and the calls most tests
 * make. Every subclass runs with the same test resources, so Quarkus starts once for all of them.
 */
@ExtendWith(RestAssuredLogging.class)
abstract class NoticeApiTestSupport {

    static final String[] TABLES = {
        "notice", "notice_version", "notice_version_transition", "idempotency_key", "outbox_event"
    };

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    ObjectMapper mapper;

    String create(Map<String, Object> content) {
        String slug = uniqueSlug("notice");
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

    ExtractableResponse<Response> publish(String slug, int number) {
        return given().auth()
                .oauth2(token("dpo"))
                .header("If-Match", etag(slug, number))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/notices/{slug}/versions/{n}/publish", slug, number)
                .then()
                .statusCode(200)
                .extract();
    }

    ExtractableResponse<Response> postWithKey(String token, String key, Object body) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/notices")
                .then()
                .extract();
    }

    String etag(String slug, int number) {
        return given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/{n}", slug, number)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    String state(String slug, int number) {
        return given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/notices/{slug}/versions/{n}", slug, number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("state");
    }

    String stored(String slug, int number) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "SELECT v.content::text FROM notice_version v JOIN notice n ON n.id = v.notice_id WHERE n.slug = ? AND v.number = ?")) {
            s.setString(1, slug);
            s.setInt(2, number);
            var rs = s.executeQuery();
            rs.next();
            return rs.getString(1);
        }
    }

    Map<String, Object> fingerprint() {
        return Map.copyOf(DatabaseFingerprint.of(dataSource, TABLES));
    }

    void assertUnchangedBy(Supplier<ExtractableResponse<Response>> request) {
        Map<String, Object> before = fingerprint();
        ExtractableResponse<Response> response = request.get();
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body().asString())
                .doesNotContain("Exception")
                .doesNotContain("at org.")
                .doesNotContain("SQL");
        assertThat(fingerprint()).as("database after a rejected request").isEqualTo(before);
    }
}
