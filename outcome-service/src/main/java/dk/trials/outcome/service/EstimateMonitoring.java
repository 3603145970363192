package dk.trials.outcome.service;

import dk.trials.outcome.MonitoringDecision;
import dk.trials.outcome.TrialPlan;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monitoring of an estimate's figures: the decision from the formal looks taken by its asOf (never from these
 * figures), and the figures a data cut now would give as a look, evaluated by the {@link SequentialMonitor} and not
 * stored. Looking at them any day therefore spends no alpha: they are provisional until a formal look freezes a cut.
 */
@ApplicationScoped
public class EstimateMonitoring {

    private static final Comparator<MonitoringStatus.ComparisonStatus> CLOSEST_TO_ITS_BOUNDARY =
            Comparator.<MonitoringStatus.ComparisonStatus>comparingInt(
                            c -> c.decision() == MonitoringDecision.EFFICACY_BOUNDARY_CROSSED ? 0 : 1)
                    .thenComparing(EstimateMonitoring::nearness, Comparator.reverseOrder());

    private final FormalLooks looks;
    private final SequentialMonitor monitor;

    public EstimateMonitoring(FormalLooks looks, SequentialMonitor monitor) {
        this.looks = looks;
        this.monitor = monitor;
    }

    /** Monitoring on these figures, given the trial's plan and the formal looks taken on or before their asOf. */
    public MonitoringStatus of(TrialPlan plan, Estimate figures) {
        return status(looks.rules(plan), looks.takenBy(plan.id, figures.asOf()), ComparisonFigures.of(figures));
    }

    /** A look a cut now would be, or why there is none. */
    private record Provisional(LookEvaluation evaluation, String reason) {
    }

    /**
     * Monitoring as a formal look found it, for the look's point in the history: the look's own figures (not
     * provisional) and the decision of the looks up to and including it ({@code takenWithIt} ends with it).
     */
    public MonitoringStatus atLook(MonitoringRules rules, List<LookSummary> takenWithIt, LookEvaluation evaluation,
                                   List<ComparisonFigures> figures) {
        return assemble(false, rules, takenWithIt, figures, evaluation, null);
    }

    MonitoringStatus status(MonitoringRules rules, List<LookSummary> taken, List<ComparisonFigures> figures) {
        Provisional provisional = provisional(rules, taken, figures);
        return assemble(true, rules, taken, figures, provisional.evaluation(), provisional.reason());
    }

    private static MonitoringStatus assemble(boolean provisional, MonitoringRules rules, List<LookSummary> taken,
                                             List<ComparisonFigures> figures, LookEvaluation look, String reason) {
        Optional<LookSummary> last = last(taken);
        Map<String, LookEvaluation.ComparisonEvaluation> evaluated = look == null ? Map.of()
                : look.comparisons().stream()
                .collect(Collectors.toMap(LookEvaluation.ComparisonEvaluation::arm, Function.identity()));
        Map<String, MonitoringRules.ComparisonRule> planned = rules.comparisons().stream()
                .collect(Collectors.toMap(MonitoringRules.ComparisonRule::arm, Function.identity()));
        Set<String> crossed = taken.stream().flatMap(l -> l.crossedArms().stream()).collect(Collectors.toSet());
        List<MonitoringStatus.ComparisonStatus> comparisons = figures.stream()
                .map(f -> comparison(rules, taken, f, planned.get(f.arm()), evaluated.get(f.arm()), crossed.contains(f.arm())))
                .toList();
        MonitoringStatus.ComparisonStatus top = comparisons.stream().min(CLOSEST_TO_ITS_BOUNDARY).orElse(null);
        return new MonitoringStatus(provisional, reason,
                top == null ? null : top.informationFraction(), top == null ? null : top.boundaryZ(),
                top == null ? null : top.observedZ(),
                crossed.isEmpty() ? MonitoringDecision.CONTINUE : MonitoringDecision.EFFICACY_BOUNDARY_CROSSED,
                top == null ? null : top.arm(), top == null ? null : top.plannedEvents(),
                top == null ? null : top.observedEvents(), top == null ? null : top.futility(),
                look == null ? null : look.informationRate(), rules.alpha(), look == null ? null : look.alphaSpent(),
                new MonitoringStatus.Spending(rules.spendingFamily(), rules.gamma()),
                look == null ? null : look.boundaryMethod(), taken.size(),
                last.map(l -> new MonitoringStatus.LastLook(l.number(), l.cutDate(), l.takenAt(), l.decision())).orElse(null),
                nextLookAt(rules, last, crossed), comparisons);
    }

    private static Optional<LookSummary> last(List<LookSummary> taken) {
        return taken.isEmpty() ? Optional.empty() : Optional.of(taken.get(taken.size() - 1));
    }

    private Provisional provisional(MonitoringRules rules, List<LookSummary> taken, List<ComparisonFigures> figures) {
        Optional<LookSummary> last = last(taken);
        if (rules.comparisons().isEmpty()) {
            return new Provisional(null, "the trial has no comparison with a control arm to monitor");
        }
        if (rules.comparisons().stream().anyMatch(c -> c.plannedEvents() <= 0)) {
            return new Provisional(null, "the design plans no events (it has no power assumptions), "
                    + "so there is no information fraction to monitor");
        }
        if (last.isPresent() && last.get().finalLook()) {
            return new Provisional(null, "look " + last.get().number() + " was the final look: its decision stands "
                    + "and nothing further is monitored");
        }
        try {
            return new Provisional(monitor.evaluate(rules, taken.stream().map(LookSummary::prior).toList(), figures,
                    false), null);
        } catch (IllegalStateException noLook) {
            // The monitor refuses a cut that would be no look: no information since the last one (none at all
            // before the first job exits), or every comparison already crossed.
            return new Provisional(null, taken.isEmpty()
                    ? "no information yet: a comparison has no job exit in its arm or the control"
                    : noLook.getMessage());
        }
    }

    private static MonitoringStatus.ComparisonStatus comparison(MonitoringRules rules, List<LookSummary> taken,
                                                                ComparisonFigures figures,
                                                                MonitoringRules.ComparisonRule rule,
                                                                LookEvaluation.ComparisonEvaluation evaluated,
                                                                boolean crossed) {
        Integer plannedEvents = rule == null || rule.plannedEvents() <= 0 ? null : rule.plannedEvents();
        Double fraction = evaluated != null ? Double.valueOf(evaluated.informationFraction())
                : plannedEvents == null ? null : (double) figures.events() / plannedEvents;
        return new MonitoringStatus.ComparisonStatus(figures.arm(), figures.versus(), fraction,
                evaluated == null ? null : evaluated.boundaryZ(), figures.z(),
                crossed ? MonitoringDecision.EFFICACY_BOUNDARY_CROSSED : MonitoringDecision.CONTINUE,
                plannedEvents, figures.events(), futility(rules, taken, figures.arm(), evaluated),
                evaluated == null ? null : evaluated.repeatedCi95HazardRatio(),
                evaluated == null ? null : evaluated.repeatedCi95RiskDifference());
    }

    private static MonitoringStatus.Futility futility(MonitoringRules rules, List<LookSummary> taken, String arm,
                                                      LookEvaluation.ComparisonEvaluation evaluated) {
        if (rules.futility() == null) {
            return null;
        }
        Integer flaggedAtLook = taken.stream().filter(l -> l.futileArms().contains(arm))
                .map(LookSummary::number).reduce((first, second) -> second).orElse(null);
        return new MonitoringStatus.Futility(rules.futility().method().name(),
                evaluated == null ? null : evaluated.futilityBound(),
                evaluated == null ? null : evaluated.conditionalPower(),
                evaluated == null ? null : evaluated.futile(), flaggedAtLook);
    }

    /** The smallest planned fraction above the last look's rate; none after the final look or once all crossed. */
    private static Double nextLookAt(MonitoringRules rules, Optional<LookSummary> last, Set<String> crossed) {
        boolean ended = last.map(LookSummary::finalLook).orElse(false) || (!rules.comparisons().isEmpty()
                && rules.comparisons().stream().allMatch(c -> crossed.contains(c.arm())));
        if (ended) {
            return null;
        }
        double lastRate = last.map(LookSummary::informationRate).orElse(0.0);
        return rules.informationFractions().stream().filter(f -> f > lastRate).min(Double::compare).orElse(null);
    }

    /** |Z| over its boundary where there is one, else |Z|; a comparison without Z is the farthest. */
    private static double nearness(MonitoringStatus.ComparisonStatus c) {
        if (c.observedZ() == null) {
            return -1;
        }
        return c.boundaryZ() == null ? Math.abs(c.observedZ()) : Math.abs(c.observedZ()) / c.boundaryZ();
    }
}
