package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.token;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.RestAssuredLogging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the consent API tests share: the tables a rejected request must leave unchanged, the calls most tests make,
 * and a healthy notice-service stub after each test. Every subclass runs with the same test resources, so Quarkus
 * starts once for all of them.
 */
@ExtendWith(RestAssuredLogging.class)
abstract class ConsentApiTestSupport {

    static final String[] TABLES = {
        "subject",
        "subject_identifier",
        "consent_record",
        "consent_party",
        "consent_history",
        "withdrawal_request",
        "idempotency_key",
        "outbox_event"
    };
    static final String PURPOSE = "research-what-it-means-to-me";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    jakarta.persistence.EntityManagerFactory entityManagerFactory;

    @AfterEach
    void healNoticeService() {
        NoticeServiceStub.reset();
    }

    ExtractableResponse<Response> record(Map<String, Object> body) {
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

    Response check(String nhs, String purpose) {
        return given().auth()
                .oauth2(token("caseworker"))
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", NoticeServiceStub.RESEARCH)
                .queryParam("purpose", purpose)
                .when()
                .get("/api/consents/check");
    }

    String subjectId(String nhs) {
        return given().auth()
                .oauth2(token("caseworker"))
                .queryParam("identifier", "nhs-number:" + nhs)
                .when()
                .get("/api/subjects")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("id");
    }

    Map<String, String> fingerprint() {
        return DatabaseFingerprint.of(dataSource, TABLES);
    }

    void assertUnchangedBy(Supplier<ExtractableResponse<Response>> request) {
        Map<String, String> before = fingerprint();
        ExtractableResponse<Response> response = request.get();
        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.body().asString()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(fingerprint()).as("database after a rejected request").isEqualTo(before);
    }
}
