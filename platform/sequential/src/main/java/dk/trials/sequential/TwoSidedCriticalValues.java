package dk.trials.sequential;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Symmetric two-sided critical values that spend a given cumulative alpha look by look, as rpact 3.3.4's
 * {@code getDesignGroupSequentialAlphaSpending} with sided = 2 (and its {@code asUser} designs): the first look
 * rejects at z_{1−α_1/2}; at look k ≥ 2 the critical value in [0, 8] makes the null probability of rejecting at
 * or before look k, computed on {@link GroupSequentialProbabilities}' grid with its bounds, equal α_k. rpact bisects
 * to a width of 1e-8; solving to 1e-13 keeps these within rpact's tolerance of its values. A look that may spend
 * nothing more gets 8, rpact's upper bound: it cannot stop the trial.
 */
final class TwoSidedCriticalValues {

    private static final double CAP = GroupSequentialProbabilities.UPPER_BOUND_DEFAULT;

    private TwoSidedCriticalValues() {
    }

    static double[] solve(double[] rates, double[] cumulativeAlpha) {
        int looks = rates.length;
        double[] critical = new double[looks];
        critical[0] = Math.min(Normal.upperQuantile(cumulativeAlpha[0] / 2), CAP);
        double belowUpper = Normal.cdf(critical[0]);
        double belowLower = Normal.cdf(-critical[0]);
        double rejected = 1 - belowUpper + belowLower;
        double[][] decision = new double[2][looks];
        GroupSequentialProbabilities.Carried carried = null;
        for (int k = 1; k < looks; k++) {
            double reached = belowUpper - belowLower;
            decision[0][k - 1] = lower(critical[k - 1]);
            decision[1][k - 1] = upper(critical[k - 1]);
            carried = GroupSequentialProbabilities.carry(carried, decision, k - 1, rates);
            GroupSequentialProbabilities.Carried density = carried;
            double t = rates[k];
            double before = rejected;
            double target = cumulativeAlpha[k];
            UnivariateFunction excess = c ->
                    before + reached - density.below(upper(c), t) + density.below(lower(c), t) - target;
            double c;
            if (excess.value(CAP) >= 0) {
                c = CAP;
            } else if (excess.value(0) <= 0) {
                c = 0;
            } else {
                c = new BrentSolver(1e-14, 1e-13).solve(1000, excess, 0, CAP);
            }
            critical[k] = c;
            belowUpper = density.below(upper(c), t);
            belowLower = density.below(lower(c), t);
            rejected = before + reached - belowUpper + belowLower;
        }
        return critical;
    }

    /** The upper row of rpact's two-row decision matrix after its clamps. */
    static double upper(double c) {
        return Math.max(Math.min(c, CAP), GroupSequentialProbabilities.FUTILITY_BOUND_DEFAULT);
    }

    /** The lower row: −c, floored at −6 as rpact floors every two-row bound. */
    static double lower(double c) {
        return Math.max(Math.min(-c, CAP), GroupSequentialProbabilities.FUTILITY_BOUND_DEFAULT);
    }
}
