package dk.trials.sequential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group-sequential sample sizes equal rpact's (values from {@code src/test/r/sequential-sample-size.R}): the
 * inflation factor of {@code getDesignCharacteristics} to 1e-7 relative, and the planned events and participants
 * per comparison at α/J of {@code getSampleSizeSurvival} / {@code getSampleSizeRates} to the event and the
 * participant, for six spending plans, two with non-binding futility, 1 to 3 comparisons and three allocations.
 */
class SequentialSampleSizeReferenceTest {

    private static final double RELATIVE = 1e-7;

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = SequentialSampleSizeReferenceTest.class
                .getResourceAsStream("/reference/sequential-sample-size-reference.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            return StreamSupport.stream(root.get("cases").spliterator(), false).toList().stream();
        }
    }

    @ParameterizedTest(name = "case {index}")
    @MethodSource("cases")
    void events_and_participants_per_comparison_equal_rpacts_to_the_event_and_the_participant(JsonNode c) {
        SequentialDesign design = design(c);
        SequentialComparisonSize size = SequentialSampleSize.of(design, c.get("alpha").asDouble(),
                c.get("power").asDouble(), c.get("comparisons").asInt(), c.get("p0").asDouble(), c.get("p1").asDouble(),
                c.get("hazardRatio").asDouble(), c.get("allocationRatio").asDouble());
        String what = c.get("family").asText() + "/" + c.get("betaFamily").asText() + " " + c.get("informationRates")
                + " J=" + c.get("comparisons") + " power=" + c.get("power");
        assertEquals(c.get("comparisonAlpha").asDouble(), size.comparisonAlpha(), 1e-15, what);
        assertRelative(c.get("inflationFactor").asDouble(), size.inflationFactor(), what + " inflation factor");
        assertRelative(c.get("events").asDouble(), size.eventsExact(), what + " events");
        assertRelative(c.get("n1").asDouble(), size.armParticipantsExact(), what + " arm participants");
        assertRelative(c.get("n2").asDouble(), size.controlParticipantsExact(), what + " control participants");
        assertEquals(c.get("eventsCeiling").asInt(), size.events(), what + " events, whole");
        assertEquals(c.get("n1Ceiling").asInt(), size.armParticipants(), what + " arm participants, whole");
        assertEquals(c.get("n2Ceiling").asInt(), size.controlParticipants(), what + " control participants, whole");
    }

    @Test
    void a_single_look_needs_no_inflation() {
        assertEquals(1.0, SequentialSampleSize.inflationFactor(SequentialDesign.of("asOF", Double.NaN, 1), 0.05, 0.8));
    }

    @Test
    void more_comparisons_need_more_events_each() {
        SequentialDesign plan = SequentialDesign.defaultPlan();
        int one = SequentialSampleSize.of(plan, 0.05, 0.8, 1, 0.3, 0.35, 1.2, 1).events();
        int two = SequentialSampleSize.of(plan, 0.05, 0.8, 2, 0.3, 0.35, 1.2, 1).events();
        assertTrue(two > one * 1.15, one + " events for one comparison, " + two + " each for two");
    }

    @Test
    void a_plan_must_end_at_the_maximum_information() {
        assertThrows(IllegalArgumentException.class, () -> SequentialDesign.of("asOF", Double.NaN, 0.5, 0.8));
        assertThrows(IllegalArgumentException.class, () -> SequentialDesign.of("asXY", Double.NaN, 0.5, 1));
    }

    private static SequentialDesign design(JsonNode c) {
        double[] rates = doubles(c.get("informationRates"));
        SequentialDesign design = SequentialDesign.of(c.get("family").asText(), number(c.get("gamma")), rates);
        return c.get("betaFamily").isNull() ? design : design.withFutility(c.get("betaFamily").asText(), number(c.get("gammaB")));
    }

    private static double[] doubles(JsonNode node) {
        if (!node.isArray()) {
            return new double[]{node.asDouble()};
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).asDouble();
        }
        return values;
    }

    private static double number(JsonNode node) {
        return node == null || node.isNull() ? Double.NaN : node.asDouble();
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }
}
