package org.consentgov.agreement.domain;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.persistence.Scope;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.security.Roles;

/**
 * The caller's scope: the council's own roles (DPO, auditor, caseworker, integration, notice editor) see
 * everything; a partner or researcher sees only what concerns the organisation of its token. The service's own
 * work without a request (demo data, daily checks) sees everything: every HTTP endpoint that reaches a service
 * demands a token, so no anonymous request gets here. A partner or researcher token without an {@code org} claim
 * is a 403 problem ({@code organisation-required}).
 */
@RequestScoped
public class Scopes {

    private final Caller caller;
    private final SecurityIdentity identity;

    public Scopes(Caller caller, SecurityIdentity identity) {
        this.caller = caller;
        this.identity = identity;
    }

    public Scope current() {
        if (identity.isAnonymous()) {
            return Scope.everything();
        }
        if (caller.hasRole(Roles.DPO)
                || caller.hasRole(Roles.AUDITOR)
                || caller.hasRole(Roles.CASEWORKER)
                || caller.hasRole(Roles.INTEGRATION)
                || caller.hasRole(Roles.NOTICE_EDITOR)) {
            return Scope.everything();
        }
        // A partner or researcher is scoped to the organisation its token names; a token that names none is
        // refused outright rather than answered with an empty scope, so a misconfigured client sees the cause.
        String org = caller.org()
                .filter(o -> !o.isBlank())
                .orElseThrow(() -> AgreementErrors.ORGANISATION_REQUIRED.problem(
                        "A partner or researcher token must name its organisation (claim org)"));
        return Scope.of(org);
    }
}
