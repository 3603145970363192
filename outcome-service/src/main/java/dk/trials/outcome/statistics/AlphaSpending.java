package dk.trials.outcome.statistics;

import dk.trials.sequential.Normal;

/** A cumulative alpha-spending function: the type-I error allowed to be spent by information fraction t in (0, 1]. */
@FunctionalInterface
public interface AlphaSpending {

    double spent(double informationFraction);

    /**
     * The classic two-sided Lan–DeMets O'Brien–Fleming-type function alpha*(t) = 2 − 2Φ(z_{1−alpha/2}/sqrt t)
     * (Lan and DeMets 1983), which spends all of alpha at t = 1. It is not rpact's {@code sided = 2} "asOF", which
     * spends 4 − 4Φ(z_{1−alpha/4}/sqrt t).
     */
    static AlphaSpending lanDeMetsOBrienFleming(double twoSidedAlpha) {
        double z = Normal.upperQuantile(twoSidedAlpha / 2);
        return t -> t >= 1.0 ? twoSidedAlpha : 2 * Normal.upperTail(z / Math.sqrt(t));
    }
}
