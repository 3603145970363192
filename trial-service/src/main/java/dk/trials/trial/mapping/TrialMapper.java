package dk.trials.trial.mapping;

import dk.trials.trial.Trial;
import dk.trials.trial.rest.TrialResponse;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a stored trial into what the API shows. */
@ApplicationScoped
public class TrialMapper {

    public TrialResponse toResponse(Trial trial) {
        return new TrialResponse(trial.id, trial.status, trial.designHash, trial.plannedEvents, trial.design,
                trial.createdBy, trial.createdAt, trial.updatedBy, trial.updatedAt);
    }
}
