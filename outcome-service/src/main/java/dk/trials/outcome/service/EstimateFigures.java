package dk.trials.outcome.service;

import dk.trials.outcome.statistics.CoxResult;
import dk.trials.outcome.statistics.LogRank;
import dk.trials.outcome.statistics.RestrictedMean;
import dk.trials.outcome.statistics.RiskDifference;
import dk.trials.outcome.statistics.SurvivalCurve;
import dk.trials.outcome.statistics.SurvivalPoint;
import dk.trials.sequential.Normal;

import java.util.Arrays;
import java.util.List;

/**
 * Statistical results into the figures of an {@link Estimate}. What cannot be estimated becomes null with a reason
 * naming the arm, never a number that looks like an answer (a hazard ratio of 2e-12, a standard error of 0).
 */
final class EstimateFigures {

    private EstimateFigures() {
    }

    /**
     * An arm's cumulative incidence at the horizon. Its log(−log) interval is R's: undefined (null) where the
     * Kaplan–Meier estimate is 1 or 0. The Greenwood standard error is null there too: R's is NaN where S = 0,
     * and its 0 where S = 1 (no job exit yet) states a certainty the data do not have.
     */
    static Estimate.Arm arm(String arm, boolean control, long participants, long events, long atRiskAtHorizon,
                            SurvivalCurve curve, RestrictedMean rmst, int horizon) {
        if (participants == 0) {
            String reason = "no participants in arm " + arm;
            return new Estimate.Arm(arm, control, 0, 0, 0, new Estimate.Interval(null, null, reason), null,
                    new Estimate.RestrictedMean(null, null, null, rmst.tau(), reason));
        }
        SurvivalPoint h = curve.at(horizon);
        boolean degenerate = h.surv() == 1.0 || h.surv() == 0.0;
        String reason = h.surv() == 1.0 ? "no job exit in arm " + arm + " by the horizon, so the interval is undefined"
                : h.surv() == 0.0 ? "every participant of arm " + arm + " exited to a job, so the interval is undefined"
                : null;
        List<Double> ci = degenerate ? null : ci(1 - h.upper(), 1 - h.lower());
        return new Estimate.Arm(arm, control, participants, events, atRiskAtHorizon,
                new Estimate.Interval(h.cumulativeIncidence(), ci, reason), degenerate ? null : finite(h.stdErr()),
                new Estimate.RestrictedMean(finite(rmst.estimate()), finite(rmst.se()),
                        ci(rmst.estimate() - Normal.Z_975 * rmst.se(), rmst.estimate() + Normal.Z_975 * rmst.se()),
                        rmst.tau(), null));
    }

    /** Not estimable where an arm has no participants, or the Greenwood variances give no positive, finite one. */
    static Estimate.RiskDifference riskDifference(RiskDifference d, Estimate.Arm control, Estimate.Arm arm) {
        String reason = noParticipants(control, arm);
        if (reason == null && Double.isNaN(d.se())) {
            String exited = Double.valueOf(1.0).equals(control.cumulativeIncidence().estimate()) ? control.arm() : arm.arm();
            reason = "every participant of arm " + exited + " exited to a job, so Greenwood's variance is undefined";
        } else if (reason == null && !(d.se() > 0)) {
            reason = "no job exit in either arm by the horizon, so the difference has no variance";
        }
        if (reason != null) {
            return new Estimate.RiskDifference(null, null, null, reason);
        }
        return new Estimate.RiskDifference(d.estimate(), d.se(), ci(d.ci95()), null);
    }

    static Estimate.HazardRatio hazardRatio(CoxResult cox, String control, String arm) {
        if (cox.estimable()) {
            return new Estimate.HazardRatio(finite(cox.hazardRatio()), ci(cox.ci95()), finite(cox.beta()),
                    finite(cox.se()), finite(cox.waldPValue()), "efron", null);
        }
        String reason = cox.notEstimable() == null ? "the Cox model has no finite standard error"
                : switch (cox.notEstimable()) {
                    case NO_EVENT_IN_CONTROL -> "no job exit in arm " + control;
                    case NO_EVENT_IN_ARM -> "no job exit in arm " + arm;
                    case NOT_CONVERGED -> "the Cox model did not converge";
                    case INFINITE_COEFFICIENT -> "the Cox model's coefficient is infinite (monotone likelihood)";
                };
        return new Estimate.HazardRatio(null, null, null, null, null, "efron", reason);
    }

    /** Not estimable where the variance is 0: no job exit while both arms had participants at risk. */
    static Estimate.LogRank logRank(LogRank test, List<String> strata) {
        if (!(test.variance() > 0)) {
            return new Estimate.LogRank(null, null, null, finite(test.oMinusE()), finite(test.variance()), strata,
                    "the variance is 0: no job exit while both arms had participants at risk");
        }
        return new Estimate.LogRank(finite(test.chiSquare()), finite(test.pValue()), finite(test.z()),
                finite(test.oMinusE()), finite(test.variance()), strata, null);
    }

    static Estimate.Interval restrictedMeanDifference(RestrictedMean control, RestrictedMean arm,
                                                      Estimate.Arm controlArm, Estimate.Arm experimentalArm) {
        String reason = noParticipants(controlArm, experimentalArm);
        if (reason != null) {
            return new Estimate.Interval(null, null, reason);
        }
        double estimate = arm.estimate() - control.estimate();
        double se = Math.sqrt(arm.se() * arm.se() + control.se() * control.se());
        return new Estimate.Interval(finite(estimate),
                ci(estimate - Normal.Z_975 * se, estimate + Normal.Z_975 * se), null);
    }

    private static String noParticipants(Estimate.Arm control, Estimate.Arm arm) {
        if (control.participants() == 0) {
            return "no participants in arm " + control.arm();
        }
        return arm.participants() == 0 ? "no participants in arm " + arm.arm() : null;
    }

    private static List<Double> ci(double... bounds) {
        if (Arrays.stream(bounds).anyMatch(b -> !Double.isFinite(b))) {
            return null;
        }
        return Arrays.stream(bounds).boxed().toList();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
