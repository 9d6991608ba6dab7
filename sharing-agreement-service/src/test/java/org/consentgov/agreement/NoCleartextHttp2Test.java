package org.consentgov.agreement;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.consentgov.platform.testing.NoCleartextHttp2Contract;
import org.consentgov.platform.testing.PostgresTestResource;

/** platform-oidc's NoCleartextHttp2 applies here: an h2c upgrade is ignored and the answer stays HTTP/1.1. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NoCleartextHttp2Test implements NoCleartextHttp2Contract {

    @Override
    public String openPath() {
        return "/q/health/live";
    }
}
