package dk.trials.sequential;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Repeated confidence intervals for the hazard ratio equal rpact's {@code getAnalysisResults} ones to 1e-6
 * relative (rpact finds them by root search to its tolerance), from the log-rank Z, the events and the look's
 * boundary; and they are wider than the fixed-sample interval at every interim look.
 */
class RepeatedConfidenceIntervalReferenceTest {

    private static final JsonNode REFERENCE = Json.reference("spending-reference.json");
    private static final double RELATIVE = 1e-6;

    @Test
    void hazard_ratio_intervals_equal_rpacts_at_every_look() {
        int checked = 0;
        for (JsonNode c : REFERENCE.path("intervals")) {
            double[] events = Json.doubles(c.path("events"));
            double[] z = Json.doubles(c.path("logRanks"));
            double[] lower = Json.doubles(c.path("lower"));
            double[] upper = Json.doubles(c.path("upper"));
            Spending spending = new Spending(SpendingFamily.byName(c.path("family").asText()),
                    c.path("gamma").isNull() ? Double.NaN : c.path("gamma").asDouble());
            double[] critical = new GroupSequentialDesign(spending, 0.05)
                    .boundaries(Json.doubles(c.path("informationRates"))).criticalValues();
            for (int k = 0; k < events.length; k++) {
                double se = 2 / Math.sqrt(events[k]);
                RepeatedConfidenceInterval rci = RepeatedConfidenceInterval.forLogHazardRatio(z[k] * se, se, critical[k]);
                assertEquals(lower[k], rci.lower(), RELATIVE * lower[k], "lower at look " + (k + 1));
                assertEquals(upper[k], rci.upper(), RELATIVE * upper[k], "upper at look " + (k + 1));
                checked++;
            }
        }
        assertEquals(8, checked);
    }

    @Test
    void a_risk_difference_interval_is_the_estimate_plus_minus_the_boundary_times_its_se() {
        RepeatedConfidenceInterval rci = RepeatedConfidenceInterval.of(0.047, 0.022, 2.96258804272755);
        assertEquals(0.047 - 2.96258804272755 * 0.022, rci.lower(), 1e-15);
        assertEquals(0.047 + 2.96258804272755 * 0.022, rci.upper(), 1e-15);
        assertTrue(rci.contains(0.0), "at the first look of asOF the interval still holds 0");
    }

    @Test
    void an_interval_needs_a_standard_error() {
        assertThrows(IllegalArgumentException.class, () -> RepeatedConfidenceInterval.of(0.1, 0, 2.0));
        assertThrows(IllegalArgumentException.class, () -> RepeatedConfidenceInterval.of(0.1, Double.NaN, 2.0));
    }
}
