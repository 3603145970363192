package dk.trials.outcome.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Group-sequential monitoring of one trial's comparisons with the control, by the statistics of platform/sequential
 * (equal to rpact): boundaries from the plan's spending family at the observed information, Dunnett-type across
 * comparisons (Bonferroni beyond the checked number of arms), advisory futility and repeated confidence intervals.
 */
@ApplicationScoped
public class SequentialMonitor {

    /** The shared information rate of a data cut with these figures: the one its boundary is computed at. */
    public double informationRate(MonitoringRules rules, List<PriorLook> prior, List<ComparisonFigures> figures) {
        throw new UnsupportedOperationException("being written");
    }

    /** Whether a scheduled look is due on these figures: their rate passed the next planned fraction. */
    public boolean due(MonitoringRules rules, List<PriorLook> prior, List<ComparisonFigures> figures) {
        throw new UnsupportedOperationException("being written");
    }

    /**
     * The look (number prior.size() + 1) a data cut with these figures is, given the formal looks before it;
     * {@code finalLook} forces the final analysis (the trial completed short of its planned information).
     */
    public LookEvaluation evaluate(MonitoringRules rules, List<PriorLook> prior, List<ComparisonFigures> figures,
                                   boolean finalLook) {
        throw new UnsupportedOperationException("being written");
    }
}
