package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.token;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * consent-service sets the security headers itself (platform defaults), so a caller that reaches it without the
 * gateway gets them too: a consent record is never stored by a cache, the public receipt keys stay cacheable.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentSecurityHeadersApiTest extends ConsentApiTestSupport {

    @Test
    void aConsentRecordAndEveryProblemAreNeverStored() {
        String id = record(researchConsent(nhsNumber(), 0)).jsonPath().getString("id");
        Response consent = given().auth().oauth2(token("caseworker")).when().get("/api/consents/{id}", id);
        assertThat(consent.statusCode()).isEqualTo(200);
        isNotStored(consent);

        Response unauthenticated = given().when().get("/api/consents/{id}", id);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        isNotStored(unauthenticated);

        Response missing = given().auth()
                .oauth2(token("caseworker"))
                .when()
                .get("/api/consents/{id}", "00000000-0000-0000-0000-000000000000");
        assertThat(missing.statusCode()).isEqualTo(404);
        isNotStored(missing);
    }

    @Test
    void thePublicReceiptKeysKeepTheirOwnCaching() {
        Response keys = given().when().get("/api/consents/receipts/jwks.json");
        assertThat(keys.statusCode()).isEqualTo(200);
        hasSecurityHeaders(keys);
        assertThat(keys.headers().getValues("Cache-Control"))
                .singleElement()
                .asString()
                .contains("max-age=60")
                .doesNotContain("no-store");
    }

    private static void isNotStored(Response response) {
        hasSecurityHeaders(response);
        assertThat(response.headers().getValues("Cache-Control")).containsExactly("no-store");
    }

    private static void hasSecurityHeaders(Response response) {
        assertThat(response.headers().getValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().getValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().getValues("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(response.headers().getValues("Content-Security-Policy"))
                .singleElement()
                .asString()
                .startsWith("default-src 'none';");
    }
}
