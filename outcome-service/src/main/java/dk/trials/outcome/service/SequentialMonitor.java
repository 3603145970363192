package dk.trials.outcome.service;

import dk.trials.events.trial.FutilityPlan;
import dk.trials.sequential.FutilityBounds;
import dk.trials.sequential.LookSchedule;
import dk.trials.sequential.Normal;
import dk.trials.sequential.RepeatedConfidenceInterval;
import dk.trials.sequential.SequentialBoundaries;
import dk.trials.sequential.Spending;
import dk.trials.sequential.SpendingFamily;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Group-sequential monitoring of one trial's comparisons with the control, by the statistics of platform/sequential
 * (equal to rpact): boundaries from the plan's spending family at the observed information, Dunnett-type across
 * comparisons (Bonferroni beyond the checked number of arms), advisory futility and repeated confidence intervals.
 * <p>
 * <b>Information.</b> Each comparison's information fraction is t_j = job exits in its arm and the control / its
 * planned events, not capped at 1. A look's boundary is computed at one shared rate τ, the smallest t_j among the
 * comparisons still running (not crossed at a prior look): the Dunnett model takes every comparison's information
 * to grow in proportion, and the laggard's rate is the one that spends no alpha it has not earned. The looks'
 * schedule is the prior looks' rates and τ against a maximum of 1 ({@link LookSchedule#observed}, rpact's handling
 * at analysis time): τ ≥ 1 makes the look final with the rates re-scaled to it (over-running, never capped), and
 * {@code finalLook} makes a look below 1 final (under-running: the earlier looks keep the alpha they spent, this
 * one spends all that remains).
 * <p>
 * <b>When there is no look.</b> A look needs new information: τ must exceed the last prior look's rate. A data cut
 * where it does not (no new job exits in the laggard since the last look), a trial whose prior look reached τ ≥ 1
 * (the final look), and a trial whose comparisons all crossed are refused: {@link #evaluate} throws
 * {@link IllegalStateException} and {@link #due} answers false. A final look forced below τ = 1 is not visible in
 * a {@link PriorLook}; the caller knows it from {@link LookSummary#finalLook()} and evaluates nothing after it.
 * <p>
 * <b>Due.</b> The next planned fraction is the smallest plan fraction greater than the last prior look's rate (0
 * before the first look), so a fraction at or below it, added later by an amendment, is skipped; a scheduled look is
 * due when τ has reached it.
 * <p>
 * <b>Boundaries.</b> One critical value c_k per look, shared by the comparisons: Dunnett-type with correlations from
 * the allocation weights of all the plan's comparisons, as if all continued (an arm that crossed stops, the others
 * keep their boundaries, which only makes them conservative); one comparison the ordinary two-sided design; more
 * than {@link dk.trials.sequential.DunnettBoundaries#LARGEST_DUNNETT} comparisons Bonferroni at α/J. A running
 * comparison crosses when |Z| ≥ c_k (none without a Z); one that crossed at a prior look is reported with
 * {@code stoppedEarlier}, is not tested again and has no futility.
 * <p>
 * <b>Futility</b> (advisory, never the decision; none at a final look). Beta spending: rpact's non-binding
 * {@code typeBetaSpending} bounds ({@link dk.trials.sequential.BetaSpendingFutility}, β = 1 − power) of the design
 * whose looks are the prior looks' rates, τ, and the plan fractions above τ (the last being 1), each look's
 * efficacy boundary being this monitor's (Dunnett-type) critical value there; the comparison is futile when |Z| is
 * below this look's bound. Conditional power: the probability, under the current trend (the drift Z/√τ), that
 * |Z| at the final analysis (τ = 1) reaches that same design's final critical value,
 * Φ((Z/√τ − c_K)/√(1 − τ)) + Φ((−Z/√τ − c_K)/√(1 − τ)); futile when below the plan's threshold.
 * <p>
 * <b>Repeated confidence intervals</b> at c_k (Jennison and Turnbull): exp(log HR ± c_k·se) and RD ± c_k·se, null
 * where the estimate or its standard error is missing.
 */
@ApplicationScoped
public class SequentialMonitor {

    private final SequentialBoundaryCache cache = new SequentialBoundaryCache();

    /** The shared information rate of a data cut with these figures: the one its boundary is computed at. */
    public double informationRate(MonitoringRules rules, List<PriorLook> prior, List<ComparisonFigures> figures) {
        Set<String> stopped = stoppedArms(prior);
        List<ComparisonFigures> matched = matched(rules, figures);
        double rate = Double.POSITIVE_INFINITY;
        for (int j = 0; j < rules.comparisons().size(); j++) {
            MonitoringRules.ComparisonRule rule = rules.comparisons().get(j);
            if (!stopped.contains(rule.arm())) {
                rate = Math.min(rate, fraction(rule, matched.get(j)));
            }
        }
        if (rate == Double.POSITIVE_INFINITY) {
            throw new IllegalStateException("every comparison crossed at an earlier look: monitoring has ended");
        }
        return rate;
    }

    /** Whether a scheduled look is due on these figures: their rate passed the next planned fraction. */
    public boolean due(MonitoringRules rules, List<PriorLook> prior, List<ComparisonFigures> figures) {
        matched(rules, figures);
        double last = lastRate(prior);
        Set<String> stopped = stoppedArms(prior);
        if (last >= 1 || rules.comparisons().stream().allMatch(c -> stopped.contains(c.arm()))) {
            return false;
        }
        double rate = informationRate(rules, prior, figures);
        return rules.informationFractions().stream().filter(f -> f > last).min(Double::compare)
                .map(next -> rate >= next).orElse(false);
    }

    /**
     * The look (number prior.size() + 1) a data cut with these figures is, given the formal looks before it;
     * {@code finalLook} forces the final analysis (the trial completed short of its planned information).
     */
    public LookEvaluation evaluate(MonitoringRules rules, List<PriorLook> prior, List<ComparisonFigures> figures,
                                   boolean finalLook) {
        double last = lastRate(prior);
        if (last >= 1) {
            throw new IllegalStateException("look " + prior.size() + " was the final look");
        }
        double rate = informationRate(rules, prior, figures);
        if (!(rate > last)) {
            throw new IllegalStateException("no new information since look " + prior.size() + ": rate " + rate
                    + " does not exceed " + last);
        }
        Spending spending = spending(rules);
        double[] rates = rates(prior, rate);
        LookSchedule schedule = LookSchedule.observed(spending, rules.alpha(), rates, 1, finalLook ? 1 : 0);
        double[] weights = armWeights(rules);
        int look = rates.length - 1;
        SequentialBoundaryCache.Boundaries boundaries = cache.boundaries(schedule, rules.controlWeight(), weights);
        double boundary = boundaries.at(look);
        boolean isFinal = schedule.status().isFinal();
        Futility futility = isFinal || rules.futility() == null ? Futility.NONE
                : futility(rules, spending, weights, rates);

        Set<String> stopped = stoppedArms(prior);
        List<ComparisonFigures> matched = matched(rules, figures);
        List<LookEvaluation.ComparisonEvaluation> comparisons = new ArrayList<>();
        for (int j = 0; j < rules.comparisons().size(); j++) {
            MonitoringRules.ComparisonRule rule = rules.comparisons().get(j);
            ComparisonFigures f = matched.get(j);
            boolean stoppedEarlier = stopped.contains(rule.arm());
            boolean running = !stoppedEarlier && f.z() != null;
            boolean crossed = running && Math.abs(f.z()) >= boundary;
            Double bound = running ? futility.bound(look) : null;
            Double conditionalPower = running ? futility.conditionalPower(f.z(), rate) : null;
            Boolean futile = running ? futility.futile(look, f.z(), rate) : null;
            comparisons.add(new LookEvaluation.ComparisonEvaluation(rule.arm(), rule.versus(), fraction(rule, f),
                    f.z(), boundary, crossed, stoppedEarlier, bound, conditionalPower, futile,
                    hazardRatioInterval(f, boundary), riskDifferenceInterval(f, boundary)));
        }
        return new LookEvaluation(prior.size() + 1, rate, isFinal, schedule.cumulativeAlpha()[look],
                methodName(boundaries.method()), boundary, comparisons);
    }

    /**
     * The plan's futility at this look: beta-spending bounds or conditional power, both from the design whose looks
     * are the prior rates, this one and the plan fractions still ahead.
     */
    private Futility futility(MonitoringRules rules, Spending spending, double[] weights, double[] rates) {
        double rate = rates[rates.length - 1];
        double[] ahead = rules.informationFractions().stream().mapToDouble(Double::doubleValue)
                .filter(f -> f > rate).toArray();
        double[] extended = new double[rates.length + ahead.length];
        System.arraycopy(rates, 0, extended, 0, rates.length);
        System.arraycopy(ahead, 0, extended, rates.length, ahead.length);
        LookSchedule design = LookSchedule.planned(spending, rules.alpha(), extended);
        double[] critical = cache.boundaries(design, rules.controlWeight(), weights).criticalValues();
        FutilityPlan plan = rules.futility();
        return switch (plan.method()) {
            case BETA_SPENDING ->
                    Futility.byBetaSpending(cache.futility(extended, critical, betaSpending(plan), rules.beta()));
            case CONDITIONAL_POWER -> {
                if (plan.conditionalPowerBelow() == null) {
                    throw new IllegalArgumentException("conditional-power futility needs its threshold");
                }
                yield Futility.byConditionalPower(critical[critical.length - 1], plan.conditionalPowerBelow());
            }
        };
    }

    /** Futility as one look sees it: bounds by beta spending, conditional power against a threshold, or none. */
    private record Futility(FutilityBounds bounds, double finalCriticalValue, Double threshold) {

        static final Futility NONE = new Futility(null, Double.NaN, null);

        static Futility byBetaSpending(FutilityBounds bounds) {
            return new Futility(bounds, Double.NaN, null);
        }

        static Futility byConditionalPower(double finalCriticalValue, double threshold) {
            return new Futility(null, finalCriticalValue, threshold);
        }

        Double bound(int look) {
            if (bounds == null || Double.isNaN(bounds.bound(look))) {
                return null;
            }
            return bounds.bound(look);
        }

        Double conditionalPower(double z, double rate) {
            if (threshold == null) {
                return null;
            }
            double trend = z / Math.sqrt(rate);
            double spread = Math.sqrt(1 - rate);
            return Normal.upperTail((finalCriticalValue - trend) / spread)
                    + Normal.upperTail((finalCriticalValue + trend) / spread);
        }

        Boolean futile(int look, double z, double rate) {
            if (bounds != null) {
                return bound(look) == null ? null : bounds.futile(look, z);
            }
            return threshold == null ? null : conditionalPower(z, rate) < threshold;
        }
    }

    /** rpact's beta-spending names ("bsOF", ...) are its alpha-spending families' with "bs" for "as". */
    private static Spending betaSpending(FutilityPlan plan) {
        String family = plan.betaSpending();
        if (family == null) {
            throw new IllegalArgumentException("beta-spending futility needs its family");
        }
        String name = family.startsWith("bs") ? "as" + family.substring(2) : family;
        return new Spending(SpendingFamily.byName(name), plan.gamma() == null ? Double.NaN : plan.gamma());
    }

    private static Spending spending(MonitoringRules rules) {
        return new Spending(SpendingFamily.byName(rules.spendingFamily()),
                rules.gamma() == null ? Double.NaN : rules.gamma());
    }

    private static List<Double> hazardRatioInterval(ComparisonFigures f, double boundary) {
        if (!estimable(f.logHazardRatio(), f.logHazardRatioStandardError())) {
            return null;
        }
        RepeatedConfidenceInterval ci = RepeatedConfidenceInterval.forLogHazardRatio(f.logHazardRatio(),
                f.logHazardRatioStandardError(), boundary);
        return List.of(ci.lower(), ci.upper());
    }

    private static List<Double> riskDifferenceInterval(ComparisonFigures f, double boundary) {
        if (!estimable(f.riskDifference(), f.riskDifferenceStandardError())) {
            return null;
        }
        RepeatedConfidenceInterval ci = RepeatedConfidenceInterval.of(f.riskDifference(),
                f.riskDifferenceStandardError(), boundary);
        return List.of(ci.lower(), ci.upper());
    }

    private static boolean estimable(Double estimate, Double standardError) {
        return estimate != null && Double.isFinite(estimate) && standardError != null && standardError > 0
                && Double.isFinite(standardError);
    }

    private static String methodName(SequentialBoundaries.Method method) {
        return method == SequentialBoundaries.Method.SINGLE_COMPARISON ? "SINGLE" : method.name();
    }

    private static double fraction(MonitoringRules.ComparisonRule rule, ComparisonFigures figures) {
        return (double) figures.events() / rule.plannedEvents();
    }

    private static double[] rates(List<PriorLook> prior, double rate) {
        double[] rates = new double[prior.size() + 1];
        for (int k = 0; k < prior.size(); k++) {
            rates[k] = prior.get(k).informationRate();
        }
        rates[prior.size()] = rate;
        return rates;
    }

    private static double lastRate(List<PriorLook> prior) {
        return prior.isEmpty() ? 0 : prior.get(prior.size() - 1).informationRate();
    }

    private static Set<String> stoppedArms(List<PriorLook> prior) {
        return prior.stream().flatMap(p -> p.crossedArms().stream()).collect(Collectors.toSet());
    }

    private static double[] armWeights(MonitoringRules rules) {
        return rules.comparisons().stream().mapToDouble(MonitoringRules.ComparisonRule::allocationWeight).toArray();
    }

    /** The figures of each of the plan's comparisons, in the plan's order; every comparison must have its own. */
    private static List<ComparisonFigures> matched(MonitoringRules rules, List<ComparisonFigures> figures) {
        if (rules.comparisons().isEmpty()) {
            throw new IllegalArgumentException("the monitoring plan has no comparison");
        }
        return IntStream.range(0, rules.comparisons().size()).mapToObj(j -> {
            MonitoringRules.ComparisonRule rule = rules.comparisons().get(j);
            if (rule.plannedEvents() <= 0) {
                throw new IllegalArgumentException("comparison " + rule.arm() + " vs " + rule.versus()
                        + " has no planned events");
            }
            return figures.stream().filter(f -> f.arm().equals(rule.arm()) && f.versus().equals(rule.versus()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no figures for comparison "
                            + rule.arm() + " vs " + rule.versus()));
        }).toList();
    }
}
