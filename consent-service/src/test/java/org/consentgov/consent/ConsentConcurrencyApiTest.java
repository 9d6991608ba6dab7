package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.consentgov.consent.ConsentTestData.consent;
import static org.consentgov.consent.ConsentTestData.list;
import static org.consentgov.consent.ConsentTestData.map;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.party;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.today;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Concurrency tokens and idempotency: ETags on changes, a retried recording not duplicated. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentConcurrencyApiTest extends ConsentApiTestSupport {

    @Test
    void addingAPartyNeedsTheCurrentEtag() {
        ExtractableResponse<Response> created = record(consent(
                nhsNumber(),
                NoticeServiceStub.RESEARCH,
                1,
                NoticeServiceStub.RESEARCH_HASH,
                PURPOSE,
                0,
                list(party("child", "GIVEN"))));
        String id = created.jsonPath().getString("id");
        Map<String, Object> parent = map("role", "parent", "decision", "GIVEN", "decidedOn", today().toString());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(parent)
                .when()
                .post("/api/consents/{id}/parties", id)
                .then()
                .statusCode(428)
                .extract());
        assertUnchangedBy(() -> given().auth()
                .oauth2(token("caseworker"))
                .header("If-Match", "\"999\"")
                .contentType(ContentType.JSON)
                .body(parent)
                .when()
                .post("/api/consents/{id}/parties", id)
                .then()
                .statusCode(412)
                .body("code", equalTo("stale-etag"))
                .extract());
    }

    @Test
    void aRetriedRecordingWithTheSameIdempotencyKeyIsNotDuplicated() {
        String nhs = nhsNumber();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = researchConsent(nhs, 0);
        String first = given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        given().auth()
                .oauth2(token("integration"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().auth()
                .oauth2(token("dpo"))
                .queryParam("subject", subjectId(nhs))
                .when()
                .get("/api/consents")
                .then()
                .body("totalItems", equalTo(1));
    }
}
