package dk.trials.trial.service.power;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.events.trial.FutilityPlan.FutilityMethod;
import dk.trials.trial.Design.Arm;
import dk.trials.trial.Design.Futility;
import dk.trials.trial.Design.MonitoringPlan;
import dk.trials.trial.Design.PowerAssumptions;
import dk.trials.trial.Design.Spending;
import dk.trials.trial.SampleSize;
import dk.trials.trial.SampleSize.ComparisonSampleSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A trial's size follows its monitoring plan exactly as rpact sizes it (values from
 * {@code src/test/r/plan-sample-size.R}): for each comparison at α/J the plan's inflation factor, rpact's
 * getSampleSizeSurvival events and getSampleSizeRates participants to 1e-7 relative, and the trial's whole figures
 * (every arm's participants by the rounding rule, the planned events) to the participant and the event, for the
 * default plan, every spending family, the legacy classic plan, beta-spending futility, one to three comparisons and
 * unequal weights.
 */
class PlanSampleSizeReferenceTest {

    private static final double RELATIVE = 1e-7;
    private final SampleSizeCalculator calculator = new SampleSizeCalculator();

    static Stream<JsonNode> trials() throws IOException {
        try (InputStream in = PlanSampleSizeReferenceTest.class.getResourceAsStream("/reference/plan-sample-size-reference.json")) {
            JsonNode cases = new ObjectMapper().readTree(in).get("cases");
            return StreamSupport.stream(cases.spliterator(), false).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trials")
    void theSizeUnderThePlanIsRpactsToTheParticipantAndTheEvent(JsonNode c) {
        String what = c.get("name").asText();
        List<Arm> arms = arms(c.get("weights"));
        PowerAssumptions assumptions = new PowerAssumptions(c.get("p0").asDouble(), c.get("d").asDouble(),
                c.get("alpha").asDouble(), c.get("power").asDouble(), number(c.get("givenHazardRatio")));

        SampleSize size = calculator.plan(assumptions, arms, plan(c));

        assertRelative(c.get("hazardRatio").asDouble(), size.hazardRatio(), what + " hazard ratio");
        JsonNode expected = c.get("comparisons");
        assertEquals(expected.size(), size.comparisons().size(), what);
        for (int k = 0; k < expected.size(); k++) {
            JsonNode e = expected.get(k);
            ComparisonSampleSize actual = size.comparisons().get(k);
            String comparison = what + ", " + e.get("arm").asText();
            assertEquals(e.get("alpha").asDouble(), actual.alpha(), 1e-15, comparison + " level");
            assertRelative(e.get("inflationFactor").asDouble(), actual.inflationFactor(), comparison + " inflation factor");
            assertRelative(e.get("events").asDouble(), actual.eventsExact(), comparison + " events");
            assertEquals(e.get("eventsCeiling").asInt(), actual.events(), comparison + " events, whole");
            assertRelative(e.get("n1").asDouble(), actual.armParticipants(), comparison + " arm participants");
            assertRelative(e.get("n2").asDouble(), actual.versusParticipants(), comparison + " control participants");
        }
        List<Integer> perArm = size.arms().stream().map(SampleSize.ArmSampleSize::participants).toList();
        List<Integer> expectedPerArm = new ArrayList<>();
        c.get("armParticipants").forEach(n -> expectedPerArm.add(n.asInt()));
        assertEquals(expectedPerArm, perArm, what + " participants per arm");
        assertEquals(c.get("participants").asInt(), size.participants(), what + " participants");
        assertEquals(c.get("plannedEvents").asInt(), size.events(), what + " planned events");
    }

    /** The plan of a case: its family and γ, fractions and beta-spending futility; lag and look time do not matter. */
    private static MonitoringPlan plan(JsonNode c) {
        List<Double> fractions = new ArrayList<>();
        JsonNode rates = c.get("informationRates");
        if (rates.isArray()) {
            rates.forEach(r -> fractions.add(r.asDouble()));
        } else {
            fractions.add(rates.asDouble());
        }
        Futility futility = c.get("betaFamily").isNull() ? null
                : new Futility(FutilityMethod.BETA_SPENDING, c.get("betaFamily").asText(), number(c.get("gammaB")), null);
        return new MonitoringPlan(fractions, new Spending(c.get("family").asText(), number(c.get("gamma"))), futility, 14,
                LocalTime.of(6, 0));
    }

    private static List<Arm> arms(JsonNode weights) {
        List<Arm> arms = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            boolean control = i == weights.size() - 1;
            arms.add(new Arm(control ? "control" : "arm" + (i + 1), control ? "Control" : "Arm " + (i + 1),
                    weights.get(i).asInt(), control));
        }
        return arms;
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }
}
