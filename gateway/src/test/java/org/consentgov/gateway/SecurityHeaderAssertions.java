package org.consentgov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/** The headers every response of the gateway carries (SecurityHeaderPolicy), checked once for all tests. */
final class SecurityHeaderAssertions {

    static final String STRICT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private SecurityHeaderAssertions() {}

    /** nosniff, no framing, no referrer, and exactly one Content-Security-Policy; returns the response. */
    static Response hasSecurityHeaders(Response response) {
        assertThat(response.headers().getValues("X-Content-Type-Options"))
                .as("X-Content-Type-Options")
                .containsExactly("nosniff");
        assertThat(response.headers().getValues("X-Frame-Options"))
                .as("X-Frame-Options")
                .containsExactly("DENY");
        assertThat(response.headers().getValues("Referrer-Policy"))
                .as("Referrer-Policy")
                .containsExactly("no-referrer");
        assertThat(response.headers().getValues("Content-Security-Policy"))
                .as("Content-Security-Policy")
                .hasSize(1);
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.header("Strict-Transport-Security"))
                .as("no HSTS over plain HTTP")
                .isNull();
        return response;
    }

    /** Security headers and Cache-Control: no-store, the one value, for answers that carry personal data. */
    static Response isNotStored(Response response) {
        hasSecurityHeaders(response);
        assertThat(response.headers().getValues("Cache-Control"))
                .as("Cache-Control")
                .containsExactly("no-store");
        return response;
    }
}
