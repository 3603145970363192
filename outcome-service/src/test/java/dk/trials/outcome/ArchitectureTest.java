package dk.trials.outcome;

import com.tngtech.archunit.lang.ArchRule;
import dk.trials.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point inward: the shared layer rules, and the estimators know nothing of the service around them. */
class ArchitectureTest {

    private static final String BASE = "dk.trials.outcome";

    @Test
    void theLayersKeepTheSharedRules() {
        ArchitectureRules.checkLayers(BASE);
    }

    @Test
    void theStatisticsDependOnNeitherTheServiceNorTheRestLayerNorTheEntities() {
        ArchRule rule = noClasses().that().resideInAPackage(BASE + ".statistics..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".service..", BASE + ".rest..",
                        BASE + ".messaging..", BASE)
                .because("the estimators are pure functions of follow-up tables, checked against R on their own");
        rule.check(ArchitectureRules.productionClassesOf(BASE));
    }
}
