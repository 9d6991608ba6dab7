package org.consentgov.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the token's user (or service account) name, its roles and its organisation, from the
 * {@code org} claim of the governance realm. Services record the name as the actor of every change and
 * scope partner and researcher reads by the organisation.
 */
@RequestScoped
public class Caller {

    public static final String ORG_CLAIM = "org";
    public static final String SYSTEM = "system";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity == null || identity.isAnonymous()
                ? SYSTEM
                : identity.getPrincipal().getName();
    }

    public Optional<String> org() {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object org = jwt.getClaim(ORG_CLAIM);
            if (org != null && !org.toString().isBlank()) {
                return Optional.of(org.toString());
            }
        }
        return Optional.empty();
    }

    /**
     * The OAuth client the token was issued to: its {@code azp} claim, or {@code client_id} for tokens that carry
     * only that. For a service's client-credentials token it names the service (e.g. {@code consent-service}); the access log records it, so the same user through the console or a script is told apart.
     */
    public Optional<String> clientId() {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            for (String claim : new String[] {"azp", "client_id"}) {
                Object value = jwt.getClaim(claim);
                if (value != null && !value.toString().isBlank()) {
                    return Optional.of(value.toString());
                }
            }
        }
        return Optional.empty();
    }

    public boolean hasRole(String role) {
        return identity != null && identity.hasRole(role);
    }

    /** Whether the caller holds at least one of these roles (give {@link Roles} constants, never literals). */
    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller holds none of these roles. */
    public boolean hasNoneOf(String... roles) {
        return !hasAnyRole(roles);
    }
}
