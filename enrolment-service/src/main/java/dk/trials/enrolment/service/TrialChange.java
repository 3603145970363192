package dk.trials.enrolment.service;

import dk.trials.enrolment.TrialDocument;
import dk.trials.events.trial.TrialEventOrder;
import dk.trials.events.trial.TrialStatus;

import java.time.Instant;
import java.util.UUID;

/** A trial as one trial event describes it, and when that event occurred. */
public record TrialChange(UUID trialId, TrialStatus status, TrialDocument design, Instant occurredAt) {

    /** Whether this change replaces what the event applied last described: the {@link TrialEventOrder} rule. */
    public boolean supersedes(Instant appliedOccurredAt) {
        return TrialEventOrder.supersedes(occurredAt, appliedOccurredAt);
    }
}
