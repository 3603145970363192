package dk.trials.sequential;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The fixed-design (single-analysis) sizes that {@link SequentialSampleSize} inflates, computed exactly as
 * trial-service's {@code PowerFormulas} computes them (same formulas, same commons-math quantiles), so that a
 * sequential size is the fixed one times the inflation factor to the last bit. Arm 1 is the treatment arm,
 * {@code ratio} = n1 / n2; alpha is two-sided. Nothing here rounds.
 */
final class FixedDesignSize {

    private static final NormalDistribution STANDARD_NORMAL =
            new NormalDistribution(null, 0, 1, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private FixedDesignSize() {
    }

    /**
     * Participants in the treatment arm (rpact {@code getSampleSizeRates}, normal approximation): the null variance
     * uses the allocation-weighted pooled rate, the alternative the unpooled rates. The control arm needs this
     * divided by {@code ratio}.
     */
    static double treatmentParticipants(double pControl, double pTreatment, double alpha, double power, double ratio) {
        double pooled = (ratio * pTreatment + pControl) / (1 + ratio);
        double underNull = zTwoSided(alpha) * Math.sqrt(pooled * (1 - pooled) * (1 + ratio));
        double underAlternative = zPower(power)
                * Math.sqrt(pTreatment * (1 - pTreatment) + ratio * pControl * (1 - pControl));
        double difference = pTreatment - pControl;
        return square(underNull + underAlternative) / square(difference);
    }

    /** Events (in both arms together) for a log-rank test to detect {@code hazardRatio} (Schoenfeld 1983). */
    static double events(double hazardRatio, double alpha, double power, double ratio) {
        return square(zTwoSided(alpha) + zPower(power)) * square(1 + ratio) / (ratio * square(Math.log(hazardRatio)));
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
