package dk.trials.sequential;

/**
 * Two-sided critical values on the Z scale for a schedule of looks: reject at look k when |Z_k| &gt;= c_k (for
 * several comparisons, when the comparison's |Z_jk| &gt;= c_k). {@code method} says how they were found.
 */
public record SequentialBoundaries(LookSchedule schedule, double[] criticalValues, Method method) {

    public enum Method {
        /** One comparison: rpact's recursive integration. */
        SINGLE_COMPARISON,
        /** Several comparisons with a shared control: Dunnett-type, the family-wise error spent exactly. */
        DUNNETT,
        /** Several comparisons, each at alpha/J (the fallback for many arms). */
        BONFERRONI
    }

    public SequentialBoundaries {
        if (criticalValues.length != schedule.looks()) {
            throw new IllegalArgumentException("one critical value per look is required");
        }
        criticalValues = criticalValues.clone();
    }

    public double criticalValue(int look) {
        return criticalValues[look];
    }

    /** The boundary of the latest look. */
    public double current() {
        return criticalValues[criticalValues.length - 1];
    }

    @Override
    public double[] criticalValues() {
        return criticalValues.clone();
    }
}
