package dk.trials.outcome.service;

import dk.trials.outcome.OutcomeStatus;
import dk.trials.outcome.TrialPlan;
import dk.trials.outcome.mapping.EstimateMapper;
import dk.trials.outcome.rest.EstimateResponse;
import dk.trials.outcome.statistics.CoxEfron;
import dk.trials.outcome.statistics.FollowUpTable;
import dk.trials.outcome.statistics.KaplanMeier;
import dk.trials.outcome.statistics.LogRank;
import dk.trials.outcome.statistics.RestrictedMean;
import dk.trials.outcome.statistics.RiskDifference;
import dk.trials.outcome.statistics.SurvivalCurve;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Every figure of the estimates at an asOf, computed from the follow-up aggregates alone. */
@ApplicationScoped
public class EstimateCalculator {

    private static final java.time.ZoneId COPENHAGEN = java.time.ZoneId.of("Europe/Copenhagen");

    private final FollowUpStore followUps;
    private final OutcomeStore outcomes;
    private final EstimateMapper mapper;
    private final GroupSequentialMonitoring monitoring;

    public EstimateCalculator(FollowUpStore followUps, OutcomeStore outcomes, EstimateMapper mapper,
                              GroupSequentialMonitoring monitoring) {
        this.followUps = followUps;
        this.outcomes = outcomes;
        this.mapper = mapper;
        this.monitoring = monitoring;
    }

    /** Each arm's follow-up at asOf, per jobcentre, for the trial's arms in design order. */
    public record FollowUp(Map<String, Map<String, FollowUpTable>> byArmAndJobcentre, Map<String, FollowUpTable> byArm) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FollowUp followUp(TrialPlan plan, LocalDate asOf) {
        Map<String, Map<String, FollowUpTable>> strata = followUps.tables(plan.id, asOf, plan.horizonDays,
                LocalDate.now(COPENHAGEN));
        Map<String, FollowUpTable> byArm = new LinkedHashMap<>();
        for (String arm : plan.arms) {
            FollowUpTable.Builder pooled = FollowUpTable.builder(plan.horizonDays);
            strata.getOrDefault(arm, Map.of()).values().forEach(pooled::add);
            byArm.put(arm, pooled.build());
        }
        return new FollowUp(strata, byArm);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EstimateResponse estimate(TrialPlan plan, LocalDate asOf) {
        int horizon = plan.horizonDays;
        FollowUp followUp = followUp(plan, asOf);
        Map<String, SurvivalCurve> curves = new LinkedHashMap<>();
        Map<String, RestrictedMean> means = new LinkedHashMap<>();
        List<EstimateResponse.ArmEstimate> arms = new ArrayList<>();
        long events = 0;
        for (Map.Entry<String, FollowUpTable> entry : followUp.byArm().entrySet()) {
            FollowUpTable table = entry.getValue();
            SurvivalCurve curve = KaplanMeier.estimate(table);
            RestrictedMean rmst = RestrictedMean.of(curve, horizon);
            curves.put(entry.getKey(), curve);
            means.put(entry.getKey(), rmst);
            events += table.totalEvents();
            arms.add(mapper.arm(entry.getKey(), entry.getKey().equals(plan.controlArm), table.participants(),
                    table.totalEvents(), table.atRisk(horizon), curve, rmst, horizon));
        }

        List<EstimateResponse.Comparison> comparisons = new ArrayList<>();
        String control = plan.controlArm;
        for (String arm : plan.experimentalArms()) {
            LogRank logRank = LogRank.test(followUp.byArm().get(control), followUp.byArm().get(arm));
            List<String> jobcentres = new ArrayList<>(new TreeSet<>(union(followUp, control, arm)));
            comparisons.add(new EstimateResponse.Comparison(arm, control,
                    mapper.riskDifference(RiskDifference.at(curves.get(control), curves.get(arm), horizon)),
                    mapper.hazardRatio(CoxEfron.fit(followUp.byArm().get(control), followUp.byArm().get(arm))),
                    mapper.logRank(logRank, null),
                    mapper.logRank(LogRank.stratified(strata(followUp, control, arm, jobcentres, horizon)), jobcentres),
                    mapper.restrictedMeanDifference(means.get(control), means.get(arm))));
        }

        EstimateResponse.Monitoring status = monitoring.status(plan, events, comparisons,
                GroupSequentialMonitoring.looksUntil(plan.id, asOf));
        EstimateResponse.OutcomeCounts counts = new EstimateResponse.OutcomeCounts(
                outcomes.count(plan.id, OutcomeStatus.PENDING_ENROLMENT), outcomes.count(plan.id, OutcomeStatus.REJECTED));
        return new EstimateResponse(plan.id, asOf, horizon, Instant.now(), arms, comparisons, status, counts);
    }

    private static java.util.Set<String> union(FollowUp followUp, String control, String arm) {
        java.util.Set<String> jobcentres = new TreeSet<>(followUp.byArmAndJobcentre().getOrDefault(control, Map.of()).keySet());
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
