package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.consent;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.containsString;

import com.nimbusds.jose.jwk.JWKSet;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.consentgov.consent.receipts.ConsentReceipt;
import org.consentgov.consent.receipts.ReceiptService;
import org.consentgov.platform.testing.PostgresTestResource;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;

/** The documents of a record: the signed receipt and the FHIR R4 Consent. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentDocumentsApiTest extends ConsentApiTestSupport {

    @Test
    void theReceiptIsASignedJwsThatVerifiesOfflineWithThePublishedKeys() throws Exception {
        String id = record(researchConsent(nhsNumber(), 0)).jsonPath().getString("id");
        String jws = given().auth()
                .oauth2(token("caseworker"))
                .accept("application/jose")
                .when()
                .get("/api/consents/{id}/receipt", id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String jwks = given().when()
                .get("/api/consents/receipts/jwks.json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        ConsentReceipt receipt = ReceiptService.verify(jws, JWKSet.parse(jwks));
        assertThat(receipt.recordId()).hasToString(id);
        assertThat(receipt.piiControllers()).contains("Luton Borough Council");
        assertThat(receipt.notice().contentHash()).isEqualTo(NoticeServiceStub.RESEARCH_HASH);
        String tampered = jws.substring(0, jws.indexOf('.') + 1) + "eyJ4IjoxfQ" + jws.substring(jws.lastIndexOf('.'));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReceiptService.verify(tampered, JWKSet.parse(jwks)));
    }

    @Test
    void theRecordIsAvailableAsAFhirR4Consent() {
        String id = record(researchConsent(nhsNumber(), 0)).jsonPath().getString("id");
        String json = given().auth()
                .oauth2(token("caseworker"))
                .accept("application/fhir+json")
                .when()
                .get("/api/consents/{id}", id)
                .then()
                .statusCode(200)
                .contentType(containsString("application/fhir+json"))
                .extract()
                .asString();
        Consent consent =
                ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().parseResource(Consent.class, json);
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(consent.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
    }
}
