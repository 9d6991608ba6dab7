package org.consentgov.gateway.routing;

import io.vertx.core.MultiMap;
import java.util.List;

/**
 * Which security headers a response leaving the gateway carries, whoever wrote it: a service (even one that
 * forgot them), the gateway's own problems, the merged OpenAPI document, health, Swagger UI.
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and {@code Referrer-Policy:
 *       no-referrer} on every response, replacing whatever a service sent.
 *   <li>{@code Cache-Control: no-store} on every {@code /api/} response that needs a token (personal data, or
 *       data about who holds it), replacing a service's own; on a public {@code /api/} path (the receipt keys)
 *       and on the gateway's own paths a service's or Quarkus' own value is kept and {@code no-store} fills in
 *       when there is none; {@code /public/} answers keep whatever caching notice-service chose.
 *   <li>{@code Content-Security-Policy}: Swagger UI gets its own (it needs inline script); the console at
 *       {@code /console/} its own (its files only, no inline code, the realm for sign-in); a service that sets
 *       one for its pages (notice-service's public notices) keeps it; everything else gets the strict default,
 *       which lets a page load nothing and be framed by nobody.
 *   <li>{@code Strict-Transport-Security} when the gateway itself was reached over TLS (behind a TLS-terminating
 *       ingress, the ingress sets it).
 * </ul>
 */
public final class SecurityHeaderPolicy {

    static final String CACHE_CONTROL = "Cache-Control";
    static final String CSP = "Content-Security-Policy";
    static final String SWAGGER_UI = "/q/swagger-ui";
    static final String CONSOLE = "/console";
    static final List<String> NAMES = List.of(
            "X-Content-Type-Options",
            "X-Frame-Options",
            "Referrer-Policy",
            CACHE_CONTROL,
            CSP,
            "Strict-Transport-Security");

    private final String defaultCsp;
    private final String swaggerUiCsp;
    private final String consoleCsp;
    private final String hsts;

    public SecurityHeaderPolicy(String defaultCsp, String swaggerUiCsp, String consoleCsp, String hsts) {
        this.defaultCsp = defaultCsp;
        this.swaggerUiCsp = swaggerUiCsp;
        this.consoleCsp = consoleCsp;
        this.hsts = hsts;
    }

    /**
     * Sets the headers on a response about to be sent.
     *
     * @param path the request path
     * @param publicPath whether the path passes the gateway without a token
     * @param secure whether the request reached the gateway over TLS
     */
    public void apply(MultiMap headers, String path, boolean publicPath, boolean secure) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        if (path.startsWith("/api/") && !publicPath) {
            headers.set(CACHE_CONTROL, "no-store");
        } else if (!path.startsWith("/public/") && !headers.contains(CACHE_CONTROL)) {
            headers.set(CACHE_CONTROL, "no-store");
        }
        if (path.equals(SWAGGER_UI) || path.startsWith(SWAGGER_UI + "/")) {
            headers.set(CSP, swaggerUiCsp);
        } else if (path.equals(CONSOLE) || path.startsWith(CONSOLE + "/")) {
            headers.set(CSP, consoleCsp);
        } else if (!headers.contains(CSP)) {
            headers.set(CSP, defaultCsp);
        }
        if (secure && !hsts.isBlank()) {
            headers.set("Strict-Transport-Security", hsts);
        }
    }

    /** Removes every header this policy sets. */
    public static void remove(MultiMap headers) {
        NAMES.forEach(headers::remove);
    }
}
