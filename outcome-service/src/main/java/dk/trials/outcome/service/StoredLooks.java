package dk.trials.outcome.service;

import dk.trials.events.trial.MonitoringPlan;
import dk.trials.events.trial.TrialDesign;
import dk.trials.outcome.MonitoringLook;
import dk.trials.outcome.TrialPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The formal looks as stored, and a trial's monitoring rules from its plan: the port through which the estimates
 * learn both. Legacy looks (taken on live data before frozen cuts) count as looks taken: they spent alpha, so the
 * boundaries of later looks take them into account.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StoredLooks implements FormalLooks {

    /**
     * The rules of the trial's plan. Each comparison's planned events are those trial-service froze for it (or,
     * for a trial published before comparison plans, the trial's planned events); 0 where the trial has none (no
     * power assumptions): there is then no information fraction, and no look can be taken.
     */
    @Override
    public MonitoringRules rules(TrialPlan plan) {
        MonitoringPlan monitoring = plan.monitoringPlan();
        List<MonitoringRules.ComparisonRule> comparisons = new ArrayList<>();
        List<String> experimental = plan.experimentalArms();
        for (int i = 0; i < experimental.size(); i++) {
            Integer planned = plan.comparisonPlannedEvents != null ? plan.comparisonPlannedEvents.get(i) : plan.plannedEvents;
            comparisons.add(new MonitoringRules.ComparisonRule(experimental.get(i), plan.controlArm,
                    plan.allocationWeight(experimental.get(i)), planned == null ? 0 : planned));
        }
        return new MonitoringRules(plan.familyWiseAlpha == null ? TrialDesign.DEFAULT_ALPHA : plan.familyWiseAlpha,
                monitoring.informationFractions(), monitoring.spending().family(), monitoring.spending().gamma(),
                monitoring.futility(), plan.beta == null ? TrialPlans.DEFAULT_BETA : plan.beta,
                plan.allocationWeight(plan.controlArm), comparisons);
    }

    @Override
    public List<LookSummary> takenBy(UUID trialId, LocalDate asOf) {
        return MonitoringLook.<MonitoringLook>list("trialId = ?1 and takenOn <= ?2 order by look", trialId, asOf).stream()
                .map(StoredLooks::summary).toList();
    }

    /** Every look of the trial, in order. */
    public List<MonitoringLook> all(UUID trialId) {
        return MonitoringLook.list("trialId = ?1 order by look", trialId);
    }

    public Optional<MonitoringLook> find(UUID trialId, int number) {
        return MonitoringLook.find("trialId = ?1 and look = ?2", trialId, number).firstResultOptional();
    }

    public static LookSummary summary(MonitoringLook look) {
        return new LookSummary(look.look, look.cutDate, look.takenAt, look.informationRate, look.finalLook,
                look.decision, look.crossedArms, look.futileArms);
    }
}
