package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Reading consents: the check and the filtered, bounded lists. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentQueriesApiTest extends ConsentApiTestSupport {

    @Test
    void theCheckReadsWithOneQueryAndLogsTheAccess() {
        String nhs = nhsNumber();
        record(researchConsent(nhs, 0));
        org.hibernate.stat.Statistics statistics =
                entityManagerFactory.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.clear();
        check(nhs, PURPOSE).then().statusCode(200).body("consented", equalTo(true));
        // one SELECT for the records, one INSERT for the access log entry
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(2);
        assertThat(statistics.getEntityInsertCount()).isEqualTo(1);
    }

    @Test
    void listsFilterByNoticeStateAndSubjectWithAHardMaximumPageSize() {
        String nhs = nhsNumber();
        record(researchConsent(nhs, 0));
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("notice", NoticeServiceStub.RESEARCH)
                .queryParam("state", "ACTIVE")
                .queryParam("subject", subjectId(nhs))
                .when()
                .get("/api/consents")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].subjectIdentifiers", nullValue());
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("size", 101)
                .when()
                .get("/api/consents")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("state", "HAPPY")
                .when()
                .get("/api/consents")
                .then()
                .statusCode(404);
    }
}
