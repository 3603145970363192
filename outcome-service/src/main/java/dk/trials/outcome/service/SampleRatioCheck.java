package dk.trials.outcome.service;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The sample-ratio check of a trial's allocations as outcome-service holds them: Pearson's chi-square goodness of fit
 * of the participants per arm against the allocation weights, flagged at p &lt; 0.001 and not tested while any expected
 * count is below 5, the same rule as enrolment-service's recruitment report, so that the dashboard and that report
 * agree on the same participants. The statistic is null where it is not computed (fewer than two arms, nobody yet).
 */
public record SampleRatioCheck(Double chiSquare, Integer degreesOfFreedom, Double pValue, double threshold,
                               boolean testable, boolean flagged) {

    public static final double THRESHOLD = 0.001;
    private static final double MIN_EXPECTED = 5;

    public static SampleRatioCheck of(long[] counts, int[] weights) {
        long n = 0;
        long totalWeight = 0;
        for (int a = 0; a < counts.length; a++) {
            n += counts[a];
            totalWeight += weights[a];
        }
        if (counts.length < 2 || n == 0) {
            return new SampleRatioCheck(null, null, null, THRESHOLD, false, false);
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
        return new SampleRatioCheck(chiSquare, df, p, THRESHOLD, testable, testable && p < THRESHOLD);
    }
}
