package org.consentgov.agreement;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.contracts.OpenApiFuzzContract;

/** The fuzz run of {@link OpenApiFuzzContract} on sharing-agreement-service, with its roles' tokens. Calls to the other services go to their WireMock stubs. */
@QuarkusTest
@TestProfile(OpenApiFuzzContract.Last.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiFuzzTest extends OpenApiFuzzContract {

    @Override
    protected String serviceName() {
        return "sharing-agreement-service";
    }

    @Override
    protected String[] tokens() {
        return new String[] {
            AgreementTestData.token("dpo"),
            AgreementTestData.token("integration"),
            AgreementTestData.token("partner"),
            AgreementTestData.token("auditor"),
            AgreementTestData.token("caseworker"),
            AgreementTestData.token("researcher")
        };
    }
}
