package org.consentgov.gateway.routing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * W3C Trace Context: keeps the trace of a well-formed incoming {@code traceparent} and starts a new span
 * for the upstream call; starts a new trace otherwise.
 */
public final class TraceContext {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {}

    public static String next(String incoming) {
        String traceId;
        String flags = "01";
        var m = incoming == null ? null : TRACEPARENT.matcher(incoming.trim());
        if (m != null
                && m.matches()
                && !m.group(1).equals("0".repeat(32))
                && !m.group(2).equals("0".repeat(16))) {
            traceId = m.group(1);
            flags = m.group(3);
        } else {
            traceId = hex(16);
        }
        return "00-" + traceId + "-" + hex(8) + "-" + flags;
    }

    public static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        do {
            RANDOM.nextBytes(b);
        } while (allZero(b));
        return HexFormat.of().formatHex(b);
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
