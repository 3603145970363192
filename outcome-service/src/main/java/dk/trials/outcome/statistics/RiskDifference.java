package dk.trials.outcome.statistics;

import dk.trials.sequential.Normal;

/**
 * Difference in cumulative job exit at the horizon, arm minus control (= S_control − S_arm), with a Wald 95%
 * interval from the two independent Greenwood variances of S.
 */
public record RiskDifference(double estimate, double se) {

    public static RiskDifference at(SurvivalCurve control, SurvivalCurve arm, int horizon) {
        SurvivalPoint c = control.at(horizon);
        SurvivalPoint a = arm.at(horizon);
        return new RiskDifference(c.surv() - a.surv(), Math.sqrt(c.greenwoodVariance() + a.greenwoodVariance()));
    }

    public double[] ci95() {
        return new double[]{estimate - Normal.Z_975 * se, estimate + Normal.Z_975 * se};
    }
}
