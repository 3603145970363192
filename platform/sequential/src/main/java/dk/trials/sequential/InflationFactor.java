package dk.trials.sequential;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The inflation factor of a two-sided group-sequential design, as rpact 3.3.4's
 * {@code getDesignCharacteristics(design)$inflationFactor}: the maximum information the design needs for power
 * 1 − β, relative to a single analysis at the same level. rpact finds the squared drift δ² (its {@code shift})
 * at which the probability of rejecting upwards at some look is 1 − β ({@code twoSidedPower = FALSE}), with Z_k
 * of mean √(δ²·t_k) and the design's critical values (capped at 7.5), and returns δ² / (z_{1−α/2} + z_{1−β})².
 * With non-binding futility by beta spending, futility stops count as stops under the alternative (the power lost
 * to them is bought back), with no bound (0) where rpact has none. rpact's sample sizes for a design
 * ({@code getSampleSizeSurvival}, {@code getSampleSizeRates}) are the fixed-design ones times this factor.
 */
final class InflationFactor {

    private static final double CRITICAL_VALUE_CAP = 7.5;

    private InflationFactor() {
    }

    static double of(SequentialDesign design, double alpha, double power) {
        double[] rates = design.informationRates();
        int looks = rates.length;
        if (looks == 1) {
            return 1;
        }
        double zAlpha = Normal.upperQuantile(alpha / 2);
        double zBeta = Normal.upperQuantile(1 - power);
        double fixed = (zAlpha + zBeta) * (zAlpha + zBeta);
        double[] cumulative = new double[looks];
        Spending spending = design.spending();
        for (int k = 0; k < looks; k++) {
            cumulative[k] = spending.alpha(alpha, rates[k]);
        }
        double[] critical = TwoSidedCriticalValues.solve(rates, cumulative);
        double[] futility = new double[looks];
        boolean withFutility = design.betaSpending() != null;
        if (withFutility) {
            FutilityBounds bounds = BetaSpendingFutility.of(rates, critical, design.betaSpending(), 1 - power);
            for (int k = 0; k < looks - 1; k++) {
                futility[k] = Double.isNaN(bounds.bound(k)) ? 0 : bounds.bound(k);
            }
        }
        for (int k = 0; k < looks; k++) {
            critical[k] = Math.min(critical[k], CRITICAL_VALUE_CAP);
        }
        UnivariateFunction shortfall = shift -> upperRejection(rates, critical, futility, withFutility, shift) - power;
        double upper = 4 * fixed;
        double shift = new BrentSolver(1e-13, 1e-13).solve(1000, shortfall, 0, upper);
        return shift / fixed;
    }

    /** P(reject upwards at some look) when Z_k has mean √(shift·t_k). */
    private static double upperRejection(double[] rates, double[] critical, double[] futility, boolean withFutility,
                                         double shift) {
        int looks = rates.length;
        double[][] d = new double[withFutility ? 4 : 2][looks];
        for (int k = 0; k < looks; k++) {
            double drift = Math.sqrt(shift * rates[k]);
            if (withFutility) {
                d[0][k] = -critical[k] - drift;
                d[1][k] = -futility[k] - drift;
                d[2][k] = futility[k] - drift;
                d[3][k] = critical[k] - drift;
            } else {
                d[0][k] = -critical[k] - drift;
                d[1][k] = critical[k] - drift;
            }
        }
        double[][] probs = GroupSequentialProbabilities.of(d, rates);
        int last = d.length;
        double rejected = 0;
        for (int k = 0; k < looks; k++) {
            rejected += probs[last][k] - probs[last - 1][k];
        }
        return rejected;
    }
}
