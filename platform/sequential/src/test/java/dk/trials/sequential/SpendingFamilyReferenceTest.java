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

/**
 * Every spending family spends what rpact 3.3.4 spends for sided = 2, and the critical values equal rpact's
 * {@code getDesignGroupSequential(sided = 2, alpha = 0.05, typeOfDesign, gammaA, informationRates)} to 1e-6 for
 * 1 to 5 looks, equal and uneven (values from {@code src/test/r/spending.R}).
 */
class SpendingFamilyReferenceTest {

    private static final JsonNode REFERENCE = Json.reference("spending-reference.json");
    private static final double CRITICAL_VALUE_TOLERANCE = 1e-6;
    private static final double SPENDING_TOLERANCE = 1e-15;
    private static final double RPACT_AT_QUARTER = 1.47336168717391e-05;
    private static final double CLASSIC_AT_QUARTER = 8.85754383214042e-05;

    @TestFactory
    Stream<DynamicTest> criticalValues_equal_rpacts_to_1e6_for_every_family_and_look_schedule() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode design : REFERENCE.path("designs")) {
            Spending spending = spending(design);
            double[] rates = Json.doubles(design.path("informationRates"));
            tests.add(DynamicTest.dynamicTest(design.path("family").asText() + " γ=" + design.path("gamma") + " at "
                    + design.path("informationRates"), () -> {
                double[] expected = Json.doubles(design.path("criticalValues"));
                double[] actual = new GroupSequentialDesign(spending, 0.05).boundaries(rates).criticalValues();
                assertArrayEquals(expected, actual, CRITICAL_VALUE_TOLERANCE);
            }));
        }
        assertEquals(89, tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> spending_equals_rpacts_getSpendingValueCpp() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode design : REFERENCE.path("designs")) {
            if (design.path("family").asText().equals("LanDeMetsClassic")) {
                continue;
            }
            Spending spending = spending(design);
            double[] rates = Json.doubles(design.path("informationRates"));
            tests.add(DynamicTest.dynamicTest(design.path("family").asText() + " γ=" + design.path("gamma") + " at "
                    + design.path("informationRates"), () -> {
                double[] expected = Json.doubles(design.path("spending"));
                for (int k = 0; k < rates.length; k++) {
                    assertEquals(expected[k], spending.alpha(0.05, rates[k]), SPENDING_TOLERANCE, "look " + (k + 1));
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void five_equal_looks_of_asOF_give_the_textbook_boundaries() {
        double[] c = GroupSequentialDesign.obrienFleming(0.05).boundaries(0.2, 0.4, 0.6, 0.8, 1.0).criticalValues();
        assertArrayEquals(new double[]{4.877, 3.357, 2.680, 2.290, 2.031}, c, 5e-4);
    }

    @Test
    void rpacts_asOF_is_not_the_classic_Lan_DeMets_function_except_at_full_information() {
        Spending rpact = Spending.obrienFleming();
        Spending classic = Spending.of(SpendingFamily.LAN_DEMETS_CLASSIC);
        // R: 4 * pnorm(qnorm(0.0125, lower.tail = FALSE) / 0.5, lower.tail = FALSE), and 2 * ... qnorm(0.025 ...)
        assertEquals(RPACT_AT_QUARTER, rpact.alpha(0.05, 0.25), 1e-18);
        assertEquals(CLASSIC_AT_QUARTER, classic.alpha(0.05, 0.25), 1e-18);
        assertEquals(0.05, rpact.alpha(0.05, 1), 1e-16);
        assertEquals(0.05, classic.alpha(0.05, 1), 1e-16);
    }

    @Test
    void families_are_found_by_their_rpact_names() {
        assertEquals(SpendingFamily.OBRIEN_FLEMING, SpendingFamily.byName("asOF"));
        assertEquals(SpendingFamily.POCOCK, SpendingFamily.byName("asP"));
        assertEquals(SpendingFamily.KIM_DEMETS, SpendingFamily.byName("asKD"));
        assertEquals(SpendingFamily.HWANG_SHIH_DECANI, SpendingFamily.byName("asHSD"));
        assertEquals(SpendingFamily.LAN_DEMETS_CLASSIC, SpendingFamily.byName("LanDeMetsClassic"));
        assertThrows(IllegalArgumentException.class, () -> SpendingFamily.byName("asUser"));
    }

    @Test
    void gamma_outside_rpacts_ranges_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Spending(SpendingFamily.KIM_DEMETS, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new Spending(SpendingFamily.KIM_DEMETS, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Spending(SpendingFamily.HWANG_SHIH_DECANI, 6));
        assertEquals(Double.NaN, new Spending(SpendingFamily.POCOCK, 3).gamma());
    }

    @Test
    void spending_is_never_evaluated_beyond_full_information() {
        assertThrows(IllegalArgumentException.class, () -> Spending.obrienFleming().alpha(0.05, 1.2));
    }

    @Test
    void the_service_grid_is_rpacts_grid_so_an_odd_spacing_keeps_rpacts_own_quadrature_error() {
        // outcome-service/src/test/r/boundaries.R: rpact's 91-point grid puts look 2 of (0.1, 0.3, 0.35, 0.9, 1)
        // 1.9e-6 above the converged
        // value 3.92857254576594; the port reproduces rpact, not the converged value.
        double c = GroupSequentialDesign.obrienFleming(0.05).boundaries(0.1, 0.3, 0.35, 0.9, 1).criticalValue(1);
        assertEquals(3.92857442051172, c, 1e-8);
    }

    private static Spending spending(JsonNode design) {
        SpendingFamily family = SpendingFamily.byName(design.path("family").asText());
        return new Spending(family, design.path("gamma").isNull() ? Double.NaN : design.path("gamma").asDouble());
    }
}
