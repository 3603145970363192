package dk.trials.sequential;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Non-binding futility bounds by beta spending equal rpact's two-sided {@code typeBetaSpending} designs to 1e-6
 * (bounds, cumulative beta spent and power), for every family, and leave the efficacy boundaries untouched.
 */
class BetaSpendingFutilityReferenceTest {

    private static final JsonNode REFERENCE = Json.reference("spending-reference.json");
    private static final double TOLERANCE = 1e-6;

    @TestFactory
    Stream<DynamicTest> futility_bounds_beta_spent_and_power_equal_rpacts() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode f : REFERENCE.path("futilities")) {
            String name = f.path("family").asText() + "/" + f.path("betaFamily").asText() + " β=" + f.path("beta")
                    + " at " + f.path("informationRates");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                double[] rates = Json.doubles(f.path("informationRates"));
                Spending alpha = new Spending(SpendingFamily.byName(f.path("family").asText()), gamma(f.path("gammaA")));
                Spending beta = new Spending(SpendingFamily.byName(f.path("betaFamily").asText().replace("bs", "as")),
                        gamma(f.path("gammaB")));
                double[] critical = new GroupSequentialDesign(alpha, 0.05).boundaries(rates).criticalValues();
                double[] rpactCritical = Json.doubles(f.path("criticalValues"));
                for (int k = 0; k < rates.length; k++) {
                    assertEquals(rpactCritical[k], critical[k], TOLERANCE, "critical value " + (k + 1));
                }
                FutilityBounds bounds = BetaSpendingFutility.of(rates, critical, beta, f.path("beta").asDouble());
                double[] expected = Json.doubles(f.path("futilityBounds"));
                for (int k = 0; k < expected.length; k++) {
                    if (Double.isNaN(expected[k])) {
                        assertTrue(Double.isNaN(bounds.bound(k)), "no bound at look " + (k + 1) + ": " + bounds.bound(k));
                    } else {
                        assertEquals(expected[k], bounds.bound(k), TOLERANCE, "bound at look " + (k + 1));
                    }
                }
                double[] betaSpent = Json.doubles(f.path("betaSpent"));
                double[] power = Json.doubles(f.path("power"));
                for (int k = 0; k < rates.length; k++) {
                    assertEquals(betaSpent[k], bounds.betaSpent()[k], TOLERANCE, "beta spent by look " + (k + 1));
                    assertEquals(power[k], bounds.power()[k], TOLERANCE, "power by look " + (k + 1));
                }
            }));
        }
        assertEquals(6, tests.size());
        return tests.stream();
    }

    @Test
    void futility_is_inside_the_bound_only() {
        double[] rates = {1 / 3.0, 2 / 3.0, 1};
        double[] critical = GroupSequentialDesign.obrienFleming(0.05).boundaries(rates).criticalValues();
        FutilityBounds f = BetaSpendingFutility.of(rates, critical, Spending.obrienFleming(), 0.2);
        assertFalse(f.futile(0, 0.0), "rpact sets no bound at the first look of this design");
        assertTrue(f.futile(1, 0.5));
        assertFalse(f.futile(1, -1.5));
        assertFalse(f.futile(2, 0.0), "the final look has no futility bound");
    }

    private static double gamma(JsonNode node) {
        return node.isNull() ? Double.NaN : node.asDouble();
    }
}
