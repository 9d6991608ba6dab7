package org.consentgov.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the console signs in and where it calls, served as {@code /console/config.json} so that one build of the
 * console runs against any deployment's realm: the realm (the OIDC authority), the realm's public client for the
 * console (authorization code + PKCE) and the API's base, which is the gateway itself.
 *
 * @param authority the realm URL, without a trailing slash
 * @param clientId the console's public client in that realm
 */
public record ConsoleClient(String authority, String clientId) {

    /** In a Content-Security-Policy, where the realm's origin goes. */
    public static final String REALM_ORIGIN = "{realm-origin}";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** From the gateway's own {@code quarkus.oidc.auth-server-url}. */
    public static ConsoleClient of(String authServerUrl, String clientId) {
        return new ConsoleClient(authServerUrl.strip().replaceAll("/+$", ""), clientId);
    }

    /** The realm's origin (scheme, host and port), which the console calls and frames for sign-in. */
    public String realmOrigin() {
        return realmOrigin(authority);
    }

    public static String realmOrigin(String authServerUrl) {
        URI uri = URI.create(authServerUrl.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("the realm URL has no origin: " + authServerUrl);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** A policy with {@value #REALM_ORIGIN} standing for the realm's origin, filled in. */
    public static String contentSecurityPolicy(String template, String authServerUrl) {
        return template.replace(REALM_ORIGIN, realmOrigin(authServerUrl));
    }

    public String configJson() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("authority", authority);
        config.put("clientId", clientId);
        config.put("apiBase", "/");
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
