package org.consentgov.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The dependency rules every service keeps (STYLE.md, "Inside a service"), checked by each service's
 * {@code ArchitectureTest} over its main classes, so that a violation fails {@code ./mvnw verify}:
 *
 * <ul>
 *   <li>the domain does not depend on the web layer ({@code api}): resources map requests to domain
 *       commands and domain results to views, never the other way round;
 *   <li>resources do not touch repositories or the {@code EntityManager}: they call one domain use case;
 *   <li>no service uses another service's code (they share only {@code org.consentgov.platform});
 *   <li>no cycles between a service's packages (entities storing a domain enum excepted).
 * </ul>
 */
public final class ArchitectureRules {

    /** The root package of each service; a service may use none of the others'. */
    public static final List<String> SERVICE_PACKAGES = List.of(
            "org.consentgov.notice", "org.consentgov.consent", "org.consentgov.agreement", "org.consentgov.gateway");

    private final String root;
    private final List<String> otherServices;

    private ArchitectureRules(String root, List<String> otherServices) {
        this.root = root;
        this.otherServices = List.copyOf(otherServices);
    }

    /** The rules for the service whose classes live under {@code root}, e.g. {@code org.consentgov.consent}. */
    public static ArchitectureRules forService(String root) {
        return forService(
                root,
                SERVICE_PACKAGES.stream().filter(other -> !other.equals(root)).toList());
    }

    /** The rules for a service under {@code root} that may use none of the packages in {@code otherServices}. */
    public static ArchitectureRules forService(String root, List<String> otherServices) {
        return new ArchitectureRules(root, otherServices);
    }

    /** The service's main classes, tests excluded. */
    public JavaClasses mainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(root);
    }

    public ArchRule domainDoesNotDependOnApi() {
        return noClasses()
                .that()
                .resideInAPackage(root + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".api..")
                .because("the domain returns domain results; api/*Mapper classes build the views");
    }

    public ArchRule resourcesDoNotTouchPersistence() {
        return noClasses()
                .that(areResources())
                .should()
                .dependOnClassesThat(areRepositoriesOrEntityManagers())
                .because("a resource maps the request, calls one domain use case and chooses the status");
    }

    public ArchRule usesNoOtherService() {
        String[] others = otherServices.stream().map(other -> other + "..").toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services share only org.consentgov.platform");
    }

    /**
     * No cycle between the service's top-level packages. Entities may store the domain's enums (a state,
     * a decision): that dependency of {@code persistence} on {@code domain} is allowed; any other closes a cycle.
     */
    public ArchRule packagesAreFreeOfCycles() {
        return slices().matching(root + ".(*)..")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(
                        JavaClass.Predicates.resideInAPackage(root + ".persistence.."),
                        DescribedPredicate.describe(
                                "domain enums",
                                c -> c.isEnum() && c.getPackageName().startsWith(root + ".domain")));
    }

    public List<ArchRule> all() {
        return List.of(
                domainDoesNotDependOnApi(),
                resourcesDoNotTouchPersistence(),
                usesNoOtherService(),
                packagesAreFreeOfCycles());
    }

    /** Checks every rule against the service's main classes; the first broken rule fails with all its violations. */
    public void check() {
        check(mainClasses());
    }

    public void check(JavaClasses classes) {
        all().forEach(rule -> rule.check(classes));
    }

    private static DescribedPredicate<JavaClass> areResources() {
        return DescribedPredicate.describe(
                "are JAX-RS resources",
                c -> c.isAnnotatedWith("jakarta.ws.rs.Path")
                        || c.getSimpleName().endsWith("Resource"));
    }

    private static DescribedPredicate<JavaClass> areRepositoriesOrEntityManagers() {
        return DescribedPredicate.describe(
                "are repositories or the EntityManager",
                c -> c.getName().equals("jakarta.persistence.EntityManager")
                        || c.getSimpleName().endsWith("Repository")
                        || Stream.of("io.quarkus.hibernate.orm.panache.PanacheRepositoryBase")
                                .anyMatch(c::isAssignableTo));
    }
}
