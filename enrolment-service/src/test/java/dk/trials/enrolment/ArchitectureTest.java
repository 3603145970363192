package dk.trials.enrolment;

import dk.trials.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layers of enrolment-service point inward, and trial events are read and built only at the messaging edge. */
class ArchitectureTest {

    private static final String BASE = "dk.trials.enrolment";

    @Test
    void dependenciesPointInward() {
        ArchitectureRules.checkLayers(BASE);
    }

    @Test
    void onlyMessagingKnowsTheTrialEventPayload() {
        noClasses().that().resideOutsideOfPackage(BASE + ".messaging..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dk.trials.events.trial.TrialSnapshot")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dk.trials.events.trial.TrialDesign")
                .because("the stored TrialDocument is this service's own type; the event is mapped to it on arrival")
                .check(ArchitectureRules.productionClassesOf(BASE));
    }

    @Test
    void enrolmentEventsAreBuiltOnlyInMessaging() {
        noClasses().that().resideOutsideOfPackage(BASE + ".messaging..")
                .should().dependOnClassesThat().resideInAPackage("dk.trials.events.enrolment..")
                .because("events are their own types, built at the messaging edge from domain records")
                .check(ArchitectureRules.productionClassesOf(BASE));
    }
}
