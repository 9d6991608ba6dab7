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
import java.sql.SQLException;
import java.util.UUID;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Reading consents: the check and the filtered, bounded lists. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentQueriesApiTest extends ConsentApiTestSupport {

    @Test
    void theCheckAsksNothingOfHibernateAndLogsTheAccess() throws SQLException {
        String nhs = nhsNumber();
        record(researchConsent(nhs, 0));
        org.hibernate.stat.Statistics statistics =
                entityManagerFactory.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.clear();
        check(nhs, PURPOSE).then().statusCode(200).body("consented", equalTo(true));
        // the records are read by one plain prepared SELECT (ConsentCheckQueries), the access log entry is the
        // platform's SubjectAccessLog's own INSERT: Hibernate prepares nothing
        assertThat(statistics.getPrepareStatementCount()).isZero();
        assertThat(checksLogged(subjectId(nhs))).isEqualTo(1);
    }

    private long checksLogged(String subjectId) throws SQLException {
        try (var connection = dataSource.getConnection();
                var count = connection.prepareStatement(
                        "SELECT count(*) FROM subject_access_log WHERE subject_id = ? AND action = 'check'")) {
            count.setObject(1, UUID.fromString(subjectId));
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
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
