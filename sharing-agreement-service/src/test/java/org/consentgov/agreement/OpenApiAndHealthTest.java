package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.consentgov.platform.testing.OpenApiSnapshot;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiAndHealthTest {

    @Test
    void theOpenApiDocumentNamesEveryOperationAndDescribesEveryErrorAsAProblem() {
        JsonPath doc = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> operations =
                doc.getList("paths.collect { p -> p.value.collect { it.value.operationId } }.flatten()");
        assertThat(operations)
                .contains(
                        "listOrganisations",
                        "createOrganisation",
                        "getOrganisation",
                        "updateOrganisation",
                        "listAgreements",
                        "createAgreement",
                        "getGapReport",
                        "getAgreement",
                        "getAgreementVersion",
                        "updateAgreementDraft",
                        "submitAgreement",
                        "signAgreement",
                        "activateAgreement",
                        "suspendAgreement",
                        "terminateAgreement",
                        "varyAgreement",
                        "reviewAgreement",
                        "getAgreementHistory",
                        "listAgreementEvents",
                        "decideSharing",
                        "getSharingDecision",
                        "recordDisclosure",
                        "listDisclosures",
                        "exportDisclosures",
                        "getDisclosure",
                        "getDisclosureSubjectAccessLog",
                        "listAgreementChanges",
                        "createAgreementWebhookSubscription");
        Map<String, Object> submit422 = doc.getMap("paths.'/api/agreements/{id}/submit'.post.responses.'422'");
        assertThat(submit422.toString()).contains("application/problem+json").contains("#/components/schemas/Problem");
        assertThat(doc.getString("info.title")).isEqualTo("sharing-agreement-service");
        assertThat(doc.getMap("components.schemas"))
                .containsKeys("AgreementContent", "SharingDecision", "Disclosure", "GapReport");
    }

    @Test
    void healthAndMetricsAnswer() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().when()
                .get("/public/vocabulary")
                .then()
                .statusCode(200)
                .body(
                        "organisationTypes.code",
                        org.hamcrest.Matchers.hasItems(
                                "local-authority", "school", "university", "health-trust", "police"));
    }

    @Test
    void openApiDocumentEqualsTheKeptCopy() {
        OpenApiSnapshot.assertMatchesKeptCopy("sharing-agreement-service");
    }
}
