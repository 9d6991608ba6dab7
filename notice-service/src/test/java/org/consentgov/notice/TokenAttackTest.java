package org.consentgov.notice;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.contracts.TokenAttackContract;

/** The token attacks of {@link TokenAttackContract} on notice-service itself. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class TokenAttackTest extends TokenAttackContract {

    static final String AUDIENCE = "notice-service";
    static final String PATH = "/api/notices";

    @Override
    protected String audience() {
        return AUDIENCE;
    }

    @Override
    protected String path() {
        return PATH;
    }
}
