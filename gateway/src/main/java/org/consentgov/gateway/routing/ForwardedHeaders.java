package org.consentgov.gateway.routing;

import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the gateway. Hop-by-hop headers (RFC 9110 §7.6.1) never do; headers a client
 * could use to impersonate the gateway's own knowledge (forwarding, identity, org) are dropped from
 * requests and set by the gateway itself.
 */
public final class ForwardedHeaders {

    static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host");

    static final Set<String> SPOOFABLE = Set.of(
            "forwarded",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-proto",
            "x-forwarded-port",
            "x-forwarded-prefix",
            "x-real-ip",
            "x-org",
            "x-user",
            "x-user-id",
            "x-client-id",
            "x-roles",
            "x-authenticated-user",
            "x-original-url",
            "x-rewrite-url");

    private ForwardedHeaders() {}

    /** Whether a client's request header may be passed on to the upstream. */
    public static boolean forwardRequestHeader(String name, String connectionHeader) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !SPOOFABLE.contains(lower) && !namedIn(connectionHeader, lower);
    }

    /** Whether an upstream's response header may be passed on to the client. */
    public static boolean forwardResponseHeader(String name, String connectionHeader) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !namedIn(connectionHeader, lower);
    }

    /** Headers listed in Connection are hop-by-hop too. */
    private static boolean namedIn(String connectionHeader, String lower) {
        if (connectionHeader == null) {
            return false;
        }
        for (String token : connectionHeader.split(",")) {
            if (token.trim().toLowerCase(Locale.ROOT).equals(lower)) {
                return true;
            }
        }
        return false;
    }
}
