package dk.trials.sequential;

import org.apache.commons.math3.special.Erf;

/** Standard normal tails computed from erfc, so that tiny tail probabilities keep their digits. */
public final class Normal {

    /** qnorm(0.975), as R prints it to 16 digits. */
    public static final double Z_975 = 1.959963984540054;

    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private Normal() {
    }

    public static double density(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** P(Z > x). */
    public static double upperTail(double x) {
        return 0.5 * Erf.erfc(x / SQRT2);
    }

    /** P(Z <= x). */
    static double cdf(double x) {
        return upperTail(-x);
    }

    /** The z with P(Z > z) = p, by bisection on the erfc tail so that tiny p keep their digits. */
    public static double upperQuantile(double p) {
        double lo = -40;
        double hi = 40;
        while (hi - lo > 1e-15 * Math.max(1, Math.abs(hi))) {
            double mid = (lo + hi) / 2;
            if (mid == lo || mid == hi) {
                break;
            }
            if (upperTail(mid) > p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** The upper-tail p-value of a chi-square statistic with one degree of freedom: P(|Z| >= sqrt(x)). */
    public static double chiSquare1UpperTail(double x) {
        return Erf.erfc(Math.sqrt(x / 2.0));
    }
}
