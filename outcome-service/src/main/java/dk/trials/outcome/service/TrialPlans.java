package dk.trials.outcome.service;

import dk.trials.events.trial.ArmDesign;
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
import java.util.UUID;

/**
 * Trials as trial-events describe them. Every event carries the full design, so the latest one wins; an event that
 * occurred before the one applied last (a replay, or a redelivery overtaken by a later event) is older and is not
 * applied, the same rule enrolment-service keeps for its trials. The first event of a trial inserts its plan if absent
 * and any later one replaces it under the row's lock, so concurrent deliveries neither break the key nor race the rule.
 */
@ApplicationScoped
public class TrialPlans {

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
        plan.designHash = snapshot.designHash();
        plan.eventOccurredAt = occurredAt;
        plan.updatedAt = clock.instant();
        return plan;
    }

    /**
     * Inserts the plan if the trial is not known yet. A concurrent first event of the same trial waits for this one
     * to commit and then inserts nothing, instead of breaking the primary key.
     */
    private boolean firstOfTrial(TrialPlan plan) {
        return entityManager.unwrap(Session.class).createNativeMutationQuery("""
                        insert into trial_plan (id, status, arms, control_arm, horizon_days, planned_events, design_hash,
                                                event_occurred_at, updated_at)
                        values (:id, :status, :arms, :controlArm, :horizonDays, :plannedEvents, :designHash,
                                :eventOccurredAt, :updatedAt)
                        on conflict (id) do nothing""")
                .setParameter("id", plan.id)
                .setParameter("status", plan.status.name())
                .setParameter("arms", plan.arms.toArray(String[]::new))
                .setParameter("controlArm", plan.controlArm)
                .setParameter("horizonDays", plan.horizonDays)
                .setParameter("plannedEvents", plan.plannedEvents, Integer.class)
                .setParameter("designHash", plan.designHash, String.class)
                .setParameter("eventOccurredAt", plan.eventOccurredAt, Instant.class)
                .setParameter("updatedAt", plan.updatedAt)
                .executeUpdate() == 1;
    }

    /** Under the row's lock, so that two deliveries cannot interleave between the stale-event rule and the write. */
    private boolean replaceUnlessStale(TrialPlan described) {
        TrialPlan known = entityManager.find(TrialPlan.class, described.id, LockModeType.PESSIMISTIC_WRITE);
        if (!TrialEventOrder.supersedes(described.eventOccurredAt, known.eventOccurredAt)) {
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
