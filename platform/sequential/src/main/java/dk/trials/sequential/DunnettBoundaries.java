package dk.trials.sequential;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Group-sequential boundaries that control the family-wise error of J experimental arms each compared with one
 * control: one critical value c_k per look, shared by all comparisons, such that under the global null
 * P(max_j |Z_jk| ≥ c_k and max_j |Z_jl| &lt; c_l for all l &lt; k) = α(τ_k) − α(τ_{k−1}). The comparisons are
 * correlated through the shared control, √(w_a·w_b / ((w_a + w_0)(w_b + w_0))) within a look, √(t_l/t_k) across
 * looks and the product of both across comparisons and looks ({@link ControlPathIntegration}).
 * <p>
 * An arm whose comparison crosses stops; the others keep these boundaries, which stay valid (the boundaries were
 * computed as if every arm continued, which only makes the remaining tests conservative). The model assumes every
 * comparison's information grows in proportion (the same rates at a look); the rates passed are the looks'.
 * <p>
 * Above {@link #LARGEST_DUNNETT} comparisons the boundaries fall back to Bonferroni: each comparison its own
 * two-sided group-sequential test at α/J with the same spending function. That limit is what has been checked
 * against {@code mvtnorm::pmvnorm} ({@code src/test/r/dunnett.R}) and timed; the method itself has no such limit
 * (its cost grows with the number of distinct allocation weights, not with J). Bonferroni is conservative by
 * little when the comparisons are nearly independent and by more as the control's share grows.
 */
public final class DunnettBoundaries {

    /** The largest number of comparisons computed Dunnett-type; more fall back to Bonferroni. */
    public static final int LARGEST_DUNNETT = 4;

    /** The lattice rule's shift comes from this seed, so that boundaries are reproducible to the last digit. */
    static final long SEED = 20270301L;

    private final double controlWeight;
    private final double[] armWeights;

    private DunnettBoundaries(double controlWeight, double[] armWeights) {
        if (!(controlWeight > 0) || armWeights.length == 0) {
            throw new IllegalArgumentException("a positive control weight and at least one experimental arm are required");
        }
        for (double w : armWeights) {
            if (!(w > 0)) {
                throw new IllegalArgumentException("allocation weights must be positive");
            }
        }
        this.controlWeight = controlWeight;
        this.armWeights = armWeights.clone();
    }

    /** The comparisons of arms with these allocation weights against a control with {@code controlWeight}. */
    public static DunnettBoundaries forArms(double controlWeight, double... armWeights) {
        return new DunnettBoundaries(controlWeight, armWeights);
    }

    public int comparisons() {
        return armWeights.length;
    }

    /** Correlation of comparisons a and b within a look. */
    public double correlation(int a, int b) {
        return a == b ? 1 : Math.sqrt(share(armWeights[a]) * share(armWeights[b]));
    }

    /** Dunnett-type critical values (one comparison: the ordinary ones; more than the limit: Bonferroni). */
    public SequentialBoundaries boundaries(LookSchedule schedule) {
        int j = armWeights.length;
        if (j == 1) {
            return GroupSequentialDesign.boundaries(schedule);
        }
        if (j > LARGEST_DUNNETT) {
            return bonferroni(schedule, j);
        }
        Map<Double, Integer> groups = new LinkedHashMap<>();
        for (double w : armWeights) {
            groups.merge(share(w), 1, Integer::sum);
        }
        double[] lambda = new double[groups.size()];
        int[] multiplicity = new int[groups.size()];
        int g = 0;
        for (Map.Entry<Double, Integer> e : groups.entrySet()) {
            lambda[g] = e.getKey();
            multiplicity[g++] = e.getValue();
        }
        double[] critical = new ControlPathIntegration(lambda, multiplicity, SEED)
                .criticalValues(schedule.informationRates(), schedule.cumulativeAlpha());
        return new SequentialBoundaries(schedule, critical, SequentialBoundaries.Method.DUNNETT);
    }

    /** Each of J comparisons tested with the schedule's spending at α/J: the documented fallback. */
    public static SequentialBoundaries bonferroni(LookSchedule schedule, int comparisons) {
        double[] cumulative = schedule.cumulativeAlpha();
        for (int k = 0; k < cumulative.length; k++) {
            cumulative[k] /= comparisons;
        }
        double[] critical = TwoSidedCriticalValues.solve(schedule.informationRates(), cumulative);
        return new SequentialBoundaries(schedule, critical, SequentialBoundaries.Method.BONFERRONI);
    }

    /** λ = w / (w + w_0): the control's share of the comparison's variance, which sets the correlations. */
    private double share(double armWeight) {
        return armWeight / (armWeight + controlWeight);
    }
}
