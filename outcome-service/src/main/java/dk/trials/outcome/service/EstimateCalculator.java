package dk.trials.outcome.service;

import dk.trials.outcome.OutcomeStatus;
import dk.trials.outcome.TrialPlan;
import dk.trials.outcome.statistics.CoxEfron;
import dk.trials.outcome.statistics.FollowUpTable;
import dk.trials.outcome.statistics.KaplanMeier;
import dk.trials.outcome.statistics.LogRank;
import dk.trials.outcome.statistics.RestrictedMean;
import dk.trials.outcome.statistics.RiskDifference;
import dk.trials.outcome.statistics.SurvivalCurve;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every figure of the estimates at an asOf, computed from the follow-up aggregates alone, and monitoring as it
 * stands on them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EstimateCalculator {

    private final FollowUpTables tables;
    private final OutcomeStore outcomes;
    private final EstimateMonitoring monitoring;
    private final Clock clock;

    public EstimateCalculator(FollowUpTables tables, OutcomeStore outcomes, EstimateMonitoring monitoring, Clock clock) {
        this.tables = tables;
        this.outcomes = outcomes;
        this.monitoring = monitoring;
        this.clock = clock;
    }

    /** Each arm's follow-up at asOf, per jobcentre, for the trial's arms in design order. */
    private record FollowUp(Map<String, Map<String, FollowUpTable>> byArmAndJobcentre, Map<String, FollowUpTable> byArm) {
    }

    /** An arm's Kaplan–Meier curve at asOf. */
    public record ArmSurvival(String arm, long participants, SurvivalCurve curve) {
    }

    public List<ArmSurvival> survival(TrialPlan plan, LocalDate asOf) {
        return followUp(plan, tables.tables(plan.id, asOf, plan.horizonDays)).byArm().entrySet().stream()
                .map(arm -> new ArmSurvival(arm.getKey(), arm.getValue().participants(), KaplanMeier.estimate(arm.getValue())))
                .toList();
    }

    /** The live estimates at asOf, with the formal looks' decision and the provisional monitoring figures. */
    public Estimate estimate(TrialPlan plan, LocalDate asOf) {
        Estimate figures = fromTables(plan, asOf, tables.tables(plan.id, asOf, plan.horizonDays));
        return figures.withMonitoring(monitoring.of(plan, figures));
    }

    /**
     * The estimates from given follow-up tables (arm → jobcentre → table) rather than the live aggregates: a formal
     * look computes from the tables it froze at its data cut, so reading it back gives the same figures. Monitoring
     * is null: what a look makes of the figures is the look's to say, not the live monitoring's.
     */
    public Estimate fromTables(TrialPlan plan, LocalDate asOf, Map<String, Map<String, FollowUpTable>> strata) {
        int horizon = plan.horizonDays;
        FollowUp followUp = followUp(plan, strata);
        Map<String, SurvivalCurve> curves = new LinkedHashMap<>();
        Map<String, RestrictedMean> means = new LinkedHashMap<>();
        Map<String, Estimate.Arm> arms = new LinkedHashMap<>();
        for (Map.Entry<String, FollowUpTable> entry : followUp.byArm().entrySet()) {
            FollowUpTable table = entry.getValue();
            SurvivalCurve curve = KaplanMeier.estimate(table);
            RestrictedMean rmst = RestrictedMean.of(curve, horizon);
            curves.put(entry.getKey(), curve);
            means.put(entry.getKey(), rmst);
            arms.put(entry.getKey(), EstimateFigures.arm(entry.getKey(), entry.getKey().equals(plan.controlArm),
                    table.participants(), table.totalEvents(), table.atRisk(horizon), curve, rmst, horizon));
        }

        List<Estimate.Comparison> comparisons = new ArrayList<>();
        String control = plan.controlArm;
        for (String arm : plan.experimentalArms()) {
            LogRank logRank = LogRank.test(followUp.byArm().get(control), followUp.byArm().get(arm));
            List<String> jobcentres = new ArrayList<>(jobcentres(followUp, control, arm));
            comparisons.add(new Estimate.Comparison(arm, control,
                    EstimateFigures.riskDifference(RiskDifference.at(curves.get(control), curves.get(arm), horizon),
                            arms.get(control), arms.get(arm)),
                    EstimateFigures.hazardRatio(CoxEfron.fit(followUp.byArm().get(control), followUp.byArm().get(arm)),
                            control, arm),
                    EstimateFigures.logRank(logRank, null),
                    EstimateFigures.logRank(LogRank.stratified(strata(followUp, control, arm, jobcentres, horizon)), jobcentres),
                    EstimateFigures.restrictedMeanDifference(means.get(control), means.get(arm), arms.get(control),
                            arms.get(arm))));
        }

        Estimate.OutcomeCounts counts = new Estimate.OutcomeCounts(
                outcomes.count(plan.id, OutcomeStatus.PENDING_ENROLMENT), outcomes.count(plan.id, OutcomeStatus.REJECTED));
        return new Estimate(plan.id, asOf, horizon, clock.instant(), List.copyOf(arms.values()), comparisons, null,
                counts);
    }

    private FollowUp followUp(TrialPlan plan, Map<String, Map<String, FollowUpTable>> strata) {
        Map<String, FollowUpTable> byArm = new LinkedHashMap<>();
        for (String arm : plan.arms) {
            FollowUpTable.Builder pooled = FollowUpTable.builder(plan.horizonDays);
            strata.getOrDefault(arm, Map.of()).values().forEach(pooled::add);
            byArm.put(arm, pooled.build());
        }
        return new FollowUp(strata, byArm);
    }

    /** The jobcentres where either arm has participants, in order: the strata of the stratified log-rank. */
    private static Set<String> jobcentres(FollowUp followUp, String control, String arm) {
        Set<String> jobcentres = new TreeSet<>(followUp.byArmAndJobcentre().getOrDefault(control, Map.of()).keySet());
        jobcentres.addAll(followUp.byArmAndJobcentre().getOrDefault(arm, Map.of()).keySet());
        return jobcentres;
    }

    private static List<FollowUpTable[]> strata(FollowUp followUp, String control, String arm, List<String> jobcentres,
                                                int horizon) {
        FollowUpTable empty = FollowUpTable.builder(horizon).build();
        List<FollowUpTable[]> strata = new ArrayList<>();
        for (String jobcentre : jobcentres) {
            strata.add(new FollowUpTable[]{
                    followUp.byArmAndJobcentre().getOrDefault(control, Map.of()).getOrDefault(jobcentre, empty),
                    followUp.byArmAndJobcentre().getOrDefault(arm, Map.of()).getOrDefault(jobcentre, empty)});
        }
        return strata;
    }
}
