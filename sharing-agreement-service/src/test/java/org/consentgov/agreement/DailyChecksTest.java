package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.LONDON;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.content;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.today;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
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
        // what a decision says once the window has ended: SharingDecisionTest and DecisionsAsAtTest (a decision
        // cannot be asked about a time still ahead)
    }

    /** Noon in London, some days from today: a fixed instant for the checks. */
    private static Instant noonOn(int daysFromToday) {
        return today().plusDays(daysFromToday).atTime(12, 0).atZone(LONDON).toInstant();
    }
}
