package org.consentgov.platform.oidc;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once, not on every request. Quarkus OIDC parses and verifies a token's signature on
 * every request that carries it; a client (the case-management integration, a partner) sends the same token
 * for its whole life, and under load that verification was the largest cost of the gateway and of each service
 * (bench/RESULTS.md). Here the identity that OIDC built for a token is kept (by {@link Keeper}, after every
 * other augmentor) and handed out again for the same token text (by {@link Provider}, tried before OIDC)
 * until the earlier of the token's {@code exp} and {@code platform.oidc.token-cache.max-age}.
 *
 * <p>What this does not change: a token is still verified in full the first time it is seen, and again after at
 * most the maximum age; an invalid token is never kept, so it is refused every time; expiry is still enforced
 * to the second. What it does change: a signing key withdrawn from the provider's JWKS stops accepting tokens
 * it signed after at most the maximum age (60 s by default) instead of at once, which is why the age is short.
 * Identities are kept without the request they came from (the routing context), which each hit gets afresh.
 * Set {@code platform.oidc.token-cache.max-age=0} to turn the cache off.
 */
@ApplicationScoped
public class VerifiedTokenCache {

    /** Identity attributes that belong to one request, never kept. */
    static final Set<String> REQUEST_BOUND = Set.of(
            RoutingContext.class.getName(),
            HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE,
            AuthenticationRequestContext.class.getName());

    private final VerifiedTokens<SecurityIdentity> tokens;
    private final Clock clock;
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();

    public VerifiedTokenCache(
            @ConfigProperty(name = "platform.oidc.token-cache.max-age", defaultValue = "60s") Duration maxAge,
            @ConfigProperty(name = "platform.oidc.token-cache.max-entries", defaultValue = "10000") int maxEntries) {
        this.tokens = new VerifiedTokens<>(maxAge, maxEntries);
        this.clock = Clock.systemUTC();
    }

    /** The kept identity for this token, given the current request; empty when it must be verified. */
    java.util.Optional<SecurityIdentity> find(String token, RoutingContext request) {
        java.util.Optional<SecurityIdentity> found =
                tokens.find(token, clock.instant()).map(kept -> forRequest(kept, request));
        if (found.isPresent()) {
            hits.increment();
        }
        return found;
    }

    /** How many requests were served a kept identity (for tests and metrics). */
    public long hits() {
        return hits.sum();
    }

    /** Keeps the identity built for a bearer token just verified (not one handed out from here). */
    void keep(SecurityIdentity identity) {
        AccessTokenCredential credential =
                identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (credential != null
                && credential.getToken() != null
                && !tokens.contains(credential.getToken())
                && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getExpirationTime() > 0) {
            tokens.keep(
                    credential.getToken(),
                    withoutRequest(identity),
                    Instant.ofEpochSecond(jwt.getExpirationTime()),
                    clock.instant());
        }
    }

    /** Tried before Quarkus OIDC's provider: a kept identity for this token, or nothing (then OIDC verifies it). */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokenCache cache;

        public Provider(VerifiedTokenCache cache) {
            this.cache = cache;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /** Above Quarkus OIDC's own provider (1001 in Quarkus 3.34; VerifiedTokenCacheTest fails if it ever is not). */
        @Override
        public int priority() {
            return 2000;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(
                TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            String token =
                    request.getToken() == null ? null : request.getToken().getToken();
            if (token == null) {
                return Uni.createFrom().nullItem();
            }
            return cache.find(token, HttpSecurityUtils.getRoutingContextAttribute(request))
                    .map(identity -> Uni.createFrom().item(identity))
                    .orElseGet(() -> Uni.createFrom().nullItem());
        }
    }

    /** Runs after every other augmentor, so that what is kept is the identity the application sees. */
    @ApplicationScoped
    public static class Keeper implements SecurityIdentityAugmentor {

        private final VerifiedTokenCache cache;

        public Keeper(VerifiedTokenCache cache) {
            this.cache = cache;
        }

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            cache.keep(identity);
            return Uni.createFrom().item(identity);
        }
    }

    /** Whether exactly this token is kept (for tests and metrics). */
    public boolean isKept(String token) {
        return tokens.contains(token);
    }

    /** The identity without the attributes of the request it was built for (nor its permission checkers). */
    static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials());
        identity.getAttributes().forEach((name, value) -> {
            if (!REQUEST_BOUND.contains(name)) {
                kept.addAttribute(name, value);
            }
        });
        return kept.build();
    }

    /** A kept identity, given the current request as OIDC would have. */
    static SecurityIdentity forRequest(SecurityIdentity kept, RoutingContext request) {
        if (request == null) {
            return kept;
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(kept)
                .addAttribute(RoutingContext.class.getName(), request)
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, request);
        Object blocking = request.get(AuthenticationRequestContext.class.getName());
        if (blocking != null) {
            builder.addAttribute(AuthenticationRequestContext.class.getName(), blocking);
        }
        return builder.build();
    }
}
