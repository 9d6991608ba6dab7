package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.content;
import static org.consentgov.agreement.AgreementTestData.createRequest;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.etag;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.question;
import static org.consentgov.agreement.AgreementTestData.token;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.consentgov.agreement.AgreementTestData.Parties;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Organisation scoping and roles: for each role, what it can see and do, and what it cannot. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ScopingTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void healUpstreams() {
        UpstreamStubs.reset();
    }

    @Test
    void aPartnerSeesOnlyTheAgreementsItsOrganisationIsPartyToAndAnotherOrganisationsIsNotFound() {
        Parties ours = parties();
        Parties theirs = parties();
        String mine = active(ours);
        String other = active(theirs);
        String partner = token("partner-user", "partner", ours.recipient());

        List<String> listed = given().auth()
                .oauth2(partner)
                .queryParam("size", 100)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
        assertThat(listed).containsExactly(mine);
        given().auth()
                .oauth2(partner)
                .queryParam("organisation", theirs.recipient())
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        given().auth()
                .oauth2(partner)
                .when()
                .get("/api/agreements/{id}", mine)
                .then()
                .statusCode(200);

        for (String path :
                List.of("/api/agreements/{id}", "/api/agreements/{id}/versions/1", "/api/agreements/{id}/history")) {
            given().auth()
                    .oauth2(partner)
                    .when()
                    .get(path, other)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("code", equalTo("not-found"));
        }
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(partner)
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag(other))
                        .body(map("version", 1))
                        .when()
                        .post("/api/agreements/{id}/signatures", other)
                        .then()
                        .statusCode(404)
                        .extract());
        given().auth()
                .oauth2(partner)
                .when()
                .get("/api/agreements/{id}/events", mine)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(partner)
                .when()
                .get("/api/agreements/gap-report")
                .then()
                .statusCode(403);
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(partner)
                        .contentType(ContentType.JSON)
                        .body(createRequest(content(ours)))
                        .when()
                        .post("/api/agreements")
                        .then()
                        .statusCode(403)
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(partner)
                        .header("If-Match", etag(mine))
                        .contentType(ContentType.JSON)
                        .body(map("reason", "no"))
                        .when()
                        .post("/api/agreements/{id}/suspend", mine)
                        .then()
                        .statusCode(403)
                        .extract());
    }

    @Test
    void theResearcherSeesTheResearchAgreementButNotTheSchoolsOne() {
        String researcher = token("researcher", "researcher", AgreementTestData.UNIVERSITY);
        List<String> references = given().auth()
                .oauth2(researcher)
                .queryParam("size", 100)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.reference");
        assertThat(references).containsExactly("ISA-LBC-UOB-WIMTM");
        String eyes = given().auth()
                .oauth2(dpo())
                .queryParam("reference", "ISA-LBC-LUTON-SCHOOLS-EYES")
                .when()
                .get("/api/agreements")
                .then()
                .extract()
                .jsonPath()
                .getString("items[0].id");
        given().auth()
                .oauth2(researcher)
                .when()
                .get("/api/agreements/{id}", eyes)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(researcher)
                .when()
                .get("/api/agreements/{id}/history", eyes)
                .then()
                .statusCode(404);
    }

    @Test
    void aPartnerWhoseTokenNamesNoOrganisationIsRefused() {
        String id = active(parties());
        String orphan = token("orphan", "partner", null);
        given().auth()
                .oauth2(orphan)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("organisation-required"));
        given().auth()
                .oauth2(orphan)
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .statusCode(403)
                .body("code", equalTo("organisation-required"));
        given().auth()
                .oauth2(orphan)
                .when()
                .get("/api/disclosures")
                .then()
                .statusCode(403)
                .body("code", equalTo("organisation-required"));
    }

    @Test
    void theAuditorReadsEverythingButChangesNothing() {
        Parties p = parties();
        String id = active(p);
        String auditor = token("auditor");
        given().auth()
                .oauth2(auditor)
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(auditor)
                .when()
                .get("/api/agreements/{id}/events", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(auditor)
                .when()
                .get("/api/agreements/gap-report")
                .then()
                .statusCode(200);
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(auditor)
                        .contentType(ContentType.JSON)
                        .body(createRequest(content(p)))
                        .when()
                        .post("/api/agreements")
                        .then()
                        .statusCode(403)
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(auditor)
                        .header("If-Match", etag(id))
                        .contentType(ContentType.JSON)
                        .body(map("reason", "audit"))
                        .when()
                        .post("/api/agreements/{id}/terminate", id)
                        .then()
                        .statusCode(403)
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(auditor)
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag(id))
                        .body(map("version", 1))
                        .when()
                        .post("/api/agreements/{id}/signatures", id)
                        .then()
                        .statusCode(403)
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(auditor)
                        .contentType(ContentType.JSON)
                        .body(question(
                                p.recipient(),
                                List.of("special.health"),
                                "nhs-number:" + AgreementTestData.nhsNumber(),
                                "research"))
                        .when()
                        .post("/api/sharing-decisions")
                        .then()
                        .statusCode(403)
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(auditor)
                        .contentType(ContentType.JSON)
                        .body(map("slug", "x-org", "name", "X", "type", "company"))
                        .when()
                        .post("/api/organisations")
                        .then()
                        .statusCode(403)
                        .extract());
    }

    @Test
    void caseworkersIntegrationAndEditorsReadAllAgreementsButNeitherDraftNorSignNorSeeEvents() {
        Parties p = parties();
        String id = active(p);
        for (String role : List.of("caseworker", "integration", "notice-editor")) {
            given().auth()
                    .oauth2(token(role))
                    .when()
                    .get("/api/agreements/{id}", id)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(token(role))
                    .when()
                    .get("/api/agreements/{id}/events", id)
                    .then()
                    .statusCode(403);
            Unchanged.by(
                    dataSource,
                    () -> given().auth()
                            .oauth2(token(role))
                            .contentType(ContentType.JSON)
                            .body(createRequest(content(p)))
                            .when()
                            .post("/api/agreements")
                            .then()
                            .statusCode(403)
                            .extract());
            Unchanged.by(
                    dataSource,
                    () -> given().auth()
                            .oauth2(token(role))
                            .contentType(ContentType.JSON)
                            .header("If-Match", etag(id))
                            .body(map("version", 1))
                            .when()
                            .post("/api/agreements/{id}/signatures", id)
                            .then()
                            .statusCode(403)
                            .extract());
        }
    }

    @Test
    void theDpoSeesEveryAgreement() {
        String a = active(parties());
        String b = active(parties());
        List<String> all = given().auth()
                .oauth2(dpo())
                .queryParam("size", 100)
                .queryParam("state", "ACTIVE")
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
        assertThat(all).contains(a, b);
    }

    @Test
    void withoutAValidTokenEveryApiIsUnauthorised() {
        String id = active(parties());
        for (String path : List.of(
                "/api/agreements",
                "/api/agreements/" + id,
                "/api/organisations",
                "/api/disclosures",
                "/api/agreements/gap-report")) {
            given().when()
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
        }
        Unchanged.by(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .body(map("recipient", "x"))
                        .when()
                        .post("/api/sharing-decisions")
                        .then()
                        .statusCode(401)
                        .extract());
        String otherAudience = TestTokens.token("dpo-user", "dpo", "luton-council", "notice-service");
        given().auth()
                .oauth2(otherAudience)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(401);
        String expired = TestTokens.sign(
                TestTokens.builder("dpo-user", Set.of("dpo"), "luton-council", AgreementTestData.AUDIENCE)
                        .expiresAt(java.time.Instant.now().minusSeconds(600)));
        given().auth().oauth2(expired).when().get("/api/agreements").then().statusCode(401);
        given().auth()
                .oauth2(token("someone", "no-such-role", "luton-council"))
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(403);
    }
}
