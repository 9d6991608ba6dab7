package org.consentgov.gateway;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.consentgov.platform.testing.contracts.TokenAttackContract;
import org.consentgov.platform.testing.contracts.TokenAttackTarget;

/**
 * The token attacks of {@link TokenAttackContract} on the gateway itself; a refused request never reaches the
 * service behind it.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(UpstreamStubs.class)
@TokenAttackTarget(audience = TokenAttackTest.AUDIENCE, path = TokenAttackTest.PATH)
class TokenAttackTest extends TokenAttackContract {

    static final String AUDIENCE = "gateway";
    static final String PATH = "/api/notices";

    @Override
    protected void beforeRequest() {
        UpstreamStubs.reset();
    }

    @Override
    protected void afterRefusal() {
        UpstreamStubs.notice.verify(0, WireMock.anyRequestedFor(WireMock.urlPathMatching("/api/.*")));
    }
}
