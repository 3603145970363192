package dk.trials.outcome.service;

import dk.trials.events.trial.ArmDesign;
import dk.trials.events.trial.TrialEventOrder;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.outcome.TrialPlan;
import dk.trials.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Trials as trial-events describe them. Every event carries the full design, so the latest one wins; an event that
 * occurred before the one applied last (a replay, or a redelivery overtaken by a later event) is older and is not
 * applied, the same rule enrolment-service keeps for its trials.
 */
@ApplicationScoped
public class TrialPlans {

    private final RollingEstimates rolling;
    private final Clock clock;

    public TrialPlans(RollingEstimates rolling, Clock clock) {
        this.rolling = rolling;
        this.clock = clock;
    }

    /** Applies the trial as the event describes it, unless a later event already did; true if it was applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(TrialSnapshot snapshot, Instant occurredAt) {
        TrialPlan known = TrialPlan.findById(snapshot.trialId());
        if (known != null && !TrialEventOrder.supersedes(occurredAt, known.eventOccurredAt)) {
            return false;
        }
        TrialPlan plan = known != null ? known : new TrialPlan();
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
        if (known == null) {
            plan.persist();
        }
        rolling.markChangedOnCommit(plan.id);
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
