package org.consentgov.notice;

import java.nio.file.Path;
import org.consentgov.platform.testing.TrustedProxies;
import org.junit.jupiter.api.Test;

/** The gateway's addresses, trusted for X-Forwarded-*, are addresses to Quarkus: none is looked up by DNS per request. */
class TrustedProxiesTest {

    @Test
    void theDefaultTrustedProxiesAreAddressesNotHostNames() throws Exception {
        TrustedProxies.assertAddressesOnly(
                TrustedProxies.configured(Path.of("src/main/resources/application.properties")));
    }
}
