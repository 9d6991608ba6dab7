package org.consentgov.agreement.api;

import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.consentgov.platform.security.AnyRealmRoleCheck;
import org.consentgov.platform.security.Roles;

/** Every user of the suite may read organisations and the agreements in their scope (Roles.ANY_REALM_ROLE). */
@ApplicationScoped
class AgreementReaders extends AnyRealmRoleCheck {

    @PermissionChecker(Roles.ANY_REALM_ROLE)
    boolean mayRead(SecurityIdentity identity) {
        return holdsAnyRealmRole(identity);
    }
}
