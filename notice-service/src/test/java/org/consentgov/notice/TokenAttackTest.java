package org.consentgov.notice;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.contracts.TokenAttackContract;
import org.consentgov.platform.testing.contracts.TokenAttackTarget;

/** The token attacks of {@link TokenAttackContract} on notice-service itself. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@TokenAttackTarget(audience = "notice-service", path = "/api/notices")
class TokenAttackTest extends TokenAttackContract {}
