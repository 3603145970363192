package dk.trials.trial.service.power;

import dk.trials.trial.Design.Arm;
import dk.trials.trial.Design.PowerAssumptions;
import dk.trials.trial.SampleSize;
import dk.trials.trial.SampleSize.ComparisonSampleSize;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules around the formulas: rounding with weights, several arms, and the derived hazard ratio. */
class SampleSizeCalculatorTest {

    private final SampleSizeCalculator calculator = new SampleSizeCalculator();
    private final PowerAssumptions assumptions = new PowerAssumptions(0.30, 0.05, 0.05, 0.8, null);

    @Test
    void theDerivedHazardRatioTurnsOneIncidenceIntoTheOtherUnderProportionalHazards() {
        SampleSize plan = calculator.plan(assumptions, arms(1, 1));
        assertTrue(plan.hazardRatioDerived());
        // S_treatment(horizon) = S_control(horizon)^HR
        assertEquals(1 - 0.35, Math.pow(1 - 0.30, plan.hazardRatio()), 1e-12);
    }

    @Test
    void aLowerIncidenceGivesAHazardRatioBelowOneAndTheSameKindOfNeed() {
        SampleSize plan = calculator.plan(new PowerAssumptions(0.35, -0.05, 0.05, 0.8, null), arms(1, 1));
        assertTrue(plan.hazardRatio() < 1);
        assertEquals(0.30, plan.treatmentIncidence(), 1e-12);
        // Swapping which arm has which incidence does not change a 1:1 two-sided test.
        assertEquals(calculator.plan(assumptions, arms(1, 1)).participants(), plan.participants());
    }

    @Test
    void everyArmGetsItsShareOfTheBindingComparisonRoundedUp() {
        SampleSize plan = calculator.plan(assumptions, List.of(
                new Arm("a", "A", 3, false), new Arm("b", "B", 1, false), new Arm("control", "C", 2, true)));
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
    void moreParticipantsAreNeededForMorePowerOrASmallerDifference() {
        int base = calculator.plan(assumptions, arms(1, 1)).participants();
        assertTrue(calculator.plan(new PowerAssumptions(0.30, 0.05, 0.05, 0.9, null), arms(1, 1)).participants() > base);
        assertTrue(calculator.plan(new PowerAssumptions(0.30, 0.04, 0.05, 0.8, null), arms(1, 1)).participants() > base);
        assertTrue(calculator.plan(new PowerAssumptions(0.30, 0.05, 0.01, 0.8, null), arms(1, 1)).participants() > base);
    }

    private static List<Arm> arms(int treatment, int control) {
        return List.of(new Arm("treatment", "T", treatment, false), new Arm("control", "C", control, true));
    }
}
