package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.list;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.token;
import static org.consentgov.agreement.AgreementTestData.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OrganisationApiTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theDpoRegistersAndUpdatesAnOrganisationWithItsIdentifiersAndSignatories() {
        String slug = unique("academy");
        Map<String, Object> body = map(
                "slug",
                slug,
                "name",
                "Denbigh High School",
                "type",
                "school",
                "icoRegistrationNumber",
                "ZA123456",
                "schoolUrn",
                "109500",
                "signatories",
                list(map("name", "Head teacher", "email", "head@school.example", "username", "head")));
        String etag = given().auth()
                .oauth2(dpo())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/organisations/" + slug))
                .body("typeLabel", equalTo("School"))
                .body("signatories[0].username", equalTo("head"))
                .extract()
                .header("ETag");
        Map<String, Object> update = map(
                "name",
                "Denbigh High School",
                "type",
                "school",
                "icoRegistrationNumber",
                "Z5347709",
                "schoolUrn",
                "109500");
        given().auth()
                .oauth2(dpo())
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(update)
                .when()
                .put("/api/organisations/{slug}", slug)
                .then()
                .statusCode(200)
                .body("icoRegistrationNumber", equalTo("Z5347709"))
                .body("signatories.size()", equalTo(0));
        given().auth()
                .oauth2(token("partner", "partner", "luton-schools"))
                .queryParam("type", "school")
                .queryParam("size", 100)
                .when()
                .get("/api/organisations")
                .then()
                .statusCode(200)
                .body("items.slug", hasItem(slug))
                .body("items.type", everyItem(equalTo("school")));
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .header("If-Match", etag)
                        .contentType(ContentType.JSON)
                        .body(update)
                        .when()
                        .put("/api/organisations/{slug}", slug)
                        .then()
                        .statusCode(412)
                        .extract());
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(dpo())
                        .contentType(ContentType.JSON)
                        .body(update)
                        .when()
                        .put("/api/organisations/{slug}", slug)
                        .then()
                        .statusCode(428)
                        .extract());
    }

    @Test
    void identifiersAreFormatCheckedAndMustFitTheType() {
        Unchanged.by(
                dataSource,
                () -> post(map(
                                "slug",
                                unique("org"),
                                "name",
                                "X",
                                "type",
                                "university",
                                "icoRegistrationNumber",
                                "12345678"))
                        .statusCode(400)
                        .body("code", equalTo("validation-failed"))
                        .body("errors[0].field", equalTo("icoRegistrationNumber"))
                        .body("errors[0].message", containsString("ICO registration number"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> post(map("slug", unique("org"), "name", "X", "type", "school", "schoolUrn", "12345"))
                        .statusCode(400)
                        .body("errors[0].field", equalTo("schoolUrn"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> post(map("slug", unique("org"), "name", "X", "type", "university", "schoolUrn", "109500"))
                        .statusCode(422)
                        .body("code", equalTo("identifier-not-applicable"))
                        .body("errors[0].field", equalTo("schoolUrn"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> post(map("slug", unique("org"), "name", "X", "type", "school", "odsCode", "RWK"))
                        .statusCode(422)
                        .body("code", equalTo("identifier-not-applicable"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> post(map("slug", unique("org"), "name", "X", "type", "spaceship"))
                        .statusCode(422)
                        .body("code", equalTo("unknown-vocabulary-code"))
                        .extract());
        Unchanged.by(
                dataSource,
                () -> post(map("slug", "Not A Slug", "name", "X", "type", "school"))
                        .statusCode(400)
                        .extract());
        Unchanged.by(
                dataSource,
                () -> post(map(
                                "slug",
                                unique("org"),
                                "name",
                                "X",
                                "type",
                                "school",
                                "signatories",
                                list(map("name", "A", "username", "a"), map("name", "B", "username", "a"))))
                        .statusCode(422)
                        .body("code", equalTo("duplicate-signatory"))
                        .extract());
    }

    @Test
    void anIdTakenOrUnknownAndAPartnerRegisteringAreProblems() {
        Unchanged.by(
                dataSource,
                () -> post(map("slug", "luton-council", "name", "Luton", "type", "local-authority"))
                        .statusCode(409)
                        .body("code", equalTo("organisation-exists"))
                        .extract());
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/organisations/no-such-organisation")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Unchanged.by(
                dataSource,
                () -> given().auth()
                        .oauth2(token("partner", "partner", "luton-schools"))
                        .contentType(ContentType.JSON)
                        .body(map("slug", unique("org"), "name", "X", "type", "school"))
                        .when()
                        .post("/api/organisations")
                        .then()
                        .statusCode(403)
                        .extract());
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return given().auth()
                .oauth2(dpo())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/organisations")
                .then();
    }
}
