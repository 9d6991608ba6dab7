package org.consentgov.agreement.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.consentgov.agreement.UpstreamStubs;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo data: every organisation the seeds name, and the two seed agreements signed and active. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DemoDataTest {

    @Inject
    DemoData demoData;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void everyOrganisationTheSeedNoticesNameIsRegisteredUnderItsId() throws IOException {
        Set<String> named = new TreeSet<>(List.of("luton-council", "university-of-bedfordshire", "luton-schools"));
        for (String slug : List.of(UpstreamStubs.WIMTM, UpstreamStubs.CFE)) {
            try (InputStream in = getClass().getResourceAsStream("/notices/" + slug + ".json")) {
                JsonNode content = new ObjectMapper().readTree(in).get("content");
                content.get("recipients")
                        .forEach(r -> named.add(r.get("organisationId").asText()));
                content.get("controllers")
                        .forEach(r -> named.add(r.get("organisationId").asText()));
            }
        }
        assertThat(named).hasSize(23);
        for (String slug : named) {
            given().auth()
                    .oauth2(dpo())
                    .when()
                    .get("/api/organisations/{slug}", slug)
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/organisations/east-london-foundation-trust")
                .then()
                .body("type", equalTo("health-trust"))
                .body("odsCode", equalTo("RWK"));
    }

    @Test
    void theResearchAgreementIsSignedByTheCouncilAndTheUniversityWithSixMonthsOfAccess() {
        JsonPath research = agreement("ISA-LBC-UOB-WIMTM");
        assertThat(research.getString("state")).isEqualTo("ACTIVE");
        assertThat(research.getList("parties.signedBy")).containsExactly("dpo", "researcher");
        assertThat(research.getList("parties.role")).containsExactly("CONTROLLER", "CONTROLLER");
        assertThat(research.getBoolean("content.consent.required")).isTrue();
        assertThat(research.getString("content.consent.notice")).isEqualTo("what-it-means-to-me");
        assertThat(research.getList("content.dataCategories"))
                .containsExactly(
                        "identity.date-of-birth",
                        "identity.gender",
                        "special.ethnicity",
                        "special.religion",
                        "care.status",
                        "special.health");
        assertThat(research.getList("content.transfer.forbiddenMethods")).containsExactly("paper", "unsecured-email");
        assertThat(research.getString("content.accessLimit.description"))
                .contains("up to six months, and will then create a final anonymised dataset");
        Instant start = Instant.parse(research.getString("accessWindow.startsAt"));
        assertThat(Instant.parse(research.getString("accessWindow.endsAt")))
                .isEqualTo(
                        start.atZone(ZoneId.of("Europe/London")).plusMonths(6).toInstant());
        assertThat(research.getString("accessWindow.after")).isEqualTo("ANONYMISED_DATASET");
    }

    @Test
    void theEyesAgreementIsSignedByTheCouncilAndLutonSchoolsUnderTheSeedsLegalFramework() {
        JsonPath eyes = agreement("ISA-LBC-LUTON-SCHOOLS-EYES");
        assertThat(eyes.getString("state")).isEqualTo("ACTIVE");
        assertThat(eyes.getList("parties.signedBy")).containsExactly("dpo", "school");
        assertThat(eyes.getBoolean("content.consent.required")).isFalse();
        assertThat(eyes.getList("content.transfer.methods")).containsExactly("system-access");
        assertThat(eyes.getList("content.legalFramework.code"))
                .contains(
                        "uk.uk-gdpr",
                        "uk.data-protection-act-2018",
                        "uk.human-rights-act-1998",
                        "uk.children-act-1989",
                        "uk.children-act-2004",
                        "uk.working-together-2018",
                        "uk.keeping-children-safe-in-education-2021");
        assertThat(eyes.getList("content.linkedNotices.slug")).containsExactly("children-families-education");
    }

    @Test
    void loadingTheDemoDataAgainChangesNothing() {
        demoData.load();
        for (String reference : List.of("ISA-LBC-UOB-WIMTM", "ISA-LBC-LUTON-SCHOOLS-EYES")) {
            given().auth()
                    .oauth2(dpo())
                    .queryParam("reference", reference)
                    .when()
                    .get("/api/agreements")
                    .then()
                    .body("totalItems", equalTo(1))
                    .body("items[0].latestVersion", equalTo(1));
        }
        given().auth()
                .oauth2(dpo())
                .queryParam("type", "government-department")
                .when()
                .get("/api/organisations")
                .then()
                .body(
                        "items.slug",
                        hasItems(
                                "department-for-education",
                                "department-for-work-and-pensions",
                                "ministry-of-housing-communities-and-local-government"));
    }

    private static JsonPath agreement(String reference) {
        String id = given().auth()
                .oauth2(dpo())
                .queryParam("reference", reference)
                .when()
                .get("/api/agreements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items[0].id");
        return given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
