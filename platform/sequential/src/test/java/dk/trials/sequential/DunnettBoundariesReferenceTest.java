package dk.trials.sequential;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dunnett-type boundaries (conditioning on the control's path, lattice rule with a fixed seed) equal the
 * independent {@code mvtnorm::pmvnorm} computation of {@code src/test/r/dunnett.R} to 1e-4, for 2 to 4
 * comparisons, equal and unequal allocation, up to 5 looks, equal and uneven; they are deterministic and quick.
 */
class DunnettBoundariesReferenceTest {

    private static final JsonNode REFERENCE = Json.reference("dunnett-reference.json");
    private static final double TOLERANCE = 1e-4;

    @TestFactory
    Stream<DynamicTest> critical_values_equal_an_independent_pmvnorm_computation_to_1e4() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : REFERENCE.path("cases")) {
            tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> {
                double[] rates = Json.doubles(c.path("informationRates"));
                double[] cumulative = Json.doubles(c.path("cumulativeAlpha"));
                LookSchedule schedule = new LookSchedule(LookStatus.FINAL, rates, cumulative);
                long started = System.nanoTime();
                SequentialBoundaries boundaries = DunnettBoundaries
                        .forArms(c.path("controlWeight").asDouble(), Json.doubles(c.path("armWeights")))
                        .boundaries(schedule);
                double millis = (System.nanoTime() - started) / 1e6;
                double[] expected = Json.doubles(c.path("criticalValues"));
                double worst = 0;
                for (int k = 0; k < expected.length; k++) {
                    worst = Math.max(worst, Math.abs(expected[k] - boundaries.criticalValue(k)));
                }
                System.out.printf("Dunnett %s: largest difference from R %.1e, %.0f ms%n", c.path("name").asText(), worst, millis);
                assertEquals(SequentialBoundaries.Method.DUNNETT, boundaries.method());
                assertArrayEquals(expected, boundaries.criticalValues(), TOLERANCE);
            }));
        }
        assertEquals(7, tests.size());
        return tests.stream();
    }

    @Test
    void a_single_look_gives_the_classic_Dunnett_critical_value_of_qmvnorm() {
        double c = DunnettBoundaries.forArms(1, 1, 1, 1).boundaries(new LookSchedule(LookStatus.FINAL,
                new double[]{1}, new double[]{0.05})).current();
        assertEquals(REFERENCE.path("qmvnormSingleLook4Arms").asDouble(), c, TOLERANCE);
    }

    @Test
    void the_same_inputs_give_the_same_boundaries_to_the_last_digit() {
        LookSchedule schedule = LookSchedule.planned(Spending.obrienFleming(), 0.05, 0.5, 0.75, 1);
        double[] first = DunnettBoundaries.forArms(2, 1, 1).boundaries(schedule).criticalValues();
        double[] second = DunnettBoundaries.forArms(2, 1, 1).boundaries(schedule).criticalValues();
        assertArrayEquals(first, second, 0.0);
    }

    @Test
    void four_comparisons_at_five_looks_take_well_under_a_second_once_warm() {
        LookSchedule schedule = LookSchedule.planned(Spending.obrienFleming(), 0.05, 0.2, 0.4, 0.6, 0.8, 1);
        DunnettBoundaries.forArms(1, 1, 1, 1, 1).boundaries(schedule);
        long started = System.nanoTime();
        DunnettBoundaries.forArms(1, 1, 1, 1, 1).boundaries(schedule);
        double equal = (System.nanoTime() - started) / 1e6;
        started = System.nanoTime();
        DunnettBoundaries.forArms(1, 1, 2, 3, 4).boundaries(schedule);
        double unequal = (System.nanoTime() - started) / 1e6;
        System.out.printf("Dunnett 4 comparisons x 5 looks: %.0f ms with equal weights, %.0f ms with four different weights%n",
                equal, unequal);
        // Generous against shared, loaded build machines; the figures printed are what to read.
        assertTrue(equal < 3000, "equal weights took " + equal + " ms");
    }

    @Test
    void dunnett_boundaries_lie_between_the_single_comparison_and_the_bonferroni_ones() {
        LookSchedule schedule = LookSchedule.planned(Spending.obrienFleming(), 0.05, 0.5, 0.75, 1);
        double[] single = GroupSequentialDesign.boundaries(schedule).criticalValues();
        double[] dunnett = DunnettBoundaries.forArms(1, 1, 1, 1).boundaries(schedule).criticalValues();
        double[] bonferroni = DunnettBoundaries.bonferroni(schedule, 3).criticalValues();
        for (int k = 0; k < 3; k++) {
            assertTrue(single[k] < dunnett[k] && dunnett[k] < bonferroni[k],
                    "look " + (k + 1) + ": " + single[k] + " < " + dunnett[k] + " < " + bonferroni[k]);
        }
    }

    @Test
    void more_than_four_comparisons_fall_back_to_bonferroni() {
        LookSchedule schedule = LookSchedule.planned(Spending.obrienFleming(), 0.05, 0.5, 0.75, 1);
        SequentialBoundaries boundaries = DunnettBoundaries.forArms(1, 1, 1, 1, 1, 1).boundaries(schedule);
        assertEquals(SequentialBoundaries.Method.BONFERRONI, boundaries.method());
        assertArrayEquals(GroupSequentialDesign.boundaries(new LookSchedule(LookStatus.FINAL, new double[]{0.5, 0.75, 1},
                new double[]{schedule.cumulativeAlpha()[0] / 5, schedule.cumulativeAlpha()[1] / 5, 0.01})).criticalValues(),
                boundaries.criticalValues(), 1e-12);
    }

    @Test
    void one_comparison_is_the_ordinary_group_sequential_test() {
        LookSchedule schedule = LookSchedule.planned(Spending.obrienFleming(), 0.05, 0.5, 0.75, 1);
        assertArrayEquals(GroupSequentialDesign.boundaries(schedule).criticalValues(),
                DunnettBoundaries.forArms(1, 1).boundaries(schedule).criticalValues(), 0.0);
    }

    @Test
    void the_correlation_of_two_comparisons_comes_from_the_allocation_weights() {
        DunnettBoundaries d = DunnettBoundaries.forArms(2, 1, 1);
        assertEquals(1.0 / 3, d.correlation(0, 1), 1e-15);
        assertEquals(0.5, DunnettBoundaries.forArms(1, 1, 1).correlation(0, 1), 1e-15);
    }
}
