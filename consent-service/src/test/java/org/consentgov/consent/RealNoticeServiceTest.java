package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.competentChild;
import static org.consentgov.consent.ConsentTestData.consent;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.today;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentgov.consent.receipts.ConsentReceipt;
import org.consentgov.consent.receipts.ReceiptService;
import org.consentgov.platform.testing.PostgresTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * consent-service against the real notice-service (started by {@link RealNoticeService} with its demo notices,
 * and with this service's demo consents on): the version, hash, controllers and page of a consent come from
 * the notice-service that publishes them, not from a fixture. The database is shared with the other test
 * classes, so every assertion here looks only at its own subjects or at the demo subjects.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(RealNoticeService.class)
class RealNoticeServiceTest {

    static final String NOTICE = "what-it-means-to-me";
    static final String PURPOSE = "research-what-it-means-to-me";

    @Inject
    @ConfigProperty(name = "quarkus.rest-client.notices.url")
    String noticeService;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aConsentIsPinnedToTheVersionAndHashTheRealNoticeServicePublishes() {
        Published notice = published();
        String nhs = nhsNumber();
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(consent(
                        nhs, NOTICE, notice.version(), notice.contentHash(), PURPOSE, 0, list(competentChild("GIVEN"))))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .body("notice.slug", equalTo(NOTICE))
                .body("notice.version", equalTo(notice.version()))
                .body("notice.contentHash", equalTo(notice.contentHash()))
                .body("state", equalTo("ACTIVE"))
                .body("effective", equalTo(true))
                .body("withdrawalWindowEndsOn", equalTo(today().plusDays(14).toString()));
        given().auth()
                .oauth2(token("caseworker"))
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", NOTICE)
                .queryParam("purpose", PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(200)
                .body("consented", equalTo(true))
                .body("noticeVersion.contentHash", equalTo(notice.contentHash()));
    }

    @Test
    void aHashOtherThanTheOneNoticeServicePublishesIsRefused() {
        Published notice = published();
        String wrong = notice.contentHash().startsWith("0") ? "1".repeat(64) : "0".repeat(64);
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(consent(nhsNumber(), NOTICE, notice.version(), wrong, PURPOSE, 0, list(competentChild("GIVEN"))))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("notice-hash-mismatch"))
                .body("publishedContentHash", equalTo(notice.contentHash()));
    }

    @Test
    void aVersionNoticeServiceNeverPublishedIsRefused() {
        Published notice = published();
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(consent(
                        nhsNumber(),
                        NOTICE,
                        notice.version() + 98,
                        notice.contentHash(),
                        PURPOSE,
                        0,
                        list(competentChild("GIVEN"))))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("notice-version-not-published"))
                .body("errors[0].field", equalTo("notice.version"));
    }

    @Test
    void theDemoConsentsWereRecordedAtStartUpThroughEveryRule() throws IOException {
        Published notice = published();
        List<Map<String, Object>> demo = new ArrayList<>();
        for (String nhs : demoNhsNumbers()) {
            String subject = given().auth()
                    .oauth2(token("caseworker"))
                    .queryParam("identifier", "nhs-number:" + nhs)
                    .when()
                    .get("/api/subjects")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getString("id");
            demo.addAll(given().auth()
                    .oauth2(token("dpo"))
                    .queryParam("notice", NOTICE)
                    .queryParam("subject", subject)
                    .when()
                    .get("/api/consents")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items"));
        }
        assertThat(demo).hasSizeBetween(6, 8);
        assertThat(demo).allSatisfy(r -> {
            assertThat(r.get("recordedBy")).isEqualTo("system");
            assertThat(r.get("purposes")).isEqualTo(List.of(PURPOSE));
            assertThat(((Map<?, ?>) r.get("notice")).get("contentHash")).isEqualTo(notice.contentHash());
        });
        assertThat(demo)
                .filteredOn(r -> "REFUSED".equals(r.get("state")))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("effective")).isEqualTo(false));
        assertThat(demo)
                .filteredOn(r -> "ACTIVE".equals(r.get("state")) && Boolean.FALSE.equals(r.get("effective")))
                .extracting(r -> r.get("missingParties"))
                .contains(List.of("parent-or-carer"));
        assertThat(demo)
                .filteredOn(r -> Boolean.TRUE.equals(r.get("effective")))
                .hasSizeGreaterThanOrEqualTo(2);
        List<LocalDate> windowEnds = demo.stream()
                .map(r -> LocalDate.parse((String) r.get("withdrawalWindowEndsOn")))
                .toList();
        assertThat(windowEnds).anyMatch(end -> end.isBefore(today())).anyMatch(end -> end.isAfter(today()));
    }

    @Test
    void theReceiptNamesTheRealNoticesControllersAndPublicPage() throws Exception {
        Published notice = published();
        String id = given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(consent(
                        nhsNumber(),
                        NOTICE,
                        notice.version(),
                        notice.contentHash(),
                        PURPOSE,
                        0,
                        list(competentChild("GIVEN"))))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        String jws = given().auth()
                .oauth2(token("caseworker"))
                .accept("application/jose")
                .when()
                .get("/api/consents/{id}/receipt", id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String jwks = given().when()
                .get("/api/consents/receipts/jwks.json")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        ConsentReceipt receipt = ReceiptService.verify(jws, JWKSet.parse(jwks));
        assertThat(receipt.recordId()).hasToString(id);
        assertThat(receipt.piiControllers()).containsExactly("Luton Borough Council", "University of Bedfordshire");
        assertThat(receipt.withdrawal().channels())
                .containsExactly("telling your caseworker", "contacting the research team");
        assertThat(receipt.notice().contentHash()).isEqualTo(notice.contentHash());
        assertThat(receipt.notice().url())
                .isEqualTo(noticeService + "/public/notices/" + NOTICE + "/versions/" + notice.version());
        // the page the receipt points to is the very version consented to
        given().accept(ContentType.JSON)
                .when()
                .get(receipt.notice().url())
                .then()
                .statusCode(200)
                .body("contentHash", equalTo(notice.contentHash()));
    }

    // ---- helpers

    record Published(int version, String contentHash) {}

    /** The version in force, as the real notice-service's public JSON gives it. */
    private Published published() {
        JsonPath json = given().accept(ContentType.JSON)
                .when()
                .get(noticeService + "/public/notices/" + NOTICE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return new Published(json.getInt("version"), json.getString("contentHash"));
    }

    private static List<String> demoNhsNumbers() throws IOException {
        try (InputStream in = RealNoticeServiceTest.class.getClassLoader().getResourceAsStream("demo/consents.json")) {
            assertThat(in).as("demo/consents.json on the class path").isNotNull();
            List<String> numbers = new ArrayList<>();
            for (JsonNode subject : new ObjectMapper().readTree(in).get("subjects")) {
                numbers.add(subject.get("nhsNumber").asText());
            }
            return numbers;
        }
    }
}
