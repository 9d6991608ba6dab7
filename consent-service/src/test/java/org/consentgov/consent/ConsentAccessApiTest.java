package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Roles, organisation scoping and minimisation: who may record, check and read, and what is logged. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentAccessApiTest extends ConsentApiTestSupport {

    @Test
    void noTokenIsUnauthorised() {
        given().when().get("/api/consents").then().statusCode(401).contentType("application/problem+json");
        assertUnchangedBy(() -> given().contentType(ContentType.JSON)
                .body(researchConsent(nhsNumber(), 0))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(401)
                .extract());
    }

    @Test
    void onlyCaseworkersIntegrationAndTheDpoRecord() {
        for (String role : List.of("auditor", "researcher", "partner", "notice-editor")) {
            assertUnchangedBy(() -> given().auth()
                    .oauth2(token(role))
                    .contentType(ContentType.JSON)
                    .body(researchConsent(nhsNumber(), 0))
                    .when()
                    .post("/api/consents")
                    .then()
                    .statusCode(403)
                    .extract());
        }
    }

    @Test
    void researchersMayOnlyCheckTheirAgreementsNotices() {
        String nhs = nhsNumber();
        String id = record(researchConsent(nhs, 0)).jsonPath().getString("id");
        String researcher = token("researcher", "university-of-bedfordshire");
        given().auth()
                .oauth2(researcher)
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", NoticeServiceStub.RESEARCH)
                .queryParam("purpose", PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(200)
                .body("consented", equalTo(true));
        given().auth()
                .oauth2(researcher)
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", NoticeServiceStub.CONSENT_BASIS)
                .queryParam("purpose", "early-help")
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("researcher", "another-university"))
                .queryParam("subject", "nhs-number:" + nhs)
                .queryParam("notice", NoticeServiceStub.RESEARCH)
                .queryParam("purpose", PURPOSE)
                .when()
                .get("/api/consents/check")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(researcher)
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(403);
        given().auth().oauth2(researcher).when().get("/api/consents").then().statusCode(403);
    }

    @Test
    void auditorsReadWithoutIdentifiersAndEveryReadIsLogged() throws Exception {
        String nhs = nhsNumber();
        String id = record(researchConsent(nhs, 0)).jsonPath().getString("id");
        given().auth()
                .oauth2(token("auditor"))
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(200)
                .body("subjectIdentifiers", nullValue())
                .body("subjectId", notNullValue());
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "SELECT actor, action FROM subject_access_log WHERE subject_id = (SELECT subject_id FROM consent_record WHERE id = ?) ORDER BY at")) {
            s.setObject(1, UUID.fromString(id));
            var rs = s.executeQuery();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
            assertThat(rows).contains("caseworker-user record-consent", "auditor-user read-consent");
        }
    }
}
