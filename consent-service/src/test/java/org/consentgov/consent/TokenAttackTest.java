package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.TestTokens;
import org.consentgov.platform.testing.contracts.TokenAttackContract;
import org.consentgov.platform.testing.contracts.TokenAttackTarget;
import org.junit.jupiter.api.Test;

/**
 * The token attacks of {@link TokenAttackContract} on consent-service itself, and what a token without an
 * organisation may learn from the check.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
@TokenAttackTarget(audience = TokenAttackTest.AUDIENCE, path = "/api/consents")
class TokenAttackTest extends TokenAttackContract {

    static final String AUDIENCE = "consent-service";

    @Test
    void aResearcherOrPartnerWithoutAnOrganisationLearnsNothing() {
        for (String role : new String[] {"researcher", "partner"}) {
            Response response = given().auth()
                    .oauth2(TestTokens.token(role + "-without-org", role, null, AUDIENCE))
                    .queryParam("subject", "nhs-number:9990000018")
                    .queryParam("notice", NoticeServiceStub.RESEARCH)
                    .queryParam("purpose", "research")
                    .accept("application/json")
                    .when()
                    .get("/api/consents/check");
            // a researcher is asked which agreement of its organisation covers the notice: none, so 404; a
            // partner may not ask at all
            assertThat(response.statusCode())
                    .as("%s: %s", role, response.asString())
                    .isEqualTo(role.equals("researcher") ? 404 : 403);
            assertThat(response.asString()).doesNotContain("\"consented\"").doesNotContain("recordId");
        }
    }
}
