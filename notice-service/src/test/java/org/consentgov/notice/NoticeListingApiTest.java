package org.consentgov.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.notice.NoticeTestData.content;
import static org.consentgov.notice.NoticeTestData.token;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.consentgov.platform.testing.PostgresTestResource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** Listing notices: paged with totals, a bounded number of statements. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class NoticeListingApiTest extends NoticeApiTestSupport {

    @Test
    void listingFiftyNoticesCostsABoundedNumberOfStatements() {
        for (int i = 0; i < 50; i++) {
            create(content());
        }
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("size", 50)
                .when()
                .get("/api/notices")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(50));
        assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(3);
    }

    @Test
    void listsArePagedWithTotals() {
        create(content());
        given().auth()
                .oauth2(token("auditor"))
                .queryParam("page", 0)
                .queryParam("size", 1)
                .when()
                .get("/api/notices")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("size", equalTo(1))
                .body("totalItems", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }
}
