package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.consent;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.map;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.party;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.today;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Recording a consent and when it is effective: competence, parents, refusals, superseding. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentRecordingApiTest extends ConsentApiTestSupport {

    @Test
    void aCompetentChildsConsentIsEffectiveAtOnce() {
        String nhs = nhsNumber();
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(researchConsent(nhs, 0))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/consents/"))
                .header("ETag", notNullValue())
                .body("state", equalTo("ACTIVE"))
                .body("effective", equalTo(true))
                .body("decision", equalTo("GIVEN"))
                .body("notice.contentHash", equalTo(NoticeServiceStub.RESEARCH_HASH))
                .body("recordedBy", equalTo("caseworker-user"))
                .body("recordedOrg", equalTo("luton-council"))
                .body("withdrawalWindowEndsOn", equalTo(today().plusDays(14).toString()))
                .body("subjectIdentifiers[0].value", equalTo(nhs))
                .body("dataCategories", hasItem("special.ethnicity"));
        check(nhs, PURPOSE).then().body("consented", equalTo(true)).body("noticeVersion.version", equalTo(1));
    }

    @Test
    void nhsNumberIsNormalisedFromTheWayPeopleWriteIt() {
        String nhs = nhsNumber();
        String spaced = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
        Map<String, Object> body = researchConsent(spaced, 0);
        given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .body("subjectIdentifiers[0].value", equalTo(nhs));
    }

    @Test
    void withoutACapacityAssessmentTheParentOrCarerMustAlsoConsent() {
        String nhs = nhsNumber();
        ExtractableResponse<Response> created = record(consent(
                nhs,
                NoticeServiceStub.RESEARCH,
                1,
                NoticeServiceStub.RESEARCH_HASH,
                PURPOSE,
                0,
                list(party("child", "GIVEN"))));
        assertThat(created.jsonPath().getBoolean("effective")).isFalse();
        assertThat(created.jsonPath().getList("missingParties")).containsExactly("parent-or-carer");
        check(nhs, PURPOSE)
                .then()
                .body("consented", equalTo(false))
                .body("reasons[0]", containsString("parent-or-carer"));

        String id = created.jsonPath().getString("id");
        given().auth()
                .oauth2(token("caseworker"))
                .header("If-Match", created.header("ETag"))
                .contentType(ContentType.JSON)
                .body(map(
                        "role",
                        "parent",
                        "relationship",
                        "mother",
                        "decision",
                        "GIVEN",
                        "decidedOn",
                        today().toString()))
                .when()
                .post("/api/consents/{id}/parties", id)
                .then()
                .statusCode(200)
                .body("effective", equalTo(true))
                .body("missingParties.size()", equalTo(0));
        check(nhs, PURPOSE).then().body("consented", equalTo(true));
    }

    @Test
    void aChildsRefusalIsRespectedWhateverTheParentSays() {
        String nhs = nhsNumber();
        Map<String, Object> body = consent(
                nhs,
                NoticeServiceStub.RESEARCH,
                1,
                NoticeServiceStub.RESEARCH_HASH,
                PURPOSE,
                0,
                list(party("child", "REFUSED"), party("parent", "GIVEN")));
        record(body).jsonPath();
        given().auth()
                .oauth2(token("caseworker"))
                .when()
                .get("/api/consents?subject={s}", subjectId(nhs))
                .then()
                .body("items[0].state", equalTo("REFUSED"))
                .body("items[0].decision", equalTo("REFUSED"));
        check(nhs, PURPOSE).then().body("consented", equalTo(false)).body("reasons[0]", containsString("refused"));
    }

    @Test
    void aYoungChildUnderTheNoticeAgeNeedsAParent() {
        String nhs = nhsNumber();
        Map<String, Object> body = consent(
                nhs,
                NoticeServiceStub.CONSENT_BASIS,
                2,
                NoticeServiceStub.CONSENT_BASIS_HASH,
                "early-help",
                0,
                list(party("child", "GIVEN")));
        body.put(
                "subject",
                map(
                        "identifiers",
                        list(map("system", "nhs-number", "value", nhs)),
                        "dateOfBirth",
                        today().minusYears(8).toString()));
        body.put("formIssuedOn", today().minusDays(1).toString());
        assertThat(record(body).jsonPath().getList("missingParties")).containsExactly("parent-or-carer");
    }

    @Test
    void aNewRecordForTheSameNoticeSupersedesTheOldOne() {
        String nhs = nhsNumber();
        String first = record(researchConsent(nhs, 5)).jsonPath().getString("id");
        record(researchConsent(nhs, 0));
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/{id}", first)
                .then()
                .body("state", equalTo("SUPERSEDED"))
                .body("endedAt", notNullValue());
        given().auth()
                .oauth2(token("dpo"))
                .when()
                .get("/api/consents/{id}/history/verify", first)
                .then()
                .body("valid", equalTo(true))
                .body("entries", equalTo(2));
    }
}
