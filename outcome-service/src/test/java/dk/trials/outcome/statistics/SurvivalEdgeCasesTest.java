package dk.trials.outcome.statistics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where an estimate is 0 or 1, or a Cox model has no finite maximum, the estimators answer as R's survival package
 * does (the values printed by {@code src/test/r/edge-cases.R}), and say so rather than give a number that looks
 * like an answer.
 */
class SurvivalEdgeCasesTest {

    private static final double TOLERANCE = 1e-12;

    /** One participant ending on each given day; {@code exits} says which of them exited to a job. */
    private static FollowUpTable table(int[] days, boolean[] exits) {
        FollowUpTable.Builder builder = FollowUpTable.builder(10);
        for (int i = 0; i < days.length; i++) {
            if (exits[i]) {
                builder.event(days[i], 1);
            } else {
                builder.censoring(days[i], 1);
            }
        }
        return builder.build();
    }

    @Test
    void whenEveryoneExitsTheSurvivorFunctionReachesZeroWithAnUndefinedStandardErrorAndNoLimitsAsInR() {
        SurvivalCurve curve = KaplanMeier.estimate(table(new int[]{1, 2, 3}, new boolean[]{true, true, true}));

        SurvivalPoint first = curve.points().get(0);
        assertEquals(0.666666666666667, first.surv(), TOLERANCE);
        assertEquals(0.272165526975909, first.stdErr(), TOLERANCE);
        assertEquals(0.05407342678651676, first.lower(), TOLERANCE);
        assertEquals(0.945206387272047, first.upper(), TOLERANCE);
        SurvivalPoint last = curve.points().get(2);
        assertEquals(0.0, last.surv());
        assertTrue(Double.isNaN(last.stdErr()), "R: NaN, was " + last.stdErr());
        assertEquals(Double.POSITIVE_INFINITY, last.stdErrLogSurv());
        assertNull(last.lower());
        assertNull(last.upper());
    }

    @Test
    void whenNoOneExitsTheSurvivorFunctionStaysOneWithZeroStandardErrorAndNoLimitsAsInR() {
        SurvivalPoint atFour = KaplanMeier.estimate(table(new int[]{1, 2, 3, 4}, new boolean[4])).at(4);

        assertEquals(1.0, atFour.surv());
        assertEquals(0.0, atFour.stdErr());
        assertNull(atFour.lower());
        assertNull(atFour.upper());
    }

    @Test
    void aCoxModelWithoutAJobExitInTheArmHasNoEstimateWhereRRunsOutOfIterationsAtBeta22() {
        FollowUpTable control = table(new int[]{1, 2, 3, 4}, new boolean[]{true, true, false, true});
        FollowUpTable arm = table(new int[]{5, 6, 7, 8}, new boolean[4]);

        CoxResult cox = CoxEfron.fit(control, arm);

        assertFalse(cox.estimable());
        assertEquals(CoxResult.NotEstimable.NO_EVENT_IN_ARM, cox.notEstimable());
        assertTrue(Double.isNaN(cox.beta()) && Double.isNaN(cox.se()) && Double.isNaN(cox.hazardRatio()));
        assertEquals(CoxResult.NotEstimable.NO_EVENT_IN_CONTROL, CoxEfron.fit(arm, control).notEstimable());
    }

    @Test
    void aCoxModelWithAMonotoneLikelihoodHasNoEstimateWhereRWarnsTheCoefficientMayBeInfinite() {
        // The arm's job exits come after the control has left the risk set: the likelihood rises towards beta = −∞.
        FollowUpTable control = table(new int[]{1, 2}, new boolean[]{true, false});
        FollowUpTable arm = table(new int[]{3, 4}, new boolean[]{true, true});

        CoxResult cox = CoxEfron.fit(control, arm);

        assertFalse(cox.estimable());
        assertTrue(cox.notEstimable() == CoxResult.NotEstimable.INFINITE_COEFFICIENT
                || cox.notEstimable() == CoxResult.NotEstimable.NOT_CONVERGED, String.valueOf(cox.notEstimable()));
    }

    @Test
    void aLogRankTestWithoutAnyJobExitHasZeroVarianceAndNoStatisticWhereRPrintsAChiSquareOfZeroWithANaNPValue() {
        LogRank test = LogRank.test(table(new int[]{1, 2}, new boolean[2]), table(new int[]{3, 4}, new boolean[2]));

        assertEquals(0.0, test.variance());
        assertTrue(Double.isNaN(test.chiSquare()) && Double.isNaN(test.pValue()) && Double.isNaN(test.z()));
    }
}
