package dk.trials.sequential;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Non-binding futility bounds by beta spending for a two-sided design, as rpact 3.3.4 computes them for
 * {@code getDesignGroupSequential(sided = 2, typeBetaSpending = ..., bindingFutility = FALSE)} with its defaults
 * {@code betaAdjustment = TRUE} and {@code twoSidedPower = FALSE} (C++ {@code getDesignGroupSequentialBetaSpendingTwoSidedCpp};
 * rpact calls the two-sided beta-spending approach experimental). Futility at look k means |Z_k| &lt; u_k. The
 * efficacy boundaries are those of the alpha-spending design and do not move (non-binding: they were computed as if
 * nobody ever stopped for futility, so ignoring a futility stop never inflates the type-I error).
 * <p>
 * With the drift θ of the alternative (rpact's {@code shift}, on the scale of Z at full information), u_k makes
 * the probability under θ of stopping for futility at or before look k equal the cumulative beta spent there;
 * θ is the drift at which the last look's futility bound meets its critical value. Looks where the corresponding
 * one-sided design (alpha/2, same beta spending) would have a negative futility bound get u_k = 0, spend no beta,
 * and the spending of the later looks is rescaled to still reach β ("betaAdjustment"). Bounds at or below 1e-5
 * are reported as none (NaN), as rpact reports NA. Advisory in monitoring (futility never decides there); in
 * sizing it serves the inflation factor of a design with futility ({@link InflationFactor}).
 */
public final class BetaSpendingFutility {

    private static final double CAP = GroupSequentialProbabilities.UPPER_BOUND_DEFAULT;

    private BetaSpendingFutility() {
    }

    /** Futility at looks 1 … K − 1 of a design with these rates and (two-sided) critical values. */
    public static FutilityBounds of(double[] rates, double[] criticalValues, Spending betaSpending, double beta) {
        int looks = rates.length;
        if (looks < 2 || criticalValues.length != looks) {
            throw new IllegalArgumentException("futility needs at least two looks and one critical value per look");
        }
        double[] spent = new double[looks];
        for (int k = 0; k < looks; k++) {
            spent[k] = betaSpending.beta(beta, rates[k]);
        }
        double[] oneSided = oneSidedBounds(rates, criticalValues, spent);
        double[] target = adjusted(spent, oneSided);
        UnivariateFunction gap = shift -> criticalValues[looks - 1] - twoSidedBounds(rates, criticalValues, target, oneSided, shift)[looks - 1];
        double shift = bisection(gap, -4, 10);
        double[] bounds = twoSidedBounds(rates, criticalValues, target, oneSided, shift);
        double[][] probs = probabilities(rates, criticalValues, bounds, shift);
        double[] betaSpent = new double[looks];
        double[] power = new double[looks];
        double futility = 0;
        double rejected = 0;
        for (int k = 0; k < looks; k++) {
            futility += probs[2][k] - probs[1][k];
            rejected += probs[4][k] - probs[3][k];
            betaSpent[k] = futility;
            power[k] = rejected;
        }
        double[] reported = new double[looks - 1];
        for (int k = 0; k < looks - 1; k++) {
            reported[k] = bounds[k] <= 1e-5 ? Double.NaN : bounds[k];
        }
        return new FutilityBounds(reported, shift, betaSpent, power);
    }

    /**
     * The one-sided design's futility bounds (rpact {@code getDesignGroupSequentialBetaSpendingOneSidedCpp}, run by
     * the two-sided one only to see where they are negative): futility when Z_k &lt; u_k, drift solved so that the
     * last bound meets the last critical value.
     */
    static double[] oneSidedBounds(double[] rates, double[] critical, double[] spent) {
        int looks = rates.length;
        UnivariateFunction gap = shift -> oneSidedBoundsAt(rates, critical, spent, shift)[looks - 1] - critical[looks - 1];
        double shift = root(gap, -4, 10);
        double[] bounds = oneSidedBoundsAt(rates, critical, spent, shift);
        double[] interim = new double[looks - 1];
        System.arraycopy(bounds, 0, interim, 0, looks - 1);
        return interim;
    }

    private static double[] oneSidedBoundsAt(double[] rates, double[] critical, double[] spent, double shift) {
        int looks = rates.length;
        double[] bounds = new double[looks];
        bounds[0] = -Normal.upperQuantile(spent[0]) + Math.sqrt(rates[0]) * shift;
        double[][] d = new double[2][looks];
        double cumulative = Normal.cdf(Math.min(bounds[0] - Math.sqrt(rates[0]) * shift, CAP));
        GroupSequentialProbabilities.Carried carried = null;
        for (int k = 1; k < looks; k++) {
            d[0][k - 1] = Math.max(bounds[k - 1] - Math.sqrt(rates[k - 1]) * shift, GroupSequentialProbabilities.FUTILITY_BOUND_DEFAULT);
            d[1][k - 1] = Math.max(critical[k - 1] - Math.sqrt(rates[k - 1]) * shift, GroupSequentialProbabilities.FUTILITY_BOUND_DEFAULT);
            carried = GroupSequentialProbabilities.carry(carried, d, k - 1, rates);
            GroupSequentialProbabilities.Carried density = carried;
            double t = rates[k];
            double before = cumulative;
            double a = Math.sqrt(t) * shift;
            double goal = spent[k];
            UnivariateFunction excess = u -> goal - before
                    - density.below(Math.max(u - a, GroupSequentialProbabilities.FUTILITY_BOUND_DEFAULT), t);
            bounds[k] = bisection(excess, -6, 5);
            cumulative = before + density.below(Math.max(bounds[k] - a, GroupSequentialProbabilities.FUTILITY_BOUND_DEFAULT), t);
        }
        return bounds;
    }

    /** rpact's {@code getAdjustedBetaSpendingValues} with betaAdjustment: nothing spent where no bound can be set. */
    static double[] adjusted(double[] spent, double[] oneSided) {
        int first = -1;
        for (int k = 0; k < oneSided.length; k++) {
            if (oneSided[k] > 0) {
                first = k;
                break;
            }
        }
        if (first <= 0) {
            return spent.clone();
        }
        int looks = spent.length;
        double[] adjusted = spent.clone();
        for (int k = 0; k < first; k++) {
            adjusted[k] = 0;
        }
        double base = spent[first - 1];
        for (int k = first - 1; k < looks; k++) {
            adjusted[k] = (spent[k] - base) / (spent[looks - 1] - base) * spent[looks - 1];
        }
        return adjusted;
    }

    /** The two-sided bounds u_1 … u_K for a drift: each spends the cumulative beta at its look under that drift. */
    private static double[] twoSidedBounds(double[] rates, double[] critical, double[] spent, double[] oneSided, double shift) {
        int looks = rates.length;
        double[] bounds = new double[looks];
        double a0 = Math.sqrt(rates[0]) * shift;
        UnivariateFunction first = u -> Normal.cdf(u - a0) - Normal.cdf(-u - a0) - spent[0];
        double u0 = first.value(-8) * first.value(8) > 0 ? 8 : new BrentSolver(1e-14, 1e-14).solve(1000, first, -8, 8);
        u0 = Math.min(u0, critical[0]);
        bounds[0] = oneSided[0] < 0 ? 0 : u0;
        double cumulative = Normal.cdf(bounds[0] - a0) - Normal.cdf(-bounds[0] - a0);
        double[][] d = new double[4][looks];
        GroupSequentialProbabilities.Carried carried = null;
        for (int k = 1; k < looks; k++) {
            setColumn(d, k - 1, critical[k - 1], bounds[k - 1], Math.sqrt(rates[k - 1]) * shift);
            carried = GroupSequentialProbabilities.carry(carried, d, k - 1, rates);
            GroupSequentialProbabilities.Carried density = carried;
            double t = rates[k];
            double a = Math.sqrt(t) * shift;
            double c = critical[k];
            boolean none = k < oneSided.length && oneSided[k] < 0;
            double before = cumulative;
            double goal = spent[k];
            UnivariateFunction excess = scale -> {
                double u = none ? 0 : Math.min(scale, c);
                return goal - before - (density.below(clamp(u - a), t) - density.below(clamp(-u - a), t));
            };
            double u = none ? 0 : Math.min(root(excess, -6, 5), c);
            bounds[k] = u;
            cumulative = before + density.below(clamp(u - a), t) - density.below(clamp(-u - a), t);
        }
        return bounds;
    }

    /** rpact's four-row probabilities for critical values and futility bounds under a drift. */
    static double[][] probabilities(double[] rates, double[] critical, double[] bounds, double shift) {
        int looks = rates.length;
        double[][] d = new double[4][looks];
        for (int k = 0; k < looks; k++) {
            double a = Math.sqrt(rates[k]) * shift;
            double u = k < bounds.length ? bounds[k] : 0;
            d[0][k] = -critical[k] - a;
            d[1][k] = -u - a;
            d[2][k] = u - a;
            d[3][k] = critical[k] - a;
        }
        return GroupSequentialProbabilities.of(d, rates);
    }

    private static void setColumn(double[][] d, int k, double c, double u, double a) {
        d[0][k] = clamp(-c - a);
        d[1][k] = clamp(-u - a);
        d[2][k] = clamp(u - a);
        d[3][k] = clamp(c - a);
    }

    /** rpact's clamps of a four-row decision matrix: to [−8, 8]. */
    private static double clamp(double x) {
        return Math.max(Math.min(x, CAP), -CAP);
    }

    /** A root of a decreasing function in [lower, upper], or the end nearer to one if there is none. */
    private static double root(UnivariateFunction f, double lower, double upper) {
        double fl = f.value(lower);
        double fu = f.value(upper);
        if (fl * fu > 0) {
            return Math.abs(fl) < Math.abs(fu) ? lower : upper;
        }
        return new BrentSolver(1e-14, 1e-14).solve(1000, f, lower, upper);
    }

    /** rpact's {@code bisection2}: halves [lower, upper] keeping f &gt; 0 to the left, to a width of 1e-13. */
    private static double bisection(UnivariateFunction f, double lower, double upper) {
        double value = (lower + upper) / 2;
        while (upper - lower > 1e-13) {
            value = (lower + upper) / 2;
            if (f.value(value) > 0) {
                lower = value;
            } else {
                upper = value;
            }
        }
        return value;
    }
}
