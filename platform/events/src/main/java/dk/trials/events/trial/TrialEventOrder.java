package dk.trials.events.trial;

import java.time.Instant;

/**
 * The stale-event rule every projection of trial-events applies. Each trial event carries the whole trial, so the
 * newest one describes it, and "newest" is decided by the trial's {@link TrialSnapshot#trialVersion() trialVersion},
 * which trial-service increments under the trial's row lock for every event it publishes: an event applies when its
 * version is greater than the one applied. When it occurred cannot decide that, since two trial-service replicas'
 * clocks may disagree by more than the time between two changes of one trial.
 * <p>
 * Events published before versions existed carry none, and among themselves the occurredAt rule they were applied by
 * stays: one that occurred before the event applied last is older; one that occurred at the same instant is applied in
 * arrival order. A versioned event always supersedes a state an unversioned event left, and an unversioned event never
 * replaces a versioned state: the upgrade order (every trial-service replica on the versioning release before any
 * publishes again) means every unversioned event of a trial was committed before its first versioned one, and comparing
 * their clocks instead would bring back the very skew the version removes.
 */
public final class TrialEventOrder {

    private TrialEventOrder() {
    }

    /**
     * True if the event with {@code incomingVersion} that occurred at {@code incomingAt} replaces what the event applied
     * last ({@code appliedVersion}, {@code appliedAt}) described; any of them null where unknown, both applied ones
     * null when nothing is applied yet.
     */
    public static boolean supersedes(Long incomingVersion, Instant incomingAt, Long appliedVersion, Instant appliedAt) {
        if (incomingVersion != null) {
            return appliedVersion == null || incomingVersion > appliedVersion;
        }
        return appliedVersion == null && supersedes(incomingAt, appliedAt);
    }

    /** The rule between two unversioned events: true if the one at {@code incoming} replaces the one at {@code applied}. */
    public static boolean supersedes(Instant incoming, Instant applied) {
        return applied == null || !incoming.isBefore(applied);
    }
}
