package dk.trials.contracts.events.trial;

import java.util.UUID;

/**
 * Payload of every trial event: the trial as it stands after the change, with its full frozen design, so that
 * consumers never need to call trial-service. {@code plannedEvents} comes from the power calculation and feeds
 * the information fraction of group-sequential monitoring.
 */
public record TrialSnapshot(UUID trialId, TrialStatus status, TrialDesign design, String designHash,
                            Integer plannedEvents) {
}
