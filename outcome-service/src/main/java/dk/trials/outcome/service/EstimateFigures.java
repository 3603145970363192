package dk.trials.outcome.service;

import dk.trials.outcome.statistics.CoxResult;
import dk.trials.outcome.statistics.LogRank;
import dk.trials.sequential.Normal;
import dk.trials.outcome.statistics.RestrictedMean;
import dk.trials.outcome.statistics.RiskDifference;
import dk.trials.outcome.statistics.SurvivalCurve;
import dk.trials.outcome.statistics.SurvivalPoint;

import java.util.Arrays;
import java.util.List;

/** Statistical results into the figures of an {@link Estimate}; what is not finite (not estimable) becomes null. */
final class EstimateFigures {

    private EstimateFigures() {
    }

    static Estimate.Arm arm(String arm, boolean control, long participants, long events, long atRiskAtHorizon,
                            SurvivalCurve curve, RestrictedMean rmst, int horizon) {
        SurvivalPoint h = curve.at(horizon);
        List<Double> ci = h.lower() == null ? null : ci(1 - h.upper(), 1 - h.lower());
        return new Estimate.Arm(arm, control, participants, events, atRiskAtHorizon,
                new Estimate.Interval(finite(h.cumulativeIncidence()), ci), finite(h.stdErr()),
                new Estimate.RestrictedMean(finite(rmst.estimate()), finite(rmst.se()),
                        ci(rmst.estimate() - Normal.Z_975 * rmst.se(), rmst.estimate() + Normal.Z_975 * rmst.se()), rmst.tau()));
    }

    static Estimate.RiskDifference riskDifference(RiskDifference d) {
        return new Estimate.RiskDifference(finite(d.estimate()), finite(d.se()), ci(d.ci95()));
    }

    static Estimate.HazardRatio hazardRatio(CoxResult cox) {
        if (!cox.estimable()) {
            return new Estimate.HazardRatio(null, null, null, null, null, "efron");
        }
        return new Estimate.HazardRatio(finite(cox.hazardRatio()), ci(cox.ci95()), finite(cox.beta()),
                finite(cox.se()), finite(cox.waldPValue()), "efron");
    }

    static Estimate.LogRank logRank(LogRank test, List<String> strata) {
        return new Estimate.LogRank(finite(test.chiSquare()), finite(test.pValue()), finite(test.z()),
                finite(test.oMinusE()), finite(test.variance()), strata);
    }

    static Estimate.Interval restrictedMeanDifference(RestrictedMean control, RestrictedMean arm) {
        double estimate = arm.estimate() - control.estimate();
        double se = Math.sqrt(arm.se() * arm.se() + control.se() * control.se());
        return new Estimate.Interval(finite(estimate), ci(estimate - Normal.Z_975 * se, estimate + Normal.Z_975 * se));
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
