package org.consentgov.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static Caller callerWith(String... roles) {
        QuarkusSecurityIdentity.Builder identity =
                QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("alex"));
        for (String role : roles) {
            identity.addRole(role);
        }
        return new Caller(identity.build());
    }

    @Test
    void anyRoleMatchesWhenOneOfTheRolesIsHeld() {
        Caller auditor = callerWith(Roles.AUDITOR);
        assertThat(auditor.hasAnyRole(Roles.DPO, Roles.AUDITOR)).isTrue();
        assertThat(auditor.hasAnyRole(Roles.DPO, Roles.CASEWORKER)).isFalse();
        assertThat(auditor.hasNoneOf(Roles.DPO, Roles.CASEWORKER)).isTrue();
        assertThat(auditor.hasAnyRole()).isFalse();
        assertThat(auditor.name()).isEqualTo("alex");
    }

    @Test
    void anAbsentIdentityHoldsNoRoleAndIsTheSystem() {
        Caller nobody = new Caller(null);
        assertThat(nobody.hasAnyRole(Roles.ALL.toArray(String[]::new))).isFalse();
        assertThat(nobody.name()).isEqualTo(Caller.SYSTEM);
    }

    @Test
    void theRealmHasSevenRolesSpeltAsInKeycloak() {
        assertThat(Roles.ALL)
                .containsExactlyInAnyOrder(
                        "dpo", "notice-editor", "caseworker", "researcher", "partner", "integration", "auditor");
        assertThat(Roles.isRealmRole("dpo")).isTrue();
        assertThat(Roles.isRealmRole("DPO")).isFalse();
        assertThat(Roles.isRealmRole(null)).isFalse();
    }
}
