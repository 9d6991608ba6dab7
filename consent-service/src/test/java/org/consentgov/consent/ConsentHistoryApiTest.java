package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.consentgov.consent.ConsentTestData.map;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** The append-only history: a changed or deleted row is detected. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentHistoryApiTest extends ConsentApiTestSupport {

    @Test
    void theCaseworkerWhoKeepsARecordVerifiesItsChainAndAPartnerMayNot() {
        String id = record(researchConsent(nhsNumber(), 0)).jsonPath().getString("id");
        given().auth()
                .oauth2(token("caseworker"))
                .when()
                .get("/api/consents/{id}/history/verify", id)
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("entries", equalTo(1));
        given().auth()
                .oauth2(token("partner"))
                .when()
                .get("/api/consents/{id}/history/verify", id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aChangedOrDeletedHistoryRowIsDetected() throws Exception {
        String id = record(researchConsent(nhsNumber(), 0)).jsonPath().getString("id");
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(map("requestedBy", "child"))
                .header("If-Match", ConsentTestData.etag(id))
                .when()
                .post("/api/consents/{id}/withdrawals", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token("auditor"))
                .when()
                .get("/api/consents/{id}/history/verify", id)
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("entries", equalTo(2));
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate(
                            "UPDATE consent_history SET actor = 'someone-else' WHERE record_id = '" + id + "'"))
                    .hasMessageContaining("append-only");
            s.execute("ALTER TABLE consent_history DISABLE TRIGGER consent_history_append_only");
            try {
                s.executeUpdate(
                        "UPDATE consent_history SET actor = 'someone-else' WHERE record_id = '" + id + "' AND seq = 1");
                given().auth()
                        .oauth2(token("auditor"))
                        .when()
                        .get("/api/consents/{id}/history/verify", id)
                        .then()
                        .body("valid", equalTo(false))
                        .body("problems", hasItem("entry 1 was changed after it was written"));
                s.executeUpdate("DELETE FROM consent_history WHERE record_id = '" + id + "' AND seq = 2");
                given().auth()
                        .oauth2(token("auditor"))
                        .when()
                        .get("/api/consents/{id}/history/verify", id)
                        .then()
                        .body("valid", equalTo(false))
                        .body("problems", hasItem("the record has 2 history entries but 1 were found"));
            } finally {
                s.execute("ALTER TABLE consent_history ENABLE TRIGGER consent_history_append_only");
            }
        }
    }
}
