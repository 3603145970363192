package dk.trials.trial.mapping;

import dk.trials.events.trial.TrialStatus;
import dk.trials.trial.Trial;
import dk.trials.trial.rest.TrialResponse;
import dk.trials.trial.service.Municipalities;
import dk.trials.trial.service.power.SampleSize;
import dk.trials.trial.service.power.SampleSizeCalculator;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a stored trial into what the API shows, with the jobcentres' names beside their codes. */
@ApplicationScoped
public class TrialMapper {

    private final Municipalities municipalities;
    private final SampleSizeCalculator sampleSizes;

    public TrialMapper(Municipalities municipalities, SampleSizeCalculator sampleSizes) {
        this.municipalities = municipalities;
        this.sampleSizes = sampleSizes;
    }

    public TrialResponse toResponse(Trial trial) {
        return new TrialResponse(trial.id, trial.status, trial.designHash, trial.plannedEvents, trial.amendments,
                trial.design, municipalities.names(trial.design.jobcentres()), sampleSize(trial),
                trial.createdBy, trial.createdAt, trial.updatedBy, trial.updatedAt);
    }

    /** An opened trial shows the calculation it was frozen with; a draft what its current assumptions need. */
    private SampleSize sampleSize(Trial trial) {
        if (trial.status == TrialStatus.DRAFT && trial.design.power() != null) {
            return sampleSizes.plan(trial.design.power(), trial.design.arms());
        }
        return trial.sampleSize;
    }
}
