package dk.trials.outcome.service;

import dk.trials.events.trial.ArmDesign;
import dk.trials.events.trial.ComparisonPlan;
import dk.trials.events.trial.PowerAssumptions;
import dk.trials.events.trial.TrialEventOrder;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.outcome.TrialPlan;
import dk.trials.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Trials as trial-events describe them. Every event carries the full design, so the newest one wins: the one with the
 * greater {@code trialVersion}, by the {@link TrialEventOrder} rule enrolment-service keeps for its trials too; an
 * older one (a replay, or a redelivery overtaken by a later event) is not applied, even when the clock of the
 * trial-service replica that published it ran ahead. The first event of a trial inserts its plan if absent and any
 * later one replaces it under the row's lock, so concurrent deliveries neither break the key nor race the rule.
 */
@ApplicationScoped
public class TrialPlans {

    /** Beta when the design states no power: the conventional 80 % power. */
    static final double DEFAULT_BETA = 0.2;

    private final EntityManager entityManager;
    private final RollingEstimates rolling;
    private final Clock clock;

    public TrialPlans(EntityManager entityManager, RollingEstimates rolling, Clock clock) {
        this.entityManager = entityManager;
        this.rolling = rolling;
        this.clock = clock;
    }

    /** Applies the trial as the event describes it, unless a later event already did; true if it was applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(TrialSnapshot snapshot, Instant occurredAt) {
        TrialPlan described = describe(snapshot, occurredAt);
        boolean applied = firstOfTrial(described) || replaceUnlessStale(described);
        if (applied) {
            rolling.markChangedOnCommit(described.id);
        }
        return applied;
    }

    private TrialPlan describe(TrialSnapshot snapshot, Instant occurredAt) {
        TrialPlan plan = new TrialPlan();
        plan.id = snapshot.trialId();
        plan.status = snapshot.status();
        plan.arms = snapshot.design().arms().stream().map(ArmDesign::code).toList();
        // A single-arm design (pilot, campaign) has no control to compare with; its arm is its own reference.
        plan.controlArm = snapshot.design().controlArm().orElse(snapshot.design().arms().get(0)).code();
        plan.horizonDays = snapshot.design().primaryOutcome().horizonDays();
        plan.plannedEvents = snapshot.plannedEvents();
        plan.allocationWeights = snapshot.design().arms().stream().map(ArmDesign::allocationWeight).toList();
        plan.comparisonPlannedEvents = comparisonPlannedEvents(snapshot, plan);
        plan.enrolmentStart = snapshot.design().enrolmentPeriod() == null ? null
                : snapshot.design().enrolmentPeriod().start();
        plan.familyWiseAlpha = snapshot.design().familyWiseAlpha();
        PowerAssumptions power = snapshot.design().power();
        plan.beta = power == null || power.power() == null ? DEFAULT_BETA : 1 - power.power();
        plan.monitorBy(snapshot.design().monitoringPlanOrLegacy().withDefaults(),
                snapshot.design().monitoringPlan() == null);
        plan.designHash = snapshot.designHash();
        plan.trialVersion = snapshot.trialVersion();
        plan.eventOccurredAt = occurredAt;
        plan.updatedAt = clock.instant();
        return plan;
    }

    /**
     * Each comparison's planned events (arm and control together), in the order of the experimental arms, as
     * trial-service froze them under the monitoring plan. Events published before comparison plans existed carry
     * none: every comparison then falls back to the trial's one {@code plannedEvents}, which the power calculation of
     * the time sized for one comparison with the control: the only size such an event states.
     */
    private static List<Integer> comparisonPlannedEvents(TrialSnapshot snapshot, TrialPlan plan) {
        Map<String, Integer> planned = snapshot.comparisonPlans().stream()
                .collect(Collectors.toMap(ComparisonPlan::arm, ComparisonPlan::plannedEvents, (a, b) -> a));
        if (planned.isEmpty() && snapshot.plannedEvents() == null) {
            return null;
        }
        return plan.experimentalArms().stream().map(arm -> planned.getOrDefault(arm, snapshot.plannedEvents())).toList();
    }

    /**
     * Inserts the plan's key row if the trial is not known yet (the whole plan is then written under the row's lock
     * like any later event). A concurrent first event of the same trial waits for this one to commit and then
     * inserts nothing, instead of breaking the primary key.
     */
    private boolean firstOfTrial(TrialPlan plan) {
        boolean inserted = entityManager.unwrap(Session.class).createNativeMutationQuery("""
                        insert into trial_plan (id, status, arms, control_arm, horizon_days, updated_at)
                        values (:id, :status, :arms, :controlArm, :horizonDays, :updatedAt)
                        on conflict (id) do nothing""")
                .setParameter("id", plan.id)
                .setParameter("status", plan.status.name())
                .setParameter("arms", plan.arms.toArray(String[]::new))
                .setParameter("controlArm", plan.controlArm)
                .setParameter("horizonDays", plan.horizonDays)
                .setParameter("updatedAt", plan.updatedAt)
                .executeUpdate() == 1;
        return inserted && replaceUnlessStale(plan);
    }

    /** Under the row's lock, so that two deliveries cannot interleave between the stale-event rule and the write. */
    private boolean replaceUnlessStale(TrialPlan described) {
        TrialPlan known = entityManager.find(TrialPlan.class, described.id, LockModeType.PESSIMISTIC_WRITE);
        if (!TrialEventOrder.supersedes(described.trialVersion, described.eventOccurredAt, known.trialVersion,
                known.eventOccurredAt)) {
            return false;
        }
        entityManager.merge(described);
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TrialPlan get(UUID trialId) {
        TrialPlan plan = TrialPlan.findById(trialId);
        if (plan == null) {
            throw ProblemException.notFound("No trial " + trialId + " is known to outcome-service");
        }
        return plan;
    }
}
