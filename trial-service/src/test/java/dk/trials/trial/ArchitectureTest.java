package dk.trials.trial;

import com.tngtech.archunit.core.domain.JavaClasses;
import dk.trials.testing.ArchitectureRules;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of every service, and the boundaries this one adds. */
class ArchitectureTest {

    private static final String BASE = "dk.trials.trial";
    private final JavaClasses classes = ArchitectureRules.productionClassesOf(BASE);

    @Test
    void dependenciesPointInward() {
        ArchitectureRules.checkLayers(BASE);
    }

    /**
     * One type per contract: the event records that carry a design are built from this service's own design in
     * messaging only, never taken as a request, stored or returned. (RandomisationDesign is also asked, by the
     * design itself, for the one rule of effective block sizes.)
     */
    @Test
    void onlyMessagingBuildsTheEventsDesignRecords() {
        noClasses().that().resideOutsideOfPackage(BASE + ".messaging..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dk.trials.events.trial.TrialDesign")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dk.trials.events.trial.TrialSnapshot")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dk.trials.events.trial.ArmDesign")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dk.trials.events.trial.EligibilityCriteria")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dk.trials.events.trial.EnrolmentPeriod")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dk.trials.events.trial.PowerAssumptions")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dk.trials.events.trial.PrimaryOutcome")
                .because("the REST models, the stored design and the event each have their own type, mapped at the edges")
                .check(classes);
    }

    @Test
    void resourcesReachEntitiesOnlyThroughTheServices() {
        noClasses().that().resideInAPackage(BASE + ".rest..")
                .should().callMethodWhere(target(owner(assignableTo(PanacheEntityBase.class))))
                .because("queries and changes are the services' job; a resource maps what they return")
                .check(classes);
    }
}
