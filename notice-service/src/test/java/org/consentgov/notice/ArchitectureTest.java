package org.consentgov.notice;

import org.consentgov.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The suite's dependency rules (platform test-jar, ArchitectureRules) over this service's main classes. */
class ArchitectureTest {

    private final ArchitectureRules rules = ArchitectureRules.forService("org.consentgov.notice");

    @Test
    void domainDoesNotDependOnApi() {
        rules.domainDoesNotDependOnApi().check(rules.mainClasses());
    }

    @Test
    void resourcesDoNotTouchRepositoriesOrTheEntityManager() {
        rules.resourcesDoNotTouchPersistence().check(rules.mainClasses());
    }

    @Test
    void usesNoOtherServicesCode() {
        rules.usesNoOtherService().check(rules.mainClasses());
    }

    @Test
    void packagesAreFreeOfCycles() {
        rules.packagesAreFreeOfCycles().check(rules.mainClasses());
    }
}
