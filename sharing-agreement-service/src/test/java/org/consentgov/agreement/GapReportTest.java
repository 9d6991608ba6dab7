package org.consentgov.agreement;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.agreement.AgreementTestData.active;
import static org.consentgov.agreement.AgreementTestData.content;
import static org.consentgov.agreement.AgreementTestData.create;
import static org.consentgov.agreement.AgreementTestData.dpo;
import static org.consentgov.agreement.AgreementTestData.list;
import static org.consentgov.agreement.AgreementTestData.map;
import static org.consentgov.agreement.AgreementTestData.organisation;
import static org.consentgov.agreement.AgreementTestData.parties;
import static org.consentgov.agreement.AgreementTestData.token;
import static org.consentgov.agreement.AgreementTestData.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.consentgov.agreement.AgreementTestData.Parties;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The governance gap report: notice recipients without an ACTIVE agreement covering them. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GapReportTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void healUpstreams() {
        UpstreamStubs.reset();
    }

    @Test
    void everySeedRecipientWithoutAnActiveAgreementIsAGapAndTheTwoSeedAgreementsCoverTheirs() {
        JsonPath report = given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/gap-report")
                .then()
                .statusCode(200)
                .body("notices.slug", equalTo(List.of(UpstreamStubs.CFE, UpstreamStubs.WIMTM)))
                .body("recipientsChecked", equalTo(22))
                .body("covered", equalTo(2))
                .body("gaps.organisationId", not(hasItem(AgreementTestData.SCHOOLS)))
                .body("gaps.organisationId", not(hasItem(AgreementTestData.UNIVERSITY)))
                .body("gaps.organisationId", hasItem(AgreementTestData.POLICE))
                .extract()
                .jsonPath();
        assertThat(report.getList("gaps")).hasSize(20);
        assertThat(report.getList("gaps.notice")).containsOnly(UpstreamStubs.CFE);
        assertThat(report.getString("gaps.find { it.organisationId == 'east-london-foundation-trust' }.status"))
                .isEqualTo("NO_AGREEMENT");
        assertThat(report.getString("gaps.find { it.organisationId == 'ofsted' }.recipient"))
                .isEqualTo("Ofsted");
    }

    @Test
    void eachGapSaysWhyTheRecipientIsNotCovered() {
        String controller = organisation("local-authority");
        String drafted = organisation("charity");
        String elsewhere = organisation("charity");
        String covered = organisation("charity");
        String noAgreement = organisation("charity");
        String notice = unique("gap-notice");
        List<String> categories = list("identity.date-of-birth", "special.health");
        UpstreamStubs.notice(
                notice,
                1,
                "PUBLISHED",
                List.of(drafted, elsewhere, covered, noAgreement, "never-registered"),
                List.of(controller),
                categories);
        publishAlso(notice);

        create(content(new Parties(controller, drafted, notice)));
        Parties other = parties();
        Map<String, Object> linkingAnotherNotice = content(new Parties(controller, elsewhere, other.notice()));
        UpstreamStubs.notice(other.notice(), 1, "PUBLISHED", List.of(elsewhere), List.of(controller), categories);
        active(new Parties(controller, elsewhere, other.notice()), linkingAnotherNotice);
        active(new Parties(controller, covered, notice));

        JsonPath report = given().auth()
                .oauth2(token("auditor"))
                .when()
                .get("/api/agreements/gap-report")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String gaps = "gaps.findAll { it.notice == '" + notice + "' }";
        assertThat(report.getList(gaps + ".organisationId"))
                .containsExactlyInAnyOrder(drafted, elsewhere, noAgreement, "never-registered");
        assertThat(report.getString(gaps + ".find { it.organisationId == '" + drafted + "' }.status"))
                .isEqualTo("AGREEMENT_NOT_ACTIVE");
        assertThat(report.getString(gaps + ".find { it.organisationId == '" + drafted + "' }.agreements[0].state"))
                .isEqualTo("DRAFT");
        assertThat(report.getString(gaps + ".find { it.organisationId == '" + elsewhere + "' }.status"))
                .isEqualTo("NOTICE_NOT_LINKED");
        assertThat(report.getString(gaps + ".find { it.organisationId == '" + noAgreement + "' }.status"))
                .isEqualTo("NO_AGREEMENT");
        assertThat(report.getString(gaps + ".find { it.organisationId == 'never-registered' }.status"))
                .isEqualTo("UNKNOWN_ORGANISATION");
    }

    @Test
    void theReportIsAlsoCsv() {
        String csv = given().auth()
                .oauth2(dpo())
                .accept("text/csv")
                .when()
                .get("/api/agreements/gap-report")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"gap-report.csv\"")
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo(
                        "notice,notice_version,recipient,organisation_id,organisation_type,role,status,detail,agreements");
        assertThat(lines).hasSize(21);
        assertThat(lines)
                .anySatisfy(
                        l -> assertThat(l)
                                .startsWith(
                                        "children-families-education,1,Police,bedfordshire-police,police,RECIPIENT,NO_AGREEMENT,"));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).contains("\"Ministry for Housing, Community and Local Government\""));
    }

    @Test
    void whenNoticeServiceCannotAnswerTheReportIs503NotASilentlyShorterList() {
        UpstreamStubs.server.stubFor(get(urlPathEqualTo("/public/notices"))
                .atPriority(0)
                .willReturn(aResponse().withStatus(502)));
        given().auth()
                .oauth2(dpo())
                .when()
                .get("/api/agreements/gap-report")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("code", equalTo("notice-service-unavailable"));
    }

    /** Adds the notice to notice-service's list of published notices and serves it as the current version. */
    private static void publishAlso(String notice) {
        UpstreamStubs.server.stubFor(get(urlPathEqualTo("/public/notices"))
                .atPriority(0)
                .willReturn(UpstreamStubs.json(
                        200,
                        List.of(
                                map("slug", UpstreamStubs.CFE, "currentVersion", 1),
                                        map("slug", UpstreamStubs.WIMTM, "currentVersion", 1),
                                map("slug", notice, "currentVersion", 1),
                                        map("slug", "retired-notice", "currentVersion", null)))));
        String current = UpstreamStubs.server.getStubMappings().stream()
                .filter(m -> ("/public/notices/" + notice + "/versions/1")
                        .equals(m.getRequest().getUrlPath()))
                .findFirst()
                .orElseThrow()
                .getResponse()
                .getBody();
        UpstreamStubs.server.stubFor(get(urlPathEqualTo("/public/notices/" + notice))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(current)));
    }
}
