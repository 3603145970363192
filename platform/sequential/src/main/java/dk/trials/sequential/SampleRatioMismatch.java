package dk.trials.sequential;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Sample-ratio-mismatch check: Pearson's chi-square goodness of fit of the arm counts against the allocation weights,
 * one rule for enrolment-service's recruitment report and outcome-service's view of the same participants.
 * Flagged at p < 0.001 — strict, because it is evaluated continually on every trial and stratum, and a real fault
 * (a broken allocator, lost enrolments) produces p-values far below that. Not tested (flag false) while any expected
 * count is below 5, where the chi-square approximation does not hold. The statistic is null where it is not computed
 * (fewer than two arms, no participants) or concealed.
 */
public record SampleRatioMismatch(Double chiSquare, Integer degreesOfFreedom, Double pValue, double threshold,
                                  boolean testable, boolean flagged) {

    public static final double THRESHOLD = 0.001;
    static final double MIN_EXPECTED = 5;

    public static SampleRatioMismatch of(long[] counts, int[] weights) {
        long n = 0;
        long totalWeight = 0;
        for (int a = 0; a < counts.length; a++) {
            n += counts[a];
            totalWeight += weights[a];
        }
        if (counts.length < 2 || n == 0) {
            return new SampleRatioMismatch(null, null, null, THRESHOLD, false, false);
        }
        double chiSquare = 0;
        double leastExpected = Double.MAX_VALUE;
        for (int a = 0; a < counts.length; a++) {
            double expected = (double) n * weights[a] / totalWeight;
            leastExpected = Math.min(leastExpected, expected);
            chiSquare += (counts[a] - expected) * (counts[a] - expected) / expected;
        }
        int df = counts.length - 1;
        double p = 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(chiSquare);
        boolean testable = leastExpected >= MIN_EXPECTED;
        return new SampleRatioMismatch(chiSquare, df, p, THRESHOLD, testable, testable && p < THRESHOLD);
    }

    /** The verdict without the statistic, from which an imbalance (and so a block's state) could be worked back. */
    public SampleRatioMismatch concealed() {
        return new SampleRatioMismatch(null, null, null, threshold, testable, flagged);
    }
}
