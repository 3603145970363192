package dk.trials.trial.messaging;

import dk.trials.events.trial.ArmDesign;
import dk.trials.events.trial.ComparisonPlan;
import dk.trials.events.trial.EligibilityCriteria;
import dk.trials.events.trial.EnrolmentPeriod;
import dk.trials.events.trial.FutilityPlan;
import dk.trials.events.trial.MonitoringPlan;
import dk.trials.events.trial.PowerAssumptions;
import dk.trials.events.trial.PrimaryOutcome;
import dk.trials.events.trial.RandomisationDesign;
import dk.trials.events.trial.SpendingPlan;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.trial.Design;
import dk.trials.trial.SampleSize;
import dk.trials.trial.Trial;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A trial as the other services learn it: the payload of every trial event, with the design mapped field by field
 * from this service's own record to the shared event records, so either can grow without silently changing the other.
 * A trial opened before monitoring plans existed keeps a null plan (consumers read it as the legacy plan), and each
 * comparison's frozen size comes from the sample size stored when the trial opened, never recomputed.
 */
final class TrialSnapshots {

    private TrialSnapshots() {
    }

    static TrialSnapshot of(Trial trial) {
        return new TrialSnapshot(trial.id, trial.status, design(trial.design), trial.designHash, trial.plannedEvents,
                trial.amendments, comparisonPlans(trial.sampleSize), trial.trialVersion);
    }

    /**
     * What each comparison needs, from the size stored at opening (none for a draft or a design without power): its
     * level (α/J; a size stored before levels were recorded was computed at the trial's α), its planned events and
     * the planned participants of its two arms.
     */
    static List<ComparisonPlan> comparisonPlans(SampleSize size) {
        if (size == null) {
            return List.of();
        }
        Map<String, Integer> participants = size.arms().stream()
                .collect(Collectors.toMap(SampleSize.ArmSampleSize::arm, SampleSize.ArmSampleSize::participants));
        return size.comparisons().stream().map(c -> new ComparisonPlan(c.arm(), c.versus(), c.levelOr(size.alpha()),
                c.events(), participants.get(c.arm()), participants.get(c.versus()))).toList();
    }

    static TrialDesign design(Design d) {
        return new TrialDesign(d.title(), d.type(), d.targetGroup(),
                d.arms().stream().map(a -> new ArmDesign(a.code(), a.name(), a.allocationWeight(), a.control())).toList(),
                randomisation(d.randomisation()), eligibility(d.eligibility()), d.jobcentres(),
                new PrimaryOutcome(d.primaryOutcome().type(), d.primaryOutcome().horizonWeeks()), d.plannedParticipants(),
                new EnrolmentPeriod(d.enrolmentPeriod().start(), d.enrolmentPeriod().end()), power(d.power()),
                monitoringPlan(d.monitoringPlan()));
    }

    private static MonitoringPlan monitoringPlan(Design.MonitoringPlan p) {
        if (p == null) {
            return null;
        }
        Design.Futility f = p.futility();
        return new MonitoringPlan(p.informationFractions(), new SpendingPlan(p.spending().family(), p.spending().gamma()),
                f == null ? null : new FutilityPlan(f.method(), f.betaSpending(), f.gamma(), f.conditionalPowerBelow()),
                p.reportingLagDays(), p.lookTime());
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
