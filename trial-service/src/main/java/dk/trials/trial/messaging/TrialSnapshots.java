package dk.trials.trial.messaging;

import dk.trials.events.trial.ArmDesign;
import dk.trials.events.trial.EligibilityCriteria;
import dk.trials.events.trial.EnrolmentPeriod;
import dk.trials.events.trial.PowerAssumptions;
import dk.trials.events.trial.PrimaryOutcome;
import dk.trials.events.trial.RandomisationDesign;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.trial.Design;
import dk.trials.trial.Trial;

/**
 * A trial as the other services learn it: the payload of every trial event, with the design mapped field by field
 * from this service's own record to the shared event records, so either can grow without silently changing the other.
 */
final class TrialSnapshots {

    private TrialSnapshots() {
    }

    static TrialSnapshot of(Trial trial) {
        return new TrialSnapshot(trial.id, trial.status, design(trial.design), trial.designHash, trial.plannedEvents,
                trial.amendments);
    }

    static TrialDesign design(Design d) {
        return new TrialDesign(d.title(), d.type(), d.targetGroup(),
                d.arms().stream().map(a -> new ArmDesign(a.code(), a.name(), a.allocationWeight(), a.control())).toList(),
                randomisation(d.randomisation()), eligibility(d.eligibility()), d.jobcentres(),
                new PrimaryOutcome(d.primaryOutcome().type(), d.primaryOutcome().horizonWeeks()), d.plannedParticipants(),
                new EnrolmentPeriod(d.enrolmentPeriod().start(), d.enrolmentPeriod().end()), power(d.power()));
    }

    private static RandomisationDesign randomisation(Design.Randomisation r) {
        return new RandomisationDesign(r.method(), r.blockSizes(), r.stratifyBy(), r.ageBands(), r.minimisationFactors(),
                r.minimisationProbability());
    }

    private static EligibilityCriteria eligibility(Design.Eligibility e) {
        return new EligibilityCriteria(e.benefitTypes(), e.minAge(), e.maxAge(), e.maxWeeksUnemployed());
    }

    private static PowerAssumptions power(Design.PowerAssumptions p) {
        return p == null ? null : new PowerAssumptions(p.baselineIncidence(), p.minimumDetectableDifference(), p.alpha(),
                p.power(), p.hazardRatio());
    }
}
