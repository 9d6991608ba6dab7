package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.LONDON;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.content;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.etag;
import static org.consentgov.agreement.AgreementTestData.list;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.nhsNumber;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.read;
import static org.consentgov.agreement.AgreementTestData.today;
import static org.consentgov.agreement.AgreementTestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.agreement.AgreementTestData.Parties;
import org.consentgov.agreement.domain.DailyChecks;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The daily checks, run directly at fixed instants: expiry, reviews due, research access windows. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DailyChecksTest {

    @Inject
    DailyChecks checks;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void healUpstreams() {
        UpstreamStubs.reset();
    }

    @Test
    void theDayAfterItsEndDateAnAgreementExpiresOnceWithItsEvent() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put("endDate", today().plusDays(10).toString());
        String id = active(p, c);
        UUID agreement = UUID.fromString(id);

        assertThat(checks.runDailyChecks(noonOn(10)).expired()).doesNotContain(agreement);
        DailyChecks.Result result = checks.runDailyChecks(noonOn(11));
        assertThat(result.ran()).isTrue();
        assertThat(result.expired()).contains(agreement);
        assertThat(checks.runDailyChecks(noonOn(12)).expired()).doesNotContain(agreement);

        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .body("state", equalTo("EXPIRED"))
                .body("versionState", equalTo("EXPIRED"));
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}/history", id)
                .then()
                .body("find { it.action == 'EXPIRED' }.actor", equalTo("system"));
        List<String> types = given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}/events", id)
                .then()
                .extract()
                .jsonPath()
                .getList("items.type");
        assertThat(types).containsOnlyOnce("agreement.expired");
        given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(map(
                        "recipient",
                        p.recipient(),
                        "categories",
                        list("special.health"),
                        "subject",
                        "nhs-number:" + nhsNumber(),
                        "purpose",
                        "research"))
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("recipient-not-party")));
    }

    @Test
    void aReviewFallingDueWithinTheLeadTimeIsAnnouncedOnceAndAgainAfterTheNextReview() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put("reviewCycleMonths", 1);
        String id = active(p, c);
        UUID agreement = UUID.fromString(id);
        assertThat(read(id).jsonPath().getString("nextReviewOn"))
                .isEqualTo(today().plusMonths(1).toString());

        Instant inFiveDays = Instant.now().plus(Duration.ofDays(5));
        assertThat(checks.runDailyChecks(inFiveDays).reviewDue()).contains(agreement);
        assertThat(checks.runDailyChecks(inFiveDays.plus(Duration.ofDays(1))).reviewDue())
                .doesNotContain(agreement);

        given().auth()
                .oauth2(dpo())
                .header("If-Match", etag(id))
                .contentType(ContentType.JSON)
                .body(map("note", "reviewed with both parties"))
                .when()
                .post("/api/agreements/{id}/reviews", id)
                .then()
                .statusCode(200)
                .body("nextReviewOn", equalTo(today().plusMonths(1).toString()));
        assertThat(checks.runDailyChecks(inFiveDays.plus(Duration.ofDays(2))).reviewDue())
                .contains(agreement);
        List<String> types = given().auth()
                .oauth2(token("auditor"))
                .when()
                .get("/api/agreements/{id}/events", id)
                .then()
                .extract()
                .jsonPath()
                .getList("items.type");
        assertThat(types.stream().filter("agreement.review-due"::equals)).hasSize(2);
        assertThat(types).contains("agreement.reviewed");
    }

    @Test
    void aResearchAccessWindowEndingAndEndedAreEachAnnouncedOnce() {
        Parties p = parties();
        Map<String, Object> c = content(p);
        c.put("startDate", today().minusMonths(7).toString());
        c.put(
                "accessLimit",
                map(
                        "recipients",
                        list(p.recipient()),
                        "months",
                        6,
                        "after",
                        "ANONYMISED_DATASET",
                        "startsOn",
                        today().minusMonths(6).plusDays(5).toString(),
                        "description",
                        "up to six months"));
        String id = active(p, c);
        UUID agreement = UUID.fromString(id);
        Instant endsAt = Instant.parse(read(id).jsonPath().getString("accessWindow.endsAt"));
        assertThat(endsAt)
                .isEqualTo(today().minusMonths(6)
                        .plusDays(5)
                        .plusMonths(6)
                        .atStartOfDay(LONDON)
                        .toInstant());

        Instant now = Instant.now();
        DailyChecks.Result first = checks.runDailyChecks(now);
        assertThat(first.accessWindowEnding()).contains(agreement);
        assertThat(first.accessWindowEnded()).doesNotContain(agreement);
        assertThat(checks.runDailyChecks(now.plusSeconds(60)).accessWindowEnding())
                .doesNotContain(agreement);

        Instant after = endsAt.plus(Duration.ofHours(1));
        assertThat(checks.runDailyChecks(after).accessWindowEnded()).contains(agreement);
        assertThat(checks.runDailyChecks(after.plusSeconds(60)).accessWindowEnded())
                .doesNotContain(agreement);

        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}/events", id)
                .then()
                .body("items.type", hasItem("agreement.access-window-ending"))
                .body("items.type", hasItem("agreement.access-window-ended"))
                .body(
                        "items.find { it.type == 'agreement.access-window-ended' }.payload.after",
                        equalTo("ANONYMISED_DATASET"))
                .body(
                        "items.find { it.type == 'agreement.access-window-ended' }.payload.recipients",
                        equalTo(List.of(p.recipient())));
        given().auth()
                .oauth2(token("integration"))
                .contentType(ContentType.JSON)
                .body(map(
                        "recipient",
                        p.recipient(),
                        "categories",
                        list("special.health"),
                        "subject",
                        "nhs-number:" + nhsNumber(),
                        "purpose",
                        "research",
                        "at",
                        after.toString()))
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(201)
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("access-window-ended")));
    }

    /** Noon in London, some days from today: a fixed instant for the checks. */
    private static Instant noonOn(int daysFromToday) {
        return today().plusDays(daysFromToday).atTime(12, 0).atZone(LONDON).toInstant();
    }
}
