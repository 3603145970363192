package dk.trials.trial.service;

import dk.trials.events.trial.TrialStatus;
import dk.trials.events.trial.TrialType;

/** Which trials to list, each filter optional, and which page of them (0-based) of what size. */
public record TrialQuery(TrialStatus status, TrialType type, String jobcentre, int page, int size) {
}
