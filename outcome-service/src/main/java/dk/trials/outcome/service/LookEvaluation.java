package dk.trials.outcome.service;

import dk.trials.outcome.MonitoringDecision;

import java.util.List;

/**
 * What a look on a data cut finds, given the formal looks before it: the shared information rate its boundary is
 * computed at, whether it is the final look (rpact's over- and under-running included), the cumulative alpha spent
 * by it, how the boundary controls the family-wise error (SINGLE for one comparison, DUNNETT, BONFERRONI) and that
 * boundary, and per comparison its own figures. The same evaluation serves a formal look (stored) and the current,
 * provisional figures between looks (not stored).
 */
public record LookEvaluation(int number, double informationRate, boolean finalLook, double alphaSpent,
                             String boundaryMethod, double boundaryZ, List<ComparisonEvaluation> comparisons) {

    public LookEvaluation {
        comparisons = List.copyOf(comparisons);
    }

    /** Efficacy once any comparison crossed, at this look or an earlier one; futility never decides. */
    public MonitoringDecision decision() {
        return comparisons.stream().anyMatch(c -> c.crossed() || c.stoppedEarlier())
                ? MonitoringDecision.EFFICACY_BOUNDARY_CROSSED : MonitoringDecision.CONTINUE;
    }

    /**
     * One comparison at this look. {@code informationFraction} is its own events over its planned events (not
     * capped at 1); {@code crossed} means |observedZ| ≥ boundaryZ at this look; {@code stoppedEarlier} that it
     * crossed at an earlier look (its figures here are then only for the record). Futility is advisory: a bound
     * with {@code futile} when |Z| fell below it (beta spending), or the conditional power under the current trend
     * (conditional power); null where the plan has none or the look has no bound. The repeated 95% confidence
     * intervals use this look's boundary; null where the estimate is not estimable.
     */
    public record ComparisonEvaluation(String arm, String versus, double informationFraction, Double observedZ,
                                       double boundaryZ, boolean crossed, boolean stoppedEarlier,
                                       Double futilityBound, Double conditionalPower, Boolean futile,
                                       List<Double> repeatedCi95HazardRatio, List<Double> repeatedCi95RiskDifference) {
    }
}
