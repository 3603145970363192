package dk.trials.sequential;

/**
 * A spending family with its parameter, as a monitoring plan names it ({@code spending {family, gamma}}). γ is
 * checked against rpact's own ranges (Kim–DeMets [0.4, 8], Hwang–Shih–DeCani [−10, 5]) so that every plan accepted
 * here is one rpact can reproduce; families without a parameter take γ = NaN.
 */
public record Spending(SpendingFamily family, double gamma) {

    public Spending {
        if (family == null) {
            throw new IllegalArgumentException("a spending family is required");
        }
        if (!family.usesGamma()) {
            gamma = Double.NaN;
        } else if (family == SpendingFamily.KIM_DEMETS && !(gamma >= 0.4 && gamma <= 8)) {
            throw new IllegalArgumentException("gamma of asKD must lie in [0.4, 8], was " + gamma);
        } else if (family == SpendingFamily.HWANG_SHIH_DECANI && !(gamma >= -10 && gamma <= 5)) {
            throw new IllegalArgumentException("gamma of asHSD must lie in [-10, 5], was " + gamma);
        }
    }

    public static Spending of(SpendingFamily family) {
        return new Spending(family, Double.NaN);
    }

    /** The monitoring plan's default: rpact's O'Brien–Fleming-type {@code asOF}. */
    public static Spending obrienFleming() {
        return of(SpendingFamily.OBRIEN_FLEMING);
    }

    /** Cumulative two-sided alpha spent by information rate t in (0, 1]; all of {@code level} at t = 1. */
    public double alpha(double level, double t) {
        return family.alpha(level, checked(t), gamma);
    }

    /** Cumulative beta spent by information rate t in (0, 1]. */
    public double beta(double level, double t) {
        return family.beta(level, checked(t), gamma);
    }

    /**
     * Spending is defined on (0, 1] only: information beyond the planned maximum is handled by re-scaling the
     * looks ({@link LookSchedule#observed}), never by evaluating a family past t = 1, where rpact's formulas would
     * spend more than alpha.
     */
    private static double checked(double t) {
        if (!(t > 0 && t <= 1)) {
            throw new IllegalArgumentException("information rate must lie in (0, 1], was " + t);
        }
        return t;
    }
}
