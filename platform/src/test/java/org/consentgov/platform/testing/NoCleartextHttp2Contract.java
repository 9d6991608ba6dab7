package org.consentgov.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * platform-oidc's NoCleartextHttp2 applies in a service: an {@code Upgrade: h2c} request is answered over HTTP/1.1
 * without switching protocols. A service's {@code @QuarkusTest} class implements this interface, naming a path
 * that answers 200 without a token.
 */
public interface NoCleartextHttp2Contract {

    /** A path of the service that answers 200 to a GET without a token. */
    String openPath();

    @Test
    default void aCleartextHttp2UpgradeIsAnsweredOverHttp11WithoutSwitchingProtocols() throws Exception {
        String statusLine = CleartextHttp2Upgrade.statusLine("localhost", RestAssured.port, openPath());
        assertThat(statusLine).startsWith("HTTP/1.1 200").doesNotContain("101");
    }
}
