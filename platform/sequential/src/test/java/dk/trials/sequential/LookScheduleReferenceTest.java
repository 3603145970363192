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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Looks whose information differs from the plan, exceeds the planned maximum (over-running) or falls just short of
 * it at the end (under-running) get the boundaries rpact's {@code getAnalysisResults(maxInformation,
 * informationEpsilon)} tests with, to 1e-6: the planned spending function at the observed rates for interim looks;
 * for a final look beyond (or within epsilon below) the maximum, rates re-scaled to that look, the alpha earlier
 * looks actually spent, and all the rest at this one.
 */
class LookScheduleReferenceTest {

    private static final JsonNode REFERENCE = Json.reference("spending-reference.json");
    private static final double TOLERANCE = 1e-6;

    @TestFactory
    Stream<DynamicTest> boundaries_at_observed_information_equal_those_rpacts_analysis_uses() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode analysis : REFERENCE.path("analyses")) {
            double[] events = Json.doubles(analysis.path("events"));
            String name = analysis.path("family").asText() + " events " + analysis.path("events") + " of "
                    + analysis.path("maxInformation") + " (" + analysis.path("status").asText() + ")";
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Spending spending = new Spending(SpendingFamily.byName(analysis.path("family").asText()),
                        analysis.path("gamma").isNull() ? Double.NaN : analysis.path("gamma").asDouble());
                SequentialBoundaries boundaries = new GroupSequentialDesign(spending, 0.05).boundariesAtInformation(
                        events, analysis.path("maxInformation").asDouble(), analysis.path("informationEpsilon").asDouble());
                assertEquals(LookStatus.valueOf(analysis.path("status").asText()), boundaries.schedule().status());
                double[] rpact = Json.doubles(analysis.path("criticalValuesUsed"));
                double[] rpactRates = Json.doubles(analysis.path("informationRatesUsed"));
                // rpact adds the planned maximum (rate 1) after an interim look; the looks taken are compared.
                for (int k = 0; k < events.length; k++) {
                    assertEquals(rpact[k], boundaries.criticalValue(k), TOLERANCE, "critical value at look " + (k + 1));
                    assertEquals(rpactRates[k], boundaries.schedule().informationRates()[k], 1e-8, "rate at look " + (k + 1));
                }
                if (!analysis.path("userAlphaSpendingUsed").isNull()) {
                    // rpact takes the earlier looks' alpha from a recomputed design, whose last element it floors
                    // to 8 decimals (0.04999999): within 2e-8 of the spending function's exact values used here.
                    assertArrayEquals(Json.doubles(analysis.path("userAlphaSpendingUsed")),
                            boundaries.schedule().cumulativeAlpha(), 2e-8);
                }
            }));
        }
        assertEquals(10, tests.size());
        return tests.stream();
    }

    @Test
    void an_over_running_interim_look_becomes_the_final_look_and_spends_all_alpha() {
        LookSchedule schedule = LookSchedule.observed(Spending.obrienFleming(), 0.05, new double[]{52, 103}, 100, 0);
        assertEquals(LookStatus.OVER_RUNNING, schedule.status());
        assertTrue(schedule.status().isFinal());
        assertEquals(0.05, schedule.cumulativeAlpha()[1], 0);
        assertEquals(Spending.obrienFleming().alpha(0.05, 0.52), schedule.cumulativeAlpha()[0], 0);
    }

    @Test
    void capping_information_at_one_would_spend_more_at_the_over_running_look_than_rpact_allows() {
        // With t capped at 1 the look at 110 of 100 events would be treated as the planned final look at rate 1,
        // and the earlier looks' rates (relative to 100) would no longer match the correlation of the data.
        double[] rpact = GroupSequentialDesign.obrienFleming(0.05).boundariesAtInformation(new double[]{48, 76, 110}, 100, 0)
                .criticalValues();
        double[] capped = GroupSequentialDesign.obrienFleming(0.05).boundaries(0.48, 0.76, 1).criticalValues();
        assertEquals(rpact[0], capped[0], 1e-9);
        assertTrue(rpact[2] > capped[2] + 0.01, "over-running: " + rpact[2] + " against capped " + capped[2]);
    }

    @Test
    void a_first_look_beyond_the_maximum_is_the_fixed_sample_test() {
        double c = GroupSequentialDesign.obrienFleming(0.05).boundariesAtInformation(new double[]{120}, 100, 0).current();
        assertEquals(Normal.Z_975, c, 1e-12);
    }

    @Test
    void no_look_may_follow_the_final_one() {
        assertThrows(IllegalArgumentException.class,
                () -> LookSchedule.observed(Spending.obrienFleming(), 0.05, new double[]{60, 105, 120}, 100, 0));
        assertThrows(IllegalArgumentException.class,
                () -> LookSchedule.observed(Spending.obrienFleming(), 0.05, new double[]{60, 60}, 100, 0));
    }
}
