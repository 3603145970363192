package dk.trials.sequential;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The fixed-design (single-analysis) sample-size formulas as R computes them (rpact {@code getSampleSizeRates} and
 * {@code getSampleSizeSurvival} with one look, {@code power.prop.test} at 1 : 1), with commons-math quantiles:
 * the sizes {@link SequentialSampleSize} inflates, and the one home of these formulas for every service. Arm 1 is
 * the treatment arm, {@code ratio} = n1 / n2; alpha is two-sided. Nothing here rounds.
 */
public final class FixedDesignSize {

    private static final NormalDistribution STANDARD_NORMAL =
            new NormalDistribution(null, 0, 1, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private FixedDesignSize() {
    }

    /**
     * Participants in the treatment arm (rpact {@code getSampleSizeRates}, normal approximation): the null variance
     * uses the allocation-weighted pooled rate, the alternative the unpooled rates. The control arm needs this
     * divided by {@code ratio}.
     */
    public static double treatmentParticipants(double pControl, double pTreatment, double alpha, double power, double ratio) {
        double pooled = (ratio * pTreatment + pControl) / (1 + ratio);
        double underNull = zTwoSided(alpha) * Math.sqrt(pooled * (1 - pooled) * (1 + ratio));
        double underAlternative = zPower(power)
                * Math.sqrt(pTreatment * (1 - pTreatment) + ratio * pControl * (1 - pControl));
        double difference = pTreatment - pControl;
        return square(underNull + underAlternative) / square(difference);
    }

    /** Events (in both arms together) for a log-rank test to detect {@code hazardRatio} (Schoenfeld 1983). */
    public static double events(double hazardRatio, double alpha, double power, double ratio) {
        return square(zTwoSided(alpha) + zPower(power)) * square(1 + ratio) / (ratio * square(Math.log(hazardRatio)));
    }

    /**
     * The hazard ratio that turns cumulative incidence {@code pControl} into {@code pTreatment} at the horizon under
     * proportional hazards: S_treatment = S_control^HR, so HR = ln(1 − pTreatment) / ln(1 − pControl).
     */
    public static double proportionalHazardRatio(double pControl, double pTreatment) {
        return Math.log1p(-pTreatment) / Math.log1p(-pControl);
    }

    /** z_{1−α/2}, taken as −Φ⁻¹(α/2) as R does, which keeps the tail's precision. */
    private static double zTwoSided(double alpha) {
        return -STANDARD_NORMAL.inverseCumulativeProbability(alpha / 2);
    }

    /** z_{1−β} for power 1 − β. */
    private static double zPower(double power) {
        return -STANDARD_NORMAL.inverseCumulativeProbability(1 - power);
    }

    private static double square(double x) {
        return x * x;
    }
}
