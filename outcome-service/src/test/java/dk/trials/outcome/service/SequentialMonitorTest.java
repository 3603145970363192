package dk.trials.outcome.service;

import dk.trials.events.trial.FutilityPlan;
import dk.trials.sequential.DunnettBoundaries;
import dk.trials.sequential.LookSchedule;
import dk.trials.sequential.Normal;
import dk.trials.sequential.Spending;
import dk.trials.sequential.SpendingFamily;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sequential monitor's looks: rpact's boundaries at the observed information (values from
 * platform/sequential/src/test/r/spending.R, rpact 3.3.4), Dunnett-type boundaries across comparisons equal to the
 * sequential module's, stopped arms, when a scheduled look is due, the final look under- and over-running, advisory
 * futility and repeated confidence intervals.
 */
class SequentialMonitorTest {

    private static final double RPACT = 1e-6;

    private final SequentialMonitor monitor = new SequentialMonitor();

    @Test
    void fiveEqualLooksOfOneComparisonGetRpactsObrienFlemingBoundariesAndTheLastSpendsAllAlpha() {
        MonitoringRules rules = rules("asOF", null, List.of(0.2, 0.4, 0.6, 0.8, 1.0), null, 1, comparison("B", 1, 100));
        double[] rpact = {4.87688494879076, 3.35701192170382, 2.68028006702662, 2.28981677442789, 2.0310320481658};
        List<LookEvaluation> looks = lookAfterLook(rules, new long[]{20, 40, 60, 80, 100}, 0.0);
        assertArrayEquals(rpact, looks.stream().mapToDouble(LookEvaluation::boundaryZ).toArray(), RPACT);
        assertAll(
                () -> assertEquals("SINGLE", looks.get(0).boundaryMethod()),
                () -> assertFalse(looks.get(3).finalLook()),
                () -> assertTrue(looks.get(4).finalLook()),
                () -> assertEquals(0.05, looks.get(4).alphaSpent(), 1e-12),
                () -> assertEquals(5, looks.get(4).number()));
    }

    @Test
    void theLegacyClassicFunctionIsNamedAndGivesItsOwnBoundaries() {
        MonitoringRules rules = rules("LanDeMetsClassic", null, List.of(0.5, 0.75, 1.0), null, 1,
                comparison("B", 1, 200));
        List<LookEvaluation> looks = lookAfterLook(rules, new long[]{100, 150, 200}, 0.0);
        assertArrayEquals(new double[]{2.77180764869935, 2.29808583110571, 2.04259131103754},
                looks.stream().mapToDouble(LookEvaluation::boundaryZ).toArray(), RPACT);
    }

    @Test
    void looksAwayFromThePlannedFractionsSpendAtTheObservedRateAsRpactsAnalysis() {
        MonitoringRules rules = rules("asOF", null, List.of(1 / 3.0, 2 / 3.0, 1.0), null, 1, comparison("B", 1, 100));
        List<LookEvaluation> looks = lookAfterLook(rules, new long[]{48, 76, 94}, 0.0);
        assertArrayEquals(new double[]{3.03176689415625, 2.33603354543447, 2.10364235192537},
                looks.stream().mapToDouble(LookEvaluation::boundaryZ).toArray(), RPACT);
        assertFalse(looks.get(2).finalLook(), "94 of 100 planned events is an interim look");
        assertEquals(0.94, looks.get(2).informationRate(), 1e-12);
    }

    @Test
    void overRunningThePlannedEventsMakesTheLookFinalWithoutCappingTheRate() {
        MonitoringRules rules = rules("asOF", null, List.of(1 / 3.0, 2 / 3.0, 1.0), null, 1, comparison("B", 1, 100));
        LookEvaluation third = lookAfterLook(rules, new long[]{48, 76, 110}, 0.0).get(2);
        assertAll(
                () -> assertEquals(2.03444246202707, third.boundaryZ(), RPACT),
                () -> assertTrue(third.finalLook()),
                () -> assertEquals(1.1, third.informationRate(), 1e-12),
                () -> assertEquals(1.1, third.comparisons().get(0).informationFraction(), 1e-12),
                () -> assertEquals(0.05, third.alphaSpent(), 1e-12));
    }

    @Test
    void aFinalLookShortOfThePlannedEventsSpendsAllRemainingAlphaAsRpactsUnderRunning() {
        MonitoringRules rules = rules("asOF", null, List.of(1 / 3.0, 2 / 3.0, 1.0), null, 1, comparison("B", 1, 100));
        List<PriorLook> prior = priors(rules, new long[]{48, 76});
        LookEvaluation last = monitor.evaluate(rules, prior, List.of(figures("B", 97, 0.0)), true);
        assertAll(
                () -> assertEquals(2.00994073599577, last.boundaryZ(), RPACT),
                () -> assertTrue(last.finalLook()),
                () -> assertEquals(0.97, last.informationRate(), 1e-12),
                () -> assertEquals(0.05, last.alphaSpent(), 1e-12));
        LookEvaluation interim = monitor.evaluate(rules, prior, List.of(figures("B", 97, 0.0)), false);
        assertFalse(interim.finalLook());
        assertTrue(interim.alphaSpent() < 0.05);
    }

    @Test
    void twoComparisonsGetTheSequentialModulesDunnettBoundariesWithUnequalAllocation() {
        // control 1, arms 2 and 1: the arm with weight 2 needs more events; both at the same fractions
        MonitoringRules rules = rules("asP", null, List.of(0.3, 0.6, 1.0), null, 1,
                comparison("B", 2, 200), comparison("C", 1, 100));
        double[] expected = dunnett(Spending.of(SpendingFamily.POCOCK), new double[]{0.3, 0.6, 1}, 1, 2, 1);
        List<LookEvaluation> looks = lookAfterLook(rules, new long[][]{{60, 30}, {120, 60}, {200, 100}});
        assertArrayEquals(expected, looks.stream().mapToDouble(LookEvaluation::boundaryZ).toArray(), 1e-12);
        assertArrayEquals(new double[]{2.53647759589388, 2.553141459713, 2.50647344002723}, expected, 1e-4);
        assertEquals("DUNNETT", looks.get(0).boundaryMethod());
    }

    @Test
    void threeComparisonsGetTheSequentialModulesDunnettBoundaries() {
        MonitoringRules rules = rules("asKD", 2.0, List.of(0.4, 0.7, 1.0), null, 2,
                comparison("B", 1, 100), comparison("C", 1, 100), comparison("D", 2, 150));
        double[] expected = dunnett(new Spending(SpendingFamily.KIM_DEMETS, 2), new double[]{0.4, 0.7, 1}, 2, 1, 1, 2);
        List<LookEvaluation> looks = lookAfterLook(rules, new long[][]{{40, 40, 60}, {70, 70, 105}, {100, 100, 150}});
        assertArrayEquals(expected, looks.stream().mapToDouble(LookEvaluation::boundaryZ).toArray(), 1e-12);
        assertArrayEquals(new double[]{2.99437558791534, 2.70407454268143, 2.48151323695989}, expected, 1e-4);
    }

    @Test
    void moreComparisonsThanDunnettIsCheckedForFallBackToBonferroni() {
        List<MonitoringRules.ComparisonRule> five = IntStream.range(0, 5)
                .mapToObj(j -> comparison("A" + j, 1, 100)).toList();
        MonitoringRules rules = new MonitoringRules(0.05, List.of(0.5, 1.0), "asOF", null, null, 0.2, 1, five);
        LookEvaluation first = monitor.evaluate(rules, List.of(),
                five.stream().map(c -> figures(c.arm(), 50, 1.0)).toList(), false);
        assertEquals("BONFERRONI", first.boundaryMethod());
        double single = dunnett(Spending.obrienFleming(), new double[]{0.5}, 1, 1)[0];
        assertTrue(first.boundaryZ() > single);
    }

    @Test
    void eachComparisonsFractionIsItsOwnEventsAndTheBoundaryIsAtTheLaggardsRate() {
        MonitoringRules rules = rules("asOF", null, List.of(0.5, 0.75, 1.0), null, 1,
                comparison("B", 1, 100), comparison("C", 1, 100));
        List<ComparisonFigures> cut = List.of(figures("B", 60, 1.0), figures("C", 52, -0.5));
        assertEquals(0.52, monitor.informationRate(rules, List.of(), cut), 1e-12);
        LookEvaluation look = monitor.evaluate(rules, List.of(), cut, false);
        assertAll(
                () -> assertEquals(0.52, look.informationRate(), 1e-12),
                () -> assertEquals(0.60, look.comparisons().get(0).informationFraction(), 1e-12),
                () -> assertEquals(0.52, look.comparisons().get(1).informationFraction(), 1e-12),
                () -> assertEquals(dunnett(Spending.obrienFleming(), new double[]{0.52}, 1, 1, 1)[0],
                        look.boundaryZ(), 1e-12));
    }

    @Test
    void anArmThatCrossedStopsWhileTheOthersKeepTheBoundariesOfAllArms() {
        MonitoringRules rules = rules("asOF", null, List.of(0.5, 0.75, 1.0), null, 1,
                comparison("B", 1, 100), comparison("C", 1, 100));
        LookEvaluation first = monitor.evaluate(rules, List.of(),
                List.of(figures("B", 50, 3.4), figures("C", 50, 1.0)), false);
        assertTrue(first.comparisons().get(0).crossed());
        assertFalse(first.comparisons().get(1).crossed());
        assertEquals(dunnett(Spending.obrienFleming(), new double[]{0.5}, 1, 1, 1)[0], first.boundaryZ(), 1e-12);
        List<PriorLook> prior = List.of(new PriorLook(1, first.informationRate(), List.of("B")));

        // B's events no longer set the rate: the look is at C's 0.75, though B stopped at 0.5
        List<ComparisonFigures> cut = List.of(figures("B", 50, 3.4), figures("C", 75, 1.2));
        assertEquals(0.75, monitor.informationRate(rules, prior, cut), 1e-12);
        LookEvaluation second = monitor.evaluate(rules, prior, cut, false);
        LookEvaluation.ComparisonEvaluation b = second.comparisons().get(0);
        assertAll(
                () -> assertTrue(b.stoppedEarlier()),
                () -> assertFalse(b.crossed(), "a stopped arm is not tested again"),
                () -> assertNull(b.futile()),
                () -> assertEquals(dunnett(Spending.obrienFleming(), new double[]{0.5, 0.75}, 1, 1, 1)[1],
                        second.boundaryZ(), 1e-12),
                () -> assertEquals(dk.trials.outcome.MonitoringDecision.EFFICACY_BOUNDARY_CROSSED, second.decision()));
    }

    @Test
    void aScheduledLookIsDueOnceTheRatePassesTheNextPlannedFraction() {
        MonitoringRules rules = rules("asOF", null, List.of(0.5, 0.75, 1.0), null, 1,
                comparison("B", 1, 100), comparison("C", 1, 100));
        assertFalse(monitor.due(rules, List.of(), List.of(figures("B", 60, 0.0), figures("C", 49, 0.0))),
                "the laggard is short of half");
        assertTrue(monitor.due(rules, List.of(), List.of(figures("B", 60, 0.0), figures("C", 50, 0.0))));
        List<PriorLook> prior = List.of(new PriorLook(1, 0.52, List.of()));
        assertFalse(monitor.due(rules, prior, List.of(figures("B", 80, 0.0), figures("C", 74, 0.0))));
        assertTrue(monitor.due(rules, prior, List.of(figures("B", 80, 0.0), figures("C", 75, 0.0))));
    }

    @Test
    void aPlannedFractionAtOrBelowTheLastLookAddedByAnAmendmentIsSkipped() {
        MonitoringRules amended = rules("asOF", null, List.of(0.4, 0.5, 0.75, 1.0), null, 1,
                comparison("B", 1, 100));
        List<PriorLook> prior = List.of(new PriorLook(1, 0.52, List.of()));
        assertFalse(monitor.due(amended, prior, List.of(figures("B", 60, 0.0))),
                "0.4 and 0.5 lie behind the last look");
        assertTrue(monitor.due(amended, prior, List.of(figures("B", 76, 0.0))));
    }

    @Test
    void nothingIsDueOrEvaluatedAfterTheFinalLookOrOnceEveryArmCrossed() {
        MonitoringRules rules = rules("asOF", null, List.of(0.5, 1.0), null, 1, comparison("B", 1, 100));
        List<PriorLook> finished = List.of(new PriorLook(1, 0.5, List.of()), new PriorLook(2, 1.04, List.of()));
        List<ComparisonFigures> later = List.of(figures("B", 120, 0.0));
        assertFalse(monitor.due(rules, finished, later));
        assertThrows(IllegalStateException.class, () -> monitor.evaluate(rules, finished, later, false));
        List<PriorLook> crossed = List.of(new PriorLook(1, 0.5, List.of("B")));
        assertFalse(monitor.due(rules, crossed, later));
        assertThrows(IllegalStateException.class, () -> monitor.evaluate(rules, crossed, later, false));
    }

    @Test
    void aCutWithoutNewInformationSinceTheLastLookIsRefused() {
        MonitoringRules rules = rules("asOF", null, List.of(0.5, 1.0), null, 1, comparison("B", 1, 100));
        List<PriorLook> prior = List.of(new PriorLook(1, 0.55, List.of()));
        List<ComparisonFigures> same = List.of(figures("B", 55, 0.0));
        assertFalse(monitor.due(rules, prior, same));
        assertThrows(IllegalStateException.class, () -> monitor.evaluate(rules, prior, same, false));
        assertThrows(IllegalStateException.class,
                () -> monitor.evaluate(rules, List.of(), List.of(figures("B", 0, null)), false), "no job exit yet");
    }

    @Test
    void figuresMustMatchThePlansComparisonsAndItsPlannedEvents() {
        MonitoringRules rules = rules("asOF", null, List.of(0.5, 1.0), null, 1, comparison("B", 1, 100));
        assertThrows(IllegalArgumentException.class,
                () -> monitor.evaluate(rules, List.of(), List.of(figures("X", 50, 0.0)), false));
        MonitoringRules unsized = rules("asOF", null, List.of(0.5, 1.0), null, 1, comparison("B", 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> monitor.due(unsized, List.of(), List.of(figures("B", 50, 0.0))));
        MonitoringRules badGamma = rules("asKD", 20.0, List.of(0.5, 1.0), null, 1, comparison("B", 1, 100));
        assertThrows(IllegalArgumentException.class,
                () -> monitor.evaluate(badGamma, List.of(), List.of(figures("B", 50, 0.0)), false));
    }

    @Test
    void betaSpendingFutilityGivesRpactsNonBindingBoundsAndFlagsOnlyBelowThem() {
        FutilityPlan plan = new FutilityPlan(FutilityPlan.FutilityMethod.BETA_SPENDING, "bsOF", null, null);
        MonitoringRules rules = rules("asOF", null, List.of(0.5, 0.75, 1.0), plan, 1, comparison("B", 1, 200));
        LookEvaluation first = monitor.evaluate(rules, List.of(), List.of(figures("B", 100, 0.6)), false);
        LookEvaluation.ComparisonEvaluation b1 = first.comparisons().get(0);
        assertEquals(0.654967054857877, b1.futilityBound(), RPACT);
        assertTrue(b1.futile());
        assertNull(b1.conditionalPower());
        List<PriorLook> prior = List.of(new PriorLook(1, 0.5, List.of()));
        LookEvaluation second = monitor.evaluate(rules, prior, List.of(figures("B", 150, -1.5)), false);
        assertEquals(1.39782023510102, second.comparisons().get(0).futilityBound(), RPACT);
        assertFalse(second.comparisons().get(0).futile(), "|Z| = 1.5 lies above the bound");
        assertEquals(dk.trials.outcome.MonitoringDecision.CONTINUE, second.decision(), "futility never decides");
        LookEvaluation last = monitor.evaluate(rules, List.of(prior.get(0), new PriorLook(2, 0.75, List.of())),
                List.of(figures("B", 200, 0.1)), false);
        assertNull(last.comparisons().get(0).futilityBound(), "the final look has no futility bound");
        assertNull(last.comparisons().get(0).futile());
    }

    @Test
    void conditionalPowerUnderTheCurrentTrendFlagsFutilityBelowThePlansThreshold() {
        FutilityPlan plan = new FutilityPlan(FutilityPlan.FutilityMethod.CONDITIONAL_POWER, null, null, 0.2);
        MonitoringRules rules = rules("asOF", null, List.of(0.5, 1.0), plan, 1, comparison("B", 1, 200));
        double finalBoundary = 1.96859564632177; // rpact asOF at 0.5 and 1
        LookEvaluation flat = monitor.evaluate(rules, List.of(), List.of(figures("B", 100, 0.0)), false);
        double expectedFlat = 2 * Normal.upperTail(finalBoundary / Math.sqrt(0.5));
        assertEquals(expectedFlat, flat.comparisons().get(0).conditionalPower(), 1e-6);
        assertTrue(flat.comparisons().get(0).futile());
        assertNull(flat.comparisons().get(0).futilityBound());
        LookEvaluation promising = monitor.evaluate(rules, List.of(), List.of(figures("B", 100, 2.5)), false);
        double trend = 2.5 / Math.sqrt(0.5);
        double expected = Normal.upperTail((finalBoundary - trend) / Math.sqrt(0.5))
                + Normal.upperTail((finalBoundary + trend) / Math.sqrt(0.5));
        assertEquals(expected, promising.comparisons().get(0).conditionalPower(), 1e-6);
        assertTrue(expected > 0.98);
        assertFalse(promising.comparisons().get(0).futile());
    }

    @Test
    void repeatedConfidenceIntervalsUseTheLooksBoundaryAsRpactsAnalysisResults() {
        MonitoringRules rules = rules("asOF", null, List.of(0.5, 0.75, 1.0), null, 1, comparison("B", 1, 300));
        double se = 2 / Math.sqrt(150);
        ComparisonFigures cut = new ComparisonFigures("B", "control", 150, -0.8, -0.8 * se, se, 0.03, 0.01);
        LookEvaluation look = monitor.evaluate(rules, List.of(), List.of(cut), false);
        LookEvaluation.ComparisonEvaluation b = look.comparisons().get(0);
        double c = 2.96258804272755;
        assertAll(
                () -> assertEquals(0.540950444781721, b.repeatedCi95HazardRatio().get(0), RPACT),
                () -> assertEquals(1.42354345472485, b.repeatedCi95HazardRatio().get(1), RPACT),
                () -> assertEquals(0.03 - c * 0.01, b.repeatedCi95RiskDifference().get(0), RPACT),
                () -> assertEquals(0.03 + c * 0.01, b.repeatedCi95RiskDifference().get(1), RPACT));
        ComparisonFigures notEstimable = new ComparisonFigures("B", "control", 150, null, null, null, 0.03, null);
        LookEvaluation.ComparisonEvaluation none = monitor.evaluate(rules, List.of(), List.of(notEstimable), false)
                .comparisons().get(0);
        assertNull(none.repeatedCi95HazardRatio());
        assertNull(none.repeatedCi95RiskDifference());
        assertFalse(none.crossed(), "no Z, no crossing");
    }

    private List<LookEvaluation> lookAfterLook(MonitoringRules rules, long[] events, double z) {
        long[][] perLook = new long[events.length][];
        for (int k = 0; k < events.length; k++) {
            perLook[k] = new long[]{events[k]};
        }
        return lookAfterLook(rules, perLook);
    }

    /** Looks on cuts with these events per comparison, each with the looks before it as its priors. */
    private List<LookEvaluation> lookAfterLook(MonitoringRules rules, long[][] events) {
        List<PriorLook> prior = new ArrayList<>();
        List<LookEvaluation> looks = new ArrayList<>();
        for (long[] cut : events) {
            List<ComparisonFigures> figures = IntStream.range(0, cut.length)
                    .mapToObj(j -> figures(rules.comparisons().get(j).arm(), cut[j], 0.0)).toList();
            LookEvaluation look = monitor.evaluate(rules, prior, figures, false);
            looks.add(look);
            prior.add(new PriorLook(look.number(), look.informationRate(), List.of()));
        }
        return looks;
    }

    private List<PriorLook> priors(MonitoringRules rules, long[] events) {
        return lookAfterLook(rules, events, 0.0).stream()
                .map(l -> new PriorLook(l.number(), l.informationRate(), List.of())).toList();
    }

    private static double[] dunnett(Spending spending, double[] rates, double controlWeight, double... armWeights) {
        return DunnettBoundaries.forArms(controlWeight, armWeights)
                .boundaries(LookSchedule.planned(spending, 0.05, rates)).criticalValues();
    }

    private static MonitoringRules rules(String family, Double gamma, List<Double> fractions, FutilityPlan futility,
                                         double controlWeight, MonitoringRules.ComparisonRule... comparisons) {
        return new MonitoringRules(0.05, fractions, family, gamma, futility, 0.2, controlWeight, List.of(comparisons));
    }

    private static MonitoringRules.ComparisonRule comparison(String arm, double weight, int plannedEvents) {
        return new MonitoringRules.ComparisonRule(arm, "control", weight, plannedEvents);
    }

    private static ComparisonFigures figures(String arm, long events, Double z) {
        return new ComparisonFigures(arm, "control", events, z, null, null, null, null);
    }
}
