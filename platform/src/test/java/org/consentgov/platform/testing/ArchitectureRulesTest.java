package org.consentgov.platform.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule holds for a clean service and fails, naming the offending class, for one that breaks it. */
class ArchitectureRulesTest {

    private static final String FIXTURES = "org.consentgov.platform.archfixture.";
    private static final List<String> OTHER = List.of(FIXTURES + "otherservice");

    private final ArchitectureRules clean = ArchitectureRules.forService(FIXTURES + "clean", OTHER);
    private final ArchitectureRules broken = ArchitectureRules.forService(FIXTURES + "broken", OTHER);
    private final JavaClasses cleanClasses = new ClassFileImporter().importPackages(FIXTURES + "clean");
    private final JavaClasses brokenClasses = new ClassFileImporter().importPackages(FIXTURES + "broken");

    @Test
    void aCleanServiceKeepsEveryRule() {
        assertThatCode(() -> clean.check(cleanClasses)).doesNotThrowAnyException();
    }

    @Test
    void aDomainClassBuildingAnApiViewFails() {
        assertThatThrownBy(() -> broken.domainDoesNotDependOnApi().check(brokenClasses))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("broken.domain.Things")
                .hasMessageContaining("ThingView");
    }

    @Test
    void aResourceUsingARepositoryOrTheEntityManagerFails() {
        assertThatThrownBy(() -> broken.resourcesDoNotTouchPersistence().check(brokenClasses))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ThingRepository")
                .hasMessageContaining("EntityManager");
    }

    @Test
    void usingAnotherServicesCodeFails() {
        assertThatThrownBy(() -> broken.usesNoOtherService().check(brokenClasses))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OtherServiceType");
    }

    @Test
    void aCycleBetweenPackagesFails() {
        assertThatThrownBy(() -> broken.packagesAreFreeOfCycles().check(brokenClasses))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void checkFailsOnTheFirstBrokenRule() {
        assertThatThrownBy(() -> broken.check(brokenClasses)).isInstanceOf(AssertionError.class);
    }
}
