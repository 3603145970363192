package dk.trials.trial.service.power;

import dk.trials.events.trial.FutilityPlan.FutilityMethod;
import dk.trials.trial.Design.Arm;
import dk.trials.trial.Design.Futility;
import dk.trials.trial.Design.MonitoringPlan;
import dk.trials.trial.Design.PowerAssumptions;
import dk.trials.trial.Design.Spending;
import dk.trials.trial.SampleSize;
import dk.trials.trial.SampleSize.ComparisonSampleSize;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules around the formulas: rounding with weights, several arms, the derived hazard ratio, and the plan. */
class SampleSizeCalculatorTest {

    private final SampleSizeCalculator calculator = new SampleSizeCalculator();
    private final PowerAssumptions assumptions = new PowerAssumptions(0.30, 0.05, 0.05, 0.8, null);
    private final MonitoringPlan defaults = MonitoringPlan.defaults();

    @Test
    void theDerivedHazardRatioTurnsOneIncidenceIntoTheOtherUnderProportionalHazards() {
        SampleSize plan = calculator.plan(assumptions, arms(1, 1), defaults);
        assertTrue(plan.hazardRatioDerived());
        // S_treatment(horizon) = S_control(horizon)^HR
        assertEquals(1 - 0.35, Math.pow(1 - 0.30, plan.hazardRatio()), 1e-12);
    }

    @Test
    void aLowerIncidenceGivesAHazardRatioBelowOneAndTheSameKindOfNeed() {
        SampleSize plan = calculator.plan(new PowerAssumptions(0.35, -0.05, 0.05, 0.8, null), arms(1, 1), defaults);
        assertTrue(plan.hazardRatio() < 1);
        assertEquals(0.30, plan.treatmentIncidence(), 1e-12);
        // Swapping which arm has which incidence does not change a 1:1 two-sided test.
        assertEquals(calculator.plan(assumptions, arms(1, 1), defaults).participants(), plan.participants());
    }

    @Test
    void everyArmGetsItsShareOfTheBindingComparisonRoundedUp() {
        SampleSize plan = calculator.plan(assumptions, List.of(
                new Arm("a", "A", 3, false), new Arm("b", "B", 1, false), new Arm("control", "C", 2, true)), defaults);
        double perUnit = plan.comparisons().stream()
                .mapToDouble(c -> c.versusParticipants() / 2).max().orElseThrow();
        assertEquals((int) Math.ceil(3 * perUnit), plan.arms().get(0).participants());
        assertEquals((int) Math.ceil(perUnit), plan.arms().get(1).participants());
        assertEquals((int) Math.ceil(2 * perUnit), plan.arms().get(2).participants());
        for (ComparisonSampleSize comparison : plan.comparisons()) {
            int arm = plan.arms().stream().filter(a -> a.arm().equals(comparison.arm())).findFirst().orElseThrow().participants();
            assertTrue(arm >= comparison.armParticipants() && plan.arms().get(2).participants() >= comparison.versusParticipants(),
                    "every comparison has at least the power asked for");
        }
        assertEquals(plan.comparisons().stream().mapToInt(ComparisonSampleSize::events).max().orElseThrow(), plan.events());
    }

    @Test
    void eachOfJComparisonsIsSizedAtAlphaOverJWithOneInflationFactor() {
        SampleSize plan = calculator.plan(assumptions, List.of(new Arm("a", "A", 1, false), new Arm("b", "B", 1, false),
                new Arm("c", "C", 1, false), new Arm("control", "Control", 1, true)), defaults);
        for (ComparisonSampleSize comparison : plan.comparisons()) {
            assertEquals(0.05 / 3, comparison.alpha(), 1e-15);
            assertEquals(plan.comparisons().get(0).inflationFactor(), comparison.inflationFactor());
        }
        assertEquals(0.05, plan.alpha(), "the trial's alpha stays the family-wise level");
    }

    @Test
    void moreLooksOrMoreEarlySpendingNeedMoreInformationAndConditionalPowerFutilityNone() {
        double threeLooks = eventsExact(defaults);
        double fourLooks = eventsExact(defaults.withInformationFractions(List.of(0.25, 0.5, 0.75, 1.0)));
        double pocock = eventsExact(new MonitoringPlan(defaults.informationFractions(), new Spending("asP", null), null, 14,
                defaults.lookTime()));
        double conditionalPower = eventsExact(new MonitoringPlan(defaults.informationFractions(), defaults.spending(),
                new Futility(FutilityMethod.CONDITIONAL_POWER, null, null, 0.1), 14, defaults.lookTime()));
        // An O'Brien–Fleming-type look at a quarter spends almost nothing: 898.260 events become 898.264.
        assertTrue(fourLooks > threeLooks && fourLooks < threeLooks + 0.01, fourLooks + " events at four looks, " + threeLooks);
        assertTrue(pocock > threeLooks * 1.1, pocock + " events with asP, " + threeLooks + " with asOF");
        assertEquals(threeLooks, conditionalPower, "advisory conditional-power futility spends no information");
    }

    private double eventsExact(MonitoringPlan plan) {
        return calculator.plan(assumptions, arms(1, 1), plan).comparisons().get(0).eventsExact();
    }

    @Test
    void moreParticipantsAreNeededForMorePowerOrASmallerDifference() {
        int base = calculator.plan(assumptions, arms(1, 1), defaults).participants();
        assertTrue(calculator.plan(new PowerAssumptions(0.30, 0.05, 0.05, 0.9, null), arms(1, 1), defaults).participants() > base);
        assertTrue(calculator.plan(new PowerAssumptions(0.30, 0.04, 0.05, 0.8, null), arms(1, 1), defaults).participants() > base);
        assertTrue(calculator.plan(new PowerAssumptions(0.30, 0.05, 0.01, 0.8, null), arms(1, 1), defaults).participants() > base);
    }

    private static List<Arm> arms(int treatment, int control) {
        return List.of(new Arm("treatment", "T", treatment, false), new Arm("control", "C", control, true));
    }
}
