package dk.trials.outcome.statistics;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compares figures with R's to a relative tolerance and remembers the worst relative error per kind of figure. */
final class Agreement {

    private final double tolerance;
    private final Map<String, Double> worst = new TreeMap<>();

    Agreement(double tolerance) {
        this.tolerance = tolerance;
    }

    void matches(String what, JsonNode expected, double actual) {
        if (expected == null || expected.isNull() || expected.isMissingNode()) {
            assertTrue(Double.isNaN(actual), what + ": R has no value (NA) but Java gives " + actual);
            return;
        }
        matches(what, expected.asDouble(), actual);
    }

    void matches(String what, JsonNode expected, Double actual) {
        matches(what, expected, actual == null ? Double.NaN : actual.doubleValue());
    }

    void matches(String what, double expected, double actual) {
        double error = expected == actual ? 0 : Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
        if (Math.abs(expected) < 1e-12) {
            error = Math.abs(actual - expected);
        }
        String kind = what.replaceAll("^.*\\] ", "");
        worst.merge(kind, error, Math::max);
        assertTrue(error <= tolerance, what + ": R " + expected + ", Java " + actual + " (relative error " + error + ")");
    }

    Map<String, Double> worst() {
        return worst;
    }
}
