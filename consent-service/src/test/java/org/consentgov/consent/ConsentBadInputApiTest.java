package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.consentgov.consent.ConsentTestData.competentChild;
import static org.consentgov.consent.ConsentTestData.consent;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.map;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.party;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.today;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Bad input to recording: a clear problem naming the field or rule, and nothing changed. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentBadInputApiTest extends ConsentApiTestSupport {

    @Test
    void anInvalidNhsNumberIsRefusedNamingTheField() {
        String bad = nhsNumber();
        bad = bad.substring(0, 9) + ((bad.charAt(9) - '0' + 1) % 10);
        String finalBad = bad;
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(researchConsent(finalBad, 0))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-identifier"))
                .body("errors[0].field", equalTo("subject.identifiers[0].value"))
                .extract());
    }

    @Test
    void everyKindOfIdentifierIsCheckedForReal() {
        for (Map<String, Object> id : List.<Map<String, Object>>of(
                map("system", "upn", "value", "A12345678901B"),
                map("system", "ni-number", "value", "QQ123456C"),
                map("system", "ni-number", "value", "DA123456A"),
                map("system", "case-management-id", "value", "-bad id-"),
                map("system", "passport", "value", "123"))) {
            Map<String, Object> body = researchConsent(nhsNumber(), 0);
            body.put("subject", map("identifiers", list(id), "dateOfBirth", "2012-05-04"));
            assertUnchangedBy(() -> given().auth()
                    .oauth2(token("caseworker"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/consents")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("invalid-identifier"))
                    .extract());
        }
    }

    @Test
    void aFormReceivedBeforeItWasIssuedIsRefused() {
        Map<String, Object> body = researchConsent(nhsNumber(), 0);
        body.put("formIssuedOn", today().toString());
        body.put("formReceivedOn", today().minusDays(3).toString());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("received-before-issued"))
                .body("errors[0].field", equalTo("formReceivedOn"))
                .extract());
    }

    @Test
    void futureDatesAreRefused() {
        Map<String, Object> body = researchConsent(nhsNumber(), 0);
        body.put("formReceivedOn", today().plusDays(2).toString());
        body.put("formIssuedOn", today().toString());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("date-in-future"))
                .extract());
    }

    @Test
    void anUnknownPartyRoleOrAMissingPartyIsRefused() {
        Map<String, Object> body = researchConsent(nhsNumber(), 0);
        body.put("parties", list(party("neighbour", "GIVEN")));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("invalid-party"))
                .body("errors[0].field", equalTo("parties[0].role"))
                .extract());
        body.put("parties", list());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("parties"))
                .extract());
    }

    @Test
    void aPurposeTheNoticeDoesNotListIsRefused() {
        Map<String, Object> body = researchConsent(nhsNumber(), 0);
        body.put("purposes", list("statutory-service"));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("purpose-not-in-notice"))
                .extract());
    }

    @Test
    void aHashThatDoesNotMatchThePublishedVersionIsRefused() {
        Map<String, Object> body = researchConsent(nhsNumber(), 0);
        body.put("notice", map("slug", NoticeServiceStub.RESEARCH, "version", 1, "contentHash", "9".repeat(64)));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("notice-hash-mismatch"))
                .body("publishedContentHash", equalTo(NoticeServiceStub.RESEARCH_HASH))
                .extract());
    }

    @Test
    void anUnpublishedOrUnknownNoticeVersionIsRefused() {
        Map<String, Object> body = researchConsent(nhsNumber(), 0);
        body.put("notice", map("slug", NoticeServiceStub.RESEARCH, "version", 7, "contentHash", "1".repeat(64)));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("notice-version-not-published"))
                .extract());
    }

    @Test
    void aNoticeThatAsksNoConsentCannotCarryOne() {
        Map<String, Object> body = consent(
                nhsNumber(),
                NoticeServiceStub.NO_CONSENT,
                1,
                NoticeServiceStub.NO_CONSENT_HASH,
                "statutory-service",
                0,
                list(competentChild("GIVEN")));
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(422)
                .body("code", equalTo("notice-asks-no-consent"))
                .extract());
    }
}
