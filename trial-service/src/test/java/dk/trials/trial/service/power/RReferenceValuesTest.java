package dk.trials.trial.service.power;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.sequential.FixedDesignSize;
import dk.trials.trial.Design.Arm;
import dk.trials.trial.Design.MonitoringPlan;
import dk.trials.trial.Design.Spending;
import dk.trials.trial.Design.PowerAssumptions;
import dk.trials.trial.SampleSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With a single look (the fixed design) the sample sizes agree with R (power.prop.test, rpact getSampleSizeRates and
 * getSampleSizeSurvival), whose values {@code src/test/r/power.R} wrote to {@code reference/power-reference.json}:
 * unrounded to 1e-11 relative, and rounded to the participant and the event.
 */
class RReferenceValuesTest {

    private static final double RELATIVE = 1e-11;
    /** One analysis at all the information: no spending across looks, no inflation. */
    static final MonitoringPlan SINGLE_LOOK = new MonitoringPlan(List.of(1.0), new Spending("asOF", null), null, 14,
            LocalTime.of(6, 0));

    private final SampleSizeCalculator calculator = new SampleSizeCalculator();

    static Stream<JsonNode> proportions() throws IOException {
        return cases("proportions");
    }

    static Stream<JsonNode> events() throws IOException {
        return cases("events");
    }

    @ParameterizedTest(name = "proportions case {index}")
    @MethodSource("proportions")
    void participantsPerArmMatchRpactUnroundedAndToTheParticipant(JsonNode c) {
        int wT = c.get("weightTreatment").asInt();
        int wC = c.get("weightControl").asInt();
        JsonNode rpact = c.get("rpact");
        double ratio = (double) wT / wC;

        double n1 = FixedDesignSize.treatmentParticipants(c.get("p0").asDouble(), c.get("p1").asDouble(),
                c.get("alpha").asDouble(), c.get("power").asDouble(), ratio);
        assertClose(rpact.get("n1").asDouble(), n1, "rpact n1");
        assertClose(rpact.get("n2").asDouble(), n1 / ratio, "rpact n2");

        SampleSize plan = calculator.plan(assumptions(c, null), arms(wT, wC), SINGLE_LOOK);
        assertEquals(rpact.get("n1Ceiling").asInt(), plan.arms().get(0).participants(), "treatment participants");
        assertEquals(rpact.get("n2Ceiling").asInt(), plan.arms().get(1).participants(), "control participants");
        assertEquals(rpact.get("totalOfCeilings").asInt(), plan.participants(), "participants in all");
        assertClose(rpact.get("n1").asDouble(), plan.comparisons().get(0).armParticipants(), "comparison n1");
        assertClose(rpact.get("n2").asDouble(), plan.comparisons().get(0).versusParticipants(), "comparison n2");
    }

    @ParameterizedTest(name = "proportions case {index}")
    @MethodSource("proportions")
    void withEqualWeightsEachArmMatchesPowerPropTest(JsonNode c) {
        JsonNode ppt = c.get("powerPropTest");
        if (ppt == null || ppt.isNull()) {
            return; // power.prop.test knows only 1 : 1
        }
        SampleSize plan = calculator.plan(assumptions(c, null), arms(1, 1), SINGLE_LOOK);
        assertClose(ppt.get("nClosedForm").asDouble(), plan.comparisons().get(0).armParticipants(), "closed form");
        assertEquals(ppt.get("n").asDouble(), plan.comparisons().get(0).armParticipants(), 1e-3, "uniroot n");
        assertEquals(ppt.get("nCeiling").asInt(), plan.arms().get(0).participants());
        assertEquals(ppt.get("nCeiling").asInt(), plan.arms().get(1).participants());
    }

    @ParameterizedTest(name = "events case {index}")
    @MethodSource("events")
    void eventsMatchSchoenfeldAsRpactComputesThem(JsonNode c) {
        int wT = c.get("weightTreatment").asInt();
        int wC = c.get("weightControl").asInt();
        double hr = c.get("hazardRatio").asDouble();
        double exact = FixedDesignSize.events(hr, c.get("alpha").asDouble(), c.get("power").asDouble(), (double) wT / wC);
        assertClose(c.get("rpactEvents").asDouble(), exact, "rpact events");
        assertClose(c.get("schoenfeld").asDouble(), exact, "Schoenfeld");

        // Any incidences in the direction of the hazard ratio will do: a given hazard ratio is used as it is.
        PowerAssumptions given = new PowerAssumptions(0.3, hr > 1 ? 0.05 : -0.05, c.get("alpha").asDouble(),
                c.get("power").asDouble(), hr);
        SampleSize plan = calculator.plan(given, arms(wT, wC), SINGLE_LOOK);
        assertEquals(c.get("schoenfeldCeiling").asInt(), plan.events());
        assertEquals(hr, plan.hazardRatio());
    }

    private static PowerAssumptions assumptions(JsonNode c, Double hazardRatio) {
        return new PowerAssumptions(c.get("p0").asDouble(), c.get("d").asDouble(), c.get("alpha").asDouble(),
                c.get("power").asDouble(), hazardRatio);
    }

    private static List<Arm> arms(int treatmentWeight, int controlWeight) {
        return List.of(new Arm("treatment", "Treatment", treatmentWeight, false),
                new Arm("control", "Control", controlWeight, true));
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * RELATIVE, what);
    }

    private static Stream<JsonNode> cases(String section) throws IOException {
        try (InputStream in = RReferenceValuesTest.class.getResourceAsStream("/reference/power-reference.json")) {
            JsonNode cases = new ObjectMapper().readTree(in).get(section);
            return StreamSupport.stream(cases.spliterator(), false).toList().stream();
        }
    }
}
