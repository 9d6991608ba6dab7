package org.consentgov.consent;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.contracts.OpenApiFuzzContract;

/** The fuzz run of {@link OpenApiFuzzContract} on consent-service, with its roles' tokens. Calls to notice-service go to its WireMock stub. */
@QuarkusTest
@TestProfile(OpenApiFuzzContract.Last.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class OpenApiFuzzTest extends OpenApiFuzzContract {

    @Override
    protected String serviceName() {
        return "consent-service";
    }

    @Override
    protected String[] tokens() {
        return new String[] {
            ConsentTestData.token("dpo"),
            ConsentTestData.token("integration"),
            ConsentTestData.token("caseworker"),
            ConsentTestData.token("auditor"),
            ConsentTestData.token("researcher")
        };
    }
}
