package dk.trials.outcome.service;

import dk.trials.events.trial.ArmDesign;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.platform.problem.ProblemException;
import dk.trials.outcome.TrialPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Trials as trial-events describe them; every event carries the full design, so the latest one wins. */
@ApplicationScoped
public class TrialPlans {

    private final RollingEstimates rolling;

    public TrialPlans(RollingEstimates rolling) {
        this.rolling = rolling;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(TrialSnapshot snapshot) {
        TrialPlan known = TrialPlan.findById(snapshot.trialId());
        TrialPlan plan = known != null ? known : new TrialPlan();
        plan.id = snapshot.trialId();
        plan.status = snapshot.status();
        plan.arms = snapshot.design().arms().stream().map(ArmDesign::code).toList();
        // A single-arm design (pilot, campaign) has no control to compare with; its arm is its own reference.
        plan.controlArm = snapshot.design().controlArm().orElse(snapshot.design().arms().get(0)).code();
        plan.horizonDays = snapshot.design().primaryOutcome().horizonDays();
        plan.plannedEvents = snapshot.plannedEvents();
        plan.designHash = snapshot.designHash();
        plan.updatedAt = Instant.now();
        if (known == null) {
            plan.persist();
        }
        rolling.markChangedOnCommit(plan.id);
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
