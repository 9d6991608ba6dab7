package org.consentgov.platform.security;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The rule behind {@link Roles#ANY_REALM_ROLE}: the caller holds at least one realm role, exactly what
 * {@code @RolesAllowed} naming all seven requires. A service that has such endpoints declares the checker as a bean
 * of its own (Quarkus refuses to build a service holding a checker no endpoint uses, so it cannot live here as one).
 */
public abstract class AnyRealmRoleCheck {

    protected boolean holdsAnyRealmRole(SecurityIdentity identity) {
        return !identity.isAnonymous() && Roles.ALL.stream().anyMatch(identity::hasRole);
    }
}
