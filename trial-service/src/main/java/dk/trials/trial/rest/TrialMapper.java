package dk.trials.trial.rest;

import dk.trials.trial.Design;
import dk.trials.trial.SampleSize;
import dk.trials.trial.Trial;
import dk.trials.trial.service.ConcealmentWarnings;
import dk.trials.trial.service.Municipalities;
import dk.trials.trial.service.TrialService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a stored trial into what the API shows, with the jobcentres' names beside their codes, and to a caller who
 * enrols, without what would predict the next allocation ({@link AllocationConcealment}).
 */
@ApplicationScoped
public class TrialMapper {

    private final Municipalities municipalities;
    private final TrialService trials;
    private final AllocationConcealment concealment;

    public TrialMapper(Municipalities municipalities, TrialService trials, AllocationConcealment concealment) {
        this.municipalities = municipalities;
        this.trials = trials;
        this.concealment = concealment;
    }

    public TrialResponse toResponse(Trial trial) {
        Design d = trial.design;
        boolean concealed = concealment.applies();
        SampleSize sampleSize = trials.sampleSize(trial);
        Design.MonitoringPlan plan = trials.monitoringPlan(trial);
        return new TrialResponse(trial.id, trial.status, concealed ? null : trial.designHash, trial.plannedEvents,
                trial.amendments, d.title(), d.type(), d.targetGroup(), d.arms().stream().map(TrialMapper::arm).toList(),
                randomisation(d.randomisation(), concealed), eligibility(d.eligibility()), d.jobcentres(),
                new TrialResponse.PrimaryOutcome(d.primaryOutcome().type(), d.primaryOutcome().horizonWeeks()),
                d.plannedParticipants(), new TrialResponse.EnrolmentPeriod(d.enrolmentPeriod().start(), d.enrolmentPeriod().end()),
                power(d.power()),
                plan == null ? null : TrialResponse.MonitoringPlan.of(plan, TrialService.monitoredByLegacyPlan(trial)),
                municipalities.names(d.jobcentres()),
                sampleSize == null ? null : SampleSizeResponse.of(sampleSize),
                concealed ? null : TrialResponse.Warning.of(ConcealmentWarnings.of(d)), concealed,
                trial.createdBy, trial.createdAt, trial.updatedBy, trial.updatedAt);
    }

    private static TrialResponse.Arm arm(Design.Arm a) {
        return new TrialResponse.Arm(a.code(), a.name(), a.allocationWeight(), a.control());
    }

    private static TrialResponse.Randomisation randomisation(Design.Randomisation r, boolean concealed) {
        return new TrialResponse.Randomisation(r.method(), concealed ? null : r.blockSizes(), r.stratifyBy(), r.ageBands(),
                r.minimisationFactors(), concealed ? null : r.minimisationProbability());
    }

    private static TrialResponse.Eligibility eligibility(Design.Eligibility e) {
        return new TrialResponse.Eligibility(e.benefitTypes(), e.minAge(), e.maxAge(), e.maxWeeksUnemployed());
    }

    private static TrialResponse.PowerAssumptions power(Design.PowerAssumptions p) {
        return p == null ? null : new TrialResponse.PowerAssumptions(p.baselineIncidence(), p.minimumDetectableDifference(),
                p.alpha(), p.power(), p.hazardRatio());
    }
}
