package org.consentgov.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.TestTokens;
import org.consentgov.platform.testing.contracts.TokenAttackContract;
import org.consentgov.platform.testing.contracts.TokenAttackTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The token attacks of {@link TokenAttackContract} on sharing-agreement-service itself, and the refusals of
 * org-scoped roles whose token names no organisation.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
@TokenAttackTarget(audience = TokenAttackTest.AUDIENCE, path = "/api/agreements")
class TokenAttackTest extends TokenAttackContract {

    static final String AUDIENCE = "sharing-agreement-service";

    @ParameterizedTest
    @CsvSource({
        "partner, /api/agreements",
        "researcher, /api/agreements",
        "partner, /api/disclosures",
        "researcher, /api/disclosures"
    })
    void aPartnerOrResearcherWithoutAnOrganisationIsRefused(String role, String path) {
        // org-scoped roles see only what concerns their organisation; a token that names none is a 403, never data
        given().auth()
                .oauth2(TestTokens.token(role + "-without-org", role, null, AUDIENCE))
                .accept("application/json")
                .when()
                .get(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("organisation-required"))
                .body("$", not(hasKey("items")));
    }

    @Test
    void aPartnerWithoutAnOrganisationMayNotAskForAnotherOrganisationsDecision() {
        given().auth()
                .oauth2(TestTokens.token("partner-without-org", "partner", null, AUDIENCE))
                .contentType("application/json")
                .accept("application/json")
                .body("{\"recipient\": \"luton-schools\", \"categories\": [\"education.attendance\"], "
                        + "\"subject\": \"nhs-number:9990000018\", \"purpose\": \"support-pupil-learning\"}")
                .when()
                .post("/api/sharing-decisions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
