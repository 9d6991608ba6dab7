package org.consentgov.platform.events.fence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.consentgov.platform.events.EventsConfig;
import org.consentgov.platform.problem.ProblemException;

/**
 * Where webhook deliveries may go (no SSRF). A target must be {@code https} and every address its host resolves
 * to must be {@linkplain AddressClass#PUBLIC public}; a host on the allow-list ({@code platform.events.target-allow-list},
 * e.g. the suite's own services) is exempt from both. Checked when a subscription is created (a 422 problem naming
 * the rule) and again before every delivery, after resolving the name afresh, so that a name that resolved to a
 * public address at creation and to 127.0.0.1 or 169.254.169.254 later (DNS rebinding) is refused without being
 * contacted. All resolved addresses are checked, not only the first.
 */
@ApplicationScoped
public class TargetFence {

    /** The rule refused when a target that is not allow-listed is not https. */
    public static final String HTTPS_REQUIRED = "target-https-required";
    /** The rule refused when a target's host is or resolves to an address that is not public. */
    public static final String ADDRESS_REFUSED = "target-address-refused";
    /** The rule refused at creation when a target's host does not resolve. */
    public static final String UNRESOLVABLE = "target-unresolvable";

    /** Names of cloud metadata endpoints, refused by name before any lookup. */
    static final Set<String> METADATA_NAMES = Set.of(
            "metadata.google.internal",
            "metadata.goog",
            "metadata",
            "instance-data",
            "instance-data.ec2.internal",
            "metadata.azure.internal");

    /** Why a target is refused: the rule, a sentence for people, and the address class when one was at fault. */
    public record Refusal(String rule, String detail, AddressClass addressClass) {}

    private record Allowed(String host, int port) {}

    private final List<Allowed> allowList;
    private final AddressResolver resolver;

    @Inject
    public TargetFence(EventsConfig config, AddressResolver resolver) {
        this(config.targetAllowList().orElse(List.of()), resolver);
    }

    /** For tests and the dispatcher built by hand: the allow-list entries ({@code host} or {@code host:port}). */
    public TargetFence(List<String> allowList, AddressResolver resolver) {
        List<Allowed> parsed = new ArrayList<>();
        for (String entry : allowList) {
            if (entry != null && !entry.isBlank()) {
                parsed.add(allowed(entry.trim()));
            }
        }
        this.allowList = List.copyOf(parsed);
        this.resolver = resolver;
    }

    /** The fence of a dispatcher built by hand: the configured allow-list and the JVM's resolver. */
    public static TargetFence of(EventsConfig config) {
        return new TargetFence(config.targetAllowList().orElse(List.of()), new SystemAddressResolver());
    }

    /**
     * Refuses a new subscription's target with a 422 problem naming the rule ({@code targetUrl} is the field); a
     * host that does not resolve now is refused too.
     */
    public void checkNew(URI target) {
        Optional<Refusal> refusal;
        try {
            refusal = refusal(target);
        } catch (UnknownHostException e) {
            refusal = Optional.of(
                    new Refusal(UNRESOLVABLE, "targetUrl names a host that does not resolve: " + host(target), null));
        }
        refusal.ifPresent(r -> {
            ProblemException problem = ProblemException.rule(r.rule(), r.detail(), "targetUrl");
            if (r.addressClass() != null) {
                problem.with(
                        "addressClass",
                        r.addressClass().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw problem;
        });
    }

    /**
     * Why a delivery to this target must not be made, or empty when it may. Resolves the host afresh (through the
     * resolver) unless it is allow-listed; a host that does not resolve throws, and is an ordinary failed attempt.
     */
    public Optional<Refusal> refusal(URI target) throws UnknownHostException {
        String host = host(target);
        if (allowListed(host, port(target))) {
            return Optional.empty();
        }
        if (!"https".equalsIgnoreCase(target.getScheme())) {
            return Optional.of(new Refusal(
                    HTTPS_REQUIRED,
                    "targetUrl must use https; plain http is only for hosts on the allow-list "
                            + "(platform.events.target-allow-list)",
                    null));
        }
        if (METADATA_NAMES.contains(host)) {
            return Optional.of(refused(host, host, AddressClass.METADATA));
        }
        for (InetAddress address : resolver.resolve(host)) {
            AddressClass kind = AddressClassifier.classify(address);
            if (!kind.allowed()) {
                return Optional.of(refused(host, address.getHostAddress(), kind));
            }
        }
        return Optional.empty();
    }

    private static Refusal refused(String host, String address, AddressClass kind) {
        String what = host.equals(address) ? host + " is " : host + " resolves to " + address + ", ";
        return new Refusal(
                ADDRESS_REFUSED,
                "targetUrl " + what + kind.description()
                        + "; deliveries go only to public addresses, or to hosts on the allow-list "
                        + "(platform.events.target-allow-list)",
                kind);
    }

    private boolean allowListed(String host, int port) {
        for (Allowed allowed : allowList) {
            if (allowed.host().equals(host) && (allowed.port() < 0 || allowed.port() == port)) {
                return true;
            }
        }
        return false;
    }

    private static Allowed allowed(String entry) {
        String host = entry;
        int port = -1;
        int colon = entry.lastIndexOf(':');
        boolean bracketed = entry.startsWith("[");
        if (colon > 0 && (bracketed ? colon > entry.indexOf(']') : entry.indexOf(':') == colon)) {
            host = entry.substring(0, colon);
            port = Integer.parseInt(entry.substring(colon + 1));
        }
        return new Allowed(normalise(host), port);
    }

    static String host(URI target) {
        return normalise(target.getHost() == null ? "" : target.getHost());
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    /**
     * The target as given, if well formed: an absolute http(s) URL with a host, no user-info (which would be shown
     * to every reader) and no fragment; otherwise a 400 problem ({@code invalid-target-url}). Whether it may be
     * used at all is {@link #checkNew}'s question.
     */
    public static URI wellFormed(String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw invalidUrl("targetUrl is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalidUrl("targetUrl must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalidUrl("targetUrl must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalidUrl("targetUrl must not carry credentials; deliveries are authenticated by their signature");
        }
        if (uri.getRawFragment() != null) {
            throw invalidUrl("targetUrl must not have a fragment");
        }
        return uri;
    }

    private static ProblemException invalidUrl(String detail) {
        return ProblemException.badRequest("invalid-target-url", detail, "targetUrl");
    }

    private static int port(URI target) {
        if (target.getPort() >= 0) {
            return target.getPort();
        }
        return "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
    }
}
