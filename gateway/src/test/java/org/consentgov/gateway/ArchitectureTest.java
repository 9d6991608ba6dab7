package org.consentgov.gateway;

import org.consentgov.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The suite's dependency rules (platform test-jar, ArchitectureRules) that apply to the gateway, which has
 * no domain, resources or database of its own: it uses no service's code and its packages form no cycle.
 */
class ArchitectureTest {

    private final ArchitectureRules rules = ArchitectureRules.forService("org.consentgov.gateway");

    @Test
    void usesNoOtherServicesCode() {
        rules.usesNoOtherService().check(rules.mainClasses());
    }

    @Test
    void packagesAreFreeOfCycles() {
        rules.packagesAreFreeOfCycles().check(rules.mainClasses());
    }
}
