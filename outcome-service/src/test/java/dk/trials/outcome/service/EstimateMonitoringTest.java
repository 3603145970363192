package dk.trials.outcome.service;

import dk.trials.events.trial.FutilityPlan;
import dk.trials.outcome.MonitoringDecision;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the estimates' monitoring shows: the decision of the formal looks only, and the figures a cut now would give
 * as a look, provisional; per comparison, with the closest to its boundary on top and futility on its own.
 */
class EstimateMonitoringTest {

    private static final MonitoringDecision CONTINUE = MonitoringDecision.CONTINUE;
    private static final MonitoringDecision CROSSED = MonitoringDecision.EFFICACY_BOUNDARY_CROSSED;

    private final SequentialMonitor monitor = new SequentialMonitor();
    private final EstimateMonitoring monitoring = new EstimateMonitoring(null, monitor);

    private static MonitoringRules rules(FutilityPlan futility, int plannedEvents, String... arms) {
        return new MonitoringRules(0.05, List.of(0.5, 0.75, 1.0), "asOF", null, futility, 0.2, 1,
                java.util.Arrays.stream(arms).map(arm -> new MonitoringRules.ComparisonRule(arm, "control", 1, plannedEvents))
                        .toList());
    }

    private static ComparisonFigures figures(String arm, long events, Double z) {
        return new ComparisonFigures(arm, "control", events, z, 0.2, 0.1, 0.05, 0.02);
    }

    private static LookSummary look(int number, double rate, boolean finalLook, List<String> crossed, List<String> futile) {
        return new LookSummary(number, LocalDate.of(2027, 3, number), Instant.parse("2027-03-15T05:00:00Z"), rate,
                finalLook, crossed.isEmpty() ? CONTINUE : CROSSED, crossed, futile);
    }

    @Test
    void figuresFarBeyondTheBoundaryDecideNothingWithoutAFormalLook() {
        MonitoringRules rules = rules(null, 1000, "treatment");

        MonitoringStatus status = monitoring.status(rules, List.of(), List.of(figures("treatment", 200, 10.7)));

        assertTrue(status.provisional());
        assertEquals(CONTINUE, status.decision());
        assertEquals(10.7, status.observedZ());
        assertEquals(0.2, status.informationFraction(), 1e-12);
        assertEquals(4.877, status.boundaryZ(), 5e-4, "rpact's first of five equal asOF looks");
        assertEquals(0, status.looksTaken());
        assertNull(status.lastLook());
        assertEquals(0.5, status.nextLookAt());
        assertEquals(new MonitoringStatus.Spending("asOF", null), status.spending());
        assertEquals("SINGLE", status.boundaryMethod());
        assertNull(status.reason());
    }

    @Test
    void aLookThatCrossedKeepsTheDecisionCrossedWhateverTheFiguresSayNow() {
        MonitoringRules rules = rules(null, 1000, "treatment");
        List<LookSummary> taken = List.of(look(1, 0.5, false, List.of("treatment"), List.of()));

        MonitoringStatus status = monitoring.status(rules, taken, List.of(figures("treatment", 800, 0.0)));

        assertEquals(CROSSED, status.decision());
        assertEquals(CROSSED, status.comparisons().get(0).decision());
        assertEquals(new MonitoringStatus.LastLook(1, LocalDate.of(2027, 3, 1), Instant.parse("2027-03-15T05:00:00Z"),
                CROSSED), status.lastLook());
        assertNull(status.boundaryZ(), "every comparison stopped: no further look");
        assertEquals("every comparison crossed at an earlier look: monitoring has ended", status.reason());
        assertNull(status.nextLookAt());
        assertEquals(0.0, status.observedZ());
    }

    @Test
    void theTopLevelIsTheComparisonClosestToItsBoundaryAndEachComparisonKeepsItsOwnFigures() {
        MonitoringRules rules = rules(null, 1000, "a", "b", "c");
        List<ComparisonFigures> figures = List.of(figures("a", 600, 1.0), figures("b", 550, -2.5), figures("c", 700, 2.0));

        MonitoringStatus status = monitoring.status(rules, List.of(), figures);

        assertEquals(List.of("a", "b", "c"), status.comparisons().stream().map(MonitoringStatus.ComparisonStatus::arm).toList());
        assertEquals("b", status.comparison());
        assertEquals(-2.5, status.observedZ());
        assertEquals(0.55, status.informationFraction(), 1e-12);
        assertEquals(0.55, status.informationRate(), 1e-12, "the laggard's fraction");
        assertEquals(0.7, status.comparisons().get(2).informationFraction(), 1e-12);
        assertEquals("DUNNETT", status.boundaryMethod());
        LookEvaluation expected = monitor.evaluate(rules, List.of(), figures, false);
        assertEquals(expected.boundaryZ(), status.boundaryZ());
        assertEquals(expected.alphaSpent(), status.alphaSpent());
    }

    @Test
    void aComparisonThatCrossedAtALookComesFirstEvenWhenAnotherIsNearerItsBoundaryNow() {
        MonitoringRules rules = rules(null, 1000, "a", "b");
        List<LookSummary> taken = List.of(look(1, 0.5, false, List.of("b"), List.of()));

        MonitoringStatus status = monitoring.status(rules, taken,
                List.of(figures("a", 800, 2.4), figures("b", 800, 0.3)));

        assertEquals("b", status.comparison());
        assertEquals(CROSSED, status.decision());
        assertEquals(CONTINUE, status.comparisons().get(0).decision());
        assertEquals(0.8, status.informationRate(), 1e-12, "a still runs; b stopped at look 1");
        assertEquals(0.75, status.nextLookAt());
    }

    @Test
    void withoutPlannedEventsTheFiguresAreNullWithTheReason() {
        MonitoringStatus status = monitoring.status(rules(null, 0, "treatment"), List.of(),
                List.of(figures("treatment", 40, 1.2)));

        assertNull(status.informationFraction());
        assertNull(status.boundaryZ());
        assertNull(status.alphaSpent());
        assertEquals(CONTINUE, status.decision());
        assertEquals("the design plans no events (it has no power assumptions), so there is no information fraction "
                + "to monitor", status.reason());
    }

    @Test
    void noJobExitYetOrNoInformationSinceTheLastLookLeavesTheBoundaryNullWithTheReason() {
        MonitoringRules rules = rules(null, 1000, "treatment");

        MonitoringStatus before = monitoring.status(rules, List.of(), List.of(figures("treatment", 0, null)));
        assertEquals("no information yet: a comparison has no job exit in its arm or the control", before.reason());
        assertEquals(0.0, before.informationFraction());

        MonitoringStatus since = monitoring.status(rules, List.of(look(1, 0.5, false, List.of(), List.of())),
                List.of(figures("treatment", 500, 1.1)));
        assertNull(since.boundaryZ());
        assertTrue(since.reason().startsWith("no new information since look 1"), since.reason());
        assertEquals(0.5, since.informationFraction());
        assertEquals(0.75, since.nextLookAt());
    }

    @Test
    void afterTheFinalLookNothingFurtherIsMonitored() {
        MonitoringStatus status = monitoring.status(rules(null, 1000, "treatment"),
                List.of(look(1, 0.5, false, List.of(), List.of()), look(2, 0.9, true, List.of(), List.of())),
                List.of(figures("treatment", 950, 1.9)));

        assertEquals("look 2 was the final look: its decision stands and nothing further is monitored", status.reason());
        assertNull(status.boundaryZ());
        assertNull(status.nextLookAt());
        assertEquals(2, status.looksTaken());
        assertEquals(CONTINUE, status.decision());
    }

    @Test
    void futilityHasItsOwnFieldAndNeverTheDecision() {
        MonitoringRules rules = rules(new FutilityPlan(FutilityPlan.FutilityMethod.BETA_SPENDING, "bsOF", null, null),
                1000, "treatment");
        List<LookSummary> taken = List.of(look(1, 0.5, false, List.of(), List.of("treatment")));

        MonitoringStatus status = monitoring.status(rules, taken, List.of(figures("treatment", 800, 0.05)));

        MonitoringStatus.Futility futility = status.futility();
        assertEquals("BETA_SPENDING", futility.method());
        assertTrue(futility.bound() > 0.05, "bound " + futility.bound());
        assertEquals(Boolean.TRUE, futility.flagged());
        assertEquals(1, futility.flaggedAtLook());
        assertEquals(CONTINUE, status.decision());
        assertEquals(futility, status.comparisons().get(0).futility());
    }

    @Test
    void theRepeatedIntervalsUseTheProvisionalBoundary() {
        MonitoringStatus status = monitoring.status(rules(null, 1000, "treatment"), List.of(),
                List.of(figures("treatment", 500, 2.0)));

        double c = status.boundaryZ();
        MonitoringStatus.ComparisonStatus comparison = status.comparisons().get(0);
        assertEquals(Math.exp(0.2 - c * 0.1), comparison.hazardRatioRepeatedCi95().get(0), 1e-12);
        assertEquals(Math.exp(0.2 + c * 0.1), comparison.hazardRatioRepeatedCi95().get(1), 1e-12);
        assertEquals(0.05 - c * 0.02, comparison.riskDifferenceRepeatedCi95().get(0), 1e-12);
        assertEquals(0.05 + c * 0.02, comparison.riskDifferenceRepeatedCi95().get(1), 1e-12);
    }

    @Test
    void aTrialWithoutAComparisonHasNothingToMonitor() {
        MonitoringStatus status = monitoring.status(rules(null, 1000), List.of(), List.of());

        assertEquals("the trial has no comparison with a control arm to monitor", status.reason());
        assertNull(status.comparison());
        assertEquals(List.of(), status.comparisons());
    }

    @Test
    void aFormalLooksOwnPointShowsItsFiguresAsFinalForThatLookWithItsOwnDecision() {
        MonitoringRules rules = rules(null, 1000, "treatment");
        List<ComparisonFigures> figures = List.of(figures("treatment", 500, 3.5));
        LookEvaluation evaluation = monitor.evaluate(rules, List.of(), figures, false);
        LookSummary itself = look(1, evaluation.informationRate(), false, List.of("treatment"), List.of());

        MonitoringStatus status = monitoring.atLook(rules, List.of(itself), evaluation, figures);

        assertFalse(status.provisional());
        assertEquals(CROSSED, status.decision());
        assertEquals(evaluation.boundaryZ(), status.boundaryZ());
        assertEquals(1, status.looksTaken());
    }
}
