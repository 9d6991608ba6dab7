package org.consentgov.platform.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.consentgov.platform.events.fence.AddressResolver;

/**
 * The webhook fence's resolver in service tests: it never looks anything up, so that no test sends a DNS query
 * (or anything else) off the machine. IP literals answer themselves; {@code localhost} is 127.0.0.1; names under
 * the reserved example domains ({@code example}, {@code example.org}, {@code example.com}, {@code example.net})
 * answer a public documentation address (203.0.113.1); a test can script a name's answers, one per lookup, the
 * last repeating (e.g. public at creation, then 127.0.0.1 at delivery, as DNS rebinding would). Anything else
 * does not resolve. Each service registers it as an alternative bean in its tests (a subclass with
 * {@code @Alternative @Priority(1) @ApplicationScoped}).
 */
public class OfflineResolver implements AddressResolver {

    /** The public (documentation) address example names resolve to. */
    public static final String PUBLIC_ADDRESS = "203.0.113.1";

    private static final Map<String, Deque<String>> SCRIPTED = new ConcurrentHashMap<>();

    /** Makes the next lookups of {@code host} answer these addresses in turn, the last one from then on. */
    public static void script(String host, String... answers) {
        SCRIPTED.put(host, new ArrayDeque<>(List.of(answers)));
    }

    /** Forgets every scripted answer. */
    public static void reset() {
        SCRIPTED.clear();
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        Deque<String> scripted = SCRIPTED.get(host);
        if (scripted != null) {
            synchronized (scripted) {
                String answer = scripted.size() > 1 ? scripted.poll() : scripted.peek();
                return new InetAddress[] {literal(answer)};
            }
        }
        if (isLiteral(host)) {
            return new InetAddress[] {literal(host)};
        }
        if (host.equals("localhost")) {
            return new InetAddress[] {literal("127.0.0.1")};
        }
        for (String domain : List.of("example", "example.org", "example.com", "example.net")) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return new InetAddress[] {literal(PUBLIC_ADDRESS)};
            }
        }
        throw new UnknownHostException(host + " (tests resolve nothing off the machine)");
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static InetAddress literal(String address) throws UnknownHostException {
        if (!isLiteral(address)) {
            throw new IllegalArgumentException("not an IP literal: " + address);
        }
        return InetAddress.getByName(address); // a literal is parsed, never looked up
    }
}
