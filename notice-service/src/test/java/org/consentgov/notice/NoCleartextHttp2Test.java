package org.consentgov.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.consentgov.platform.testing.CleartextHttp2Upgrade;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** platform-oidc's NoCleartextHttp2 applies here: an h2c upgrade is ignored and the answer stays HTTP/1.1. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class NoCleartextHttp2Test {

    @Test
    void aCleartextHttp2UpgradeIsAnsweredOverHttp11WithoutSwitchingProtocols() throws Exception {
        String statusLine = CleartextHttp2Upgrade.statusLine("localhost", RestAssured.port, "/public/notices");
        assertThat(statusLine).startsWith("HTTP/1.1 200").doesNotContain("101");
    }
}
