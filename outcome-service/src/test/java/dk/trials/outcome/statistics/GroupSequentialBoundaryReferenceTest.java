package dk.trials.outcome.statistics;

import dk.trials.sequential.Normal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boundaries by recursive numerical integration agree with rpact (1e-4, as the issue asks; rpact's own coarse grid is
 * within 2e-6 of converged values) and with the independent fine-quadrature values of boundaries.R: within 1e-6 on
 * the service's grid (r = 32) and 1e-8 on a fine one (r = 128), for the classic two-sided Lan–DeMets
 * O'Brien–Fleming function the service uses and for every other spending sequence in the reference file.
 */
class GroupSequentialBoundaryReferenceTest {

    private static final JsonNode REFERENCE = ReferenceData.json("boundaries-reference.json");
    private static final Agreement VERSUS_RPACT = new Agreement(1e-4);
    private static final Agreement VERSUS_INDEPENDENT = new Agreement(1e-6);
    private static final Agreement FINE_GRID_VERSUS_INDEPENDENT = new Agreement(1e-8);

    @TestFactory
    Stream<DynamicTest> classicLanDeMetsBoundariesAgreeWithR() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode design : REFERENCE.path("designs")) {
            if (!design.path("kind").asText().equals("classic-LanDeMets-asUser")) {
                continue;
            }
            double[] rates = doubles(design.path("informationRates"));
            tests.add(DynamicTest.dynamicTest("classic OBF at " + design.path("informationRates"), () -> {
                AlphaSpending spending = AlphaSpending.lanDeMetsOBrienFleming(design.path("alpha").asDouble());
                for (int k = 0; k < rates.length; k++) {
                    new Agreement(1e-13).matches("spending", design.path("spendingLanDeMetsClassic").get(k).asDouble(),
                            spending.spent(rates[k]));
                }
                GroupSequentialBoundary boundary = GroupSequentialBoundary.twoSided(spending);
                agrees("classic " + design.path("informationRates"), design, boundary.criticalValues(rates),
                        boundary.withGrid(128).criticalValues(rates));
            }));
        }
        assertEquals(5, tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceSpendingSequenceGivesRsBoundaries() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode design : REFERENCE.path("designs")) {
            double[] rates = doubles(design.path("informationRates"));
            double[] target = doubles(design.path("spendingTarget"));
            boolean twoSided = design.path("sided").asInt() == 2;
            String name = design.path("kind").asText() + " sided=" + design.path("sided").asInt() + " " + design.path("informationRates");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                AlphaSpending spending = t -> {
                    for (int k = 0; k < rates.length; k++) {
                        if (Math.abs(rates[k] - t) < 1e-12) {
                            return target[k];
                        }
                    }
                    throw new IllegalArgumentException("no spending given at " + t);
                };
                GroupSequentialBoundary boundary = twoSided ? GroupSequentialBoundary.twoSided(spending)
                        : GroupSequentialBoundary.oneSided(spending);
                agrees(name, design, boundary.criticalValues(rates), boundary.withGrid(128).criticalValues(rates));
            }));
        }
        return tests.stream();
    }

    @Test
    void aSingleLookAtFullInformationIsTheFixedDesignTest() {
        double[] c = GroupSequentialBoundary.twoSided(AlphaSpending.lanDeMetsOBrienFleming(0.05)).criticalValues(new double[]{1.0});
        assertEquals(Normal.Z_975, c[0], 1e-12);
    }

    @Test
    void lateLooksGetLowerBoundariesThanEarlyOnes() {
        double[] c = GroupSequentialBoundary.twoSided(AlphaSpending.lanDeMetsOBrienFleming(0.05))
                .criticalValues(new double[]{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0});
        for (int k = 1; k < c.length; k++) {
            assertTrue(c[k] < c[k - 1], "boundary " + k + " below boundary " + (k - 1));
        }
        assertTrue(c[9] > Normal.Z_975, "the final boundary pays a little for the interim looks");
    }

    private static void agrees(String name, JsonNode design, double[] critical, double[] fine) {
        for (int k = 0; k < critical.length; k++) {
            FINE_GRID_VERSUS_INDEPENDENT.matches("[" + name + " look " + (k + 1) + "] fine grid vs independent",
                    design.path("criticalValuesIndependent").get(k).asDouble(), fine[k]);
            VERSUS_RPACT.matches("[" + name + " look " + (k + 1) + "] vs rpact", design.path("criticalValues").get(k).asDouble(), critical[k]);
            VERSUS_INDEPENDENT.matches("[" + name + " look " + (k + 1) + "] vs independent",
                    design.path("criticalValuesIndependent").get(k).asDouble(), critical[k]);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    @AfterAll
    static void reportWorstRelativeErrors() {
        System.out.println("Worst relative error of critical values: " + VERSUS_RPACT.worst() + " "
                + VERSUS_INDEPENDENT.worst() + " " + FINE_GRID_VERSUS_INDEPENDENT.worst());
    }
}
