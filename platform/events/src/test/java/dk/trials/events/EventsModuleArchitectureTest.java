package dk.trials.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class EventsModuleArchitectureTest {

    private final JavaClasses events = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dk.trials.events");

    @Test
    void events_are_plain_records_free_of_quarkus_cdi_and_bean_validation() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "jakarta..", "javax.validation..", "org.eclipse.microprofile..",
                        "org.hibernate..")
                .because("what is on a topic may change only when an event record changes")
                .check(events);
    }

    @Test
    void events_know_nothing_of_the_services_or_the_runtime() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dk.trials.platform..", "dk.trials.trial..", "dk.trials.enrolment..", "dk.trials.outcome..")
                .check(events);
    }
}
