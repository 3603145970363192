package dk.trials.sequential;

/**
 * Repeated confidence intervals (Jennison and Turnbull 1989): at a look with two-sided critical value c_k the
 * interval estimate ± c_k·se covers the true effect at every look simultaneously with probability 1 − α, so a
 * committee may read it at any look, unlike the fixed-sample 95% interval (estimate ± 1.96·se), which keeps its
 * own meaning. For a log hazard ratio the interval is formed on the log scale and exponentiated; rpact's
 * {@code getAnalysisResults} for a survival design gives exactly this with estimate = Z·se from the log-rank
 * statistic and se = (1 + r)/√(r·D) (D events, allocation ratio r). With several comparisons, c_k is the
 * Dunnett-type (or Bonferroni) boundary the comparison is tested against.
 */
public record RepeatedConfidenceInterval(double lower, double upper) {

    public RepeatedConfidenceInterval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("lower must not exceed upper");
        }
    }

    /** estimate ± c·se, e.g. a risk difference with its Greenwood-based se. */
    public static RepeatedConfidenceInterval of(double estimate, double standardError, double criticalValue) {
        check(standardError, criticalValue);
        return new RepeatedConfidenceInterval(estimate - criticalValue * standardError, estimate + criticalValue * standardError);
    }

    /** A hazard ratio's interval from its log and the log's se: exp(log HR ± c·se). */
    public static RepeatedConfidenceInterval forLogHazardRatio(double logHazardRatio, double standardError, double criticalValue) {
        RepeatedConfidenceInterval log = of(logHazardRatio, standardError, criticalValue);
        return new RepeatedConfidenceInterval(Math.exp(log.lower), Math.exp(log.upper));
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    private static void check(double standardError, double criticalValue) {
        if (!(standardError > 0) || !(criticalValue > 0) || Double.isInfinite(standardError)) {
            throw new IllegalArgumentException("a positive finite standard error and critical value are required");
        }
    }
}
