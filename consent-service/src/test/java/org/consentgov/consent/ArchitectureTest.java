package org.consentgov.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.stream.Stream;
import org.consentgov.platform.testing.ArchitectureRules;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The suite's dependency rules (platform test-jar, ArchitectureRules) over this service's main classes. */
class ArchitectureTest {

    private final ArchitectureRules rules = ArchitectureRules.forService("org.consentgov.consent");

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

    @Test
    void configurationIsReadThroughConsentConfigNotSingleProperties() {
        assertThat(configPropertyInjections(rules.mainClasses())).isEmpty();
    }

    @Test
    void aSinglePropertyInjectionIsFound() {
        JavaClasses withOne = new ClassFileImporter().importClasses(InjectsASingleProperty.class);

        assertThat(configPropertyInjections(withOne)).hasSize(2);
    }

    private static List<String> configPropertyInjections(JavaClasses classes) {
        Stream<String> fields = classes.stream()
                .flatMap(c -> c.getFields().stream())
                .filter(f -> f.isAnnotatedWith(ConfigProperty.class))
                .map(f -> f.getFullName());
        Stream<String> parameters = classes.stream()
                .flatMap(c -> c.getCodeUnits().stream())
                .flatMap(u -> u.getParameters().stream())
                .filter(p -> p.isAnnotatedWith(ConfigProperty.class))
                .map(p -> p.getOwner().getFullName() + " " + p);
        return Stream.concat(fields, parameters).toList();
    }

    static class InjectsASingleProperty {
        @ConfigProperty(name = "consent.public-notice-base-url")
        String url;

        InjectsASingleProperty(@ConfigProperty(name = "consent.notices.retry-after-seconds") int seconds) {}
    }
}
