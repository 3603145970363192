package dk.trials.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules every service keeps, so that each test says only which service it checks: domain logic
 * ({@code service}) and messaging never reach into the REST layer, entities at the package root know neither, and
 * time comes from the injected clock only.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The production classes of a service, e.g. {@code dk.trials.trial}. */
    public static JavaClasses productionClassesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static ArchRule serviceNeverDependsOnRest(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".service..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".rest..")
                .because("domain logic takes commands and returns domain records; mapping happens at the REST edge");
    }

    public static ArchRule messagingNeverDependsOnRest(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".messaging..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".rest..")
                .because("events are their own types, never REST models");
    }

    public static ArchRule entitiesDependOnNeitherRestNorService(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage)
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + ".rest..", basePackage + ".service..")
                .because("entities are the innermost ring");
    }

    /** No system clock read anywhere but through the one injected {@code Clock}, so tests and demos can pin the date. */
    public static ArchRule timeIsReadFromTheInjectedClockOnly() {
        return noClasses()
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .because("one Clock bean, so that tests and demos can pin the date");
    }

    /** All of the above, checked at once. */
    public static void checkLayers(String basePackage) {
        JavaClasses classes = productionClassesOf(basePackage);
        serviceNeverDependsOnRest(basePackage).check(classes);
        messagingNeverDependsOnRest(basePackage).check(classes);
        entitiesDependOnNeitherRestNorService(basePackage).check(classes);
        timeIsReadFromTheInjectedClockOnly().check(classes);
    }
}
