package dk.trials.outcome.service;

import dk.trials.events.trial.FutilityPlan;

import java.util.List;

/**
 * A trial's monitoring plan as the sequential monitor applies it, taken from the frozen design and sizes of its
 * trial events: the two-sided family-wise {@code alpha}, the planned information fractions (the last is 1), the
 * alpha-spending family by its rpact name with γ where it takes one, advisory futility (null for none) with the
 * design's {@code beta} = 1 − power, the control's allocation weight, and each comparison with its arm's weight and
 * its planned events (arm and control together: the comparison's maximum information).
 */
public record MonitoringRules(double alpha, List<Double> informationFractions, String spendingFamily, Double gamma,
                              FutilityPlan futility, double beta, double controlWeight,
                              List<ComparisonRule> comparisons) {

    public MonitoringRules {
        informationFractions = List.copyOf(informationFractions);
        comparisons = List.copyOf(comparisons);
    }

    /** One arm compared with the control. */
    public record ComparisonRule(String arm, String versus, double allocationWeight, int plannedEvents) {
    }
}
