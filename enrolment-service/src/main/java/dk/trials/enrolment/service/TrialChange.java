package dk.trials.enrolment.service;

import dk.trials.enrolment.TrialDocument;
import dk.trials.events.trial.TrialEventOrder;
import dk.trials.events.trial.TrialStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A trial as one trial event describes it, the event's {@code trialVersion} (null on events published before
 * versions existed) and when it occurred.
 */
public record TrialChange(UUID trialId, TrialStatus status, TrialDocument design, Long trialVersion, Instant occurredAt) {

    /** Whether this change replaces what the event applied last described: the {@link TrialEventOrder} rule. */
    public boolean supersedes(Long appliedVersion, Instant appliedOccurredAt) {
        return TrialEventOrder.supersedes(trialVersion, occurredAt, appliedVersion, appliedOccurredAt);
    }
}
