package org.consentgov.gateway.wellknown;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The deployment's {@code /.well-known/security.txt} (RFC 9116): where to report a vulnerability in this running
 * deployment, which the deploying body configures (SECURITY.md, "Where to report").
 */
public final class SecurityTxt {

    /** RFC 9116 asks for an Expires less than a year ahead; the file is written afresh on every request. */
    static final Duration LIFETIME = Duration.ofDays(180);

    private SecurityTxt() {}

    /** The file, or empty when the deployment configured no contact. */
    public static Optional<String> render(List<String> contacts, Optional<String> policy, Instant now) {
        List<String> uris = contacts.stream()
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .map(SecurityTxt::uri)
                .toList();
        if (uris.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(
                "# How to report a vulnerability in this deployment of the consent and data-sharing governance suite.\n");
        uris.forEach(uri -> text.append("Contact: ").append(uri).append('\n'));
        text.append("Expires: ")
                .append(now.plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS))
                .append('\n');
        policy.map(String::strip)
                .filter(p -> !p.isEmpty())
                .ifPresent(p -> text.append("Policy: ").append(p).append('\n'));
        text.append("Preferred-Languages: en\n");
        return Optional.of(text.toString());
    }

    /** A bare e-mail address becomes a mailto: URI; a URI (mailto:, https:, tel:) stays as it is. */
    static String uri(String contact) {
        return contact.contains(":") ? contact : "mailto:" + contact;
    }
}
