package dk.trials.events.trial;

import java.util.List;
import java.util.UUID;

/**
 * Payload of every trial event: the trial as it stands after the change, with its full frozen design, so that
 * consumers never need to call trial-service. {@code plannedEvents} comes from the power calculation and feeds
 * the information fraction of group-sequential monitoring. {@code designHash} is the SHA-256 of the design as it
 * now stands and {@code amendment} the number of the latest amendment (0 before any). {@code comparisonPlans} holds
 * each comparison's frozen size under the monitoring plan (empty before the trial opens, or without power
 * assumptions, and on events published before it existed); consumers never recompute it.
 * <p>
 * {@code trialVersion} numbers the trial's events: 1 for the first one trial-service publishes (a draft publishes
 * none), one more for each after, counted under the trial's row lock, so a consumer tells the newer of two events by
 * it ({@link TrialEventOrder}). It is neither a timestamp nor the envelope's schema {@code version}. Null on events
 * published before it existed.
 */
public record TrialSnapshot(UUID trialId, TrialStatus status, TrialDesign design, String designHash,
                            Integer plannedEvents, Integer amendment, List<ComparisonPlan> comparisonPlans,
                            Long trialVersion) {

    public TrialSnapshot {
        comparisonPlans = comparisonPlans == null ? List.of() : List.copyOf(comparisonPlans);
    }
}
