package dk.trials.enrolment.service;

import dk.trials.enrolment.TrialDocument;
import dk.trials.events.trial.TrialStatus;

import java.time.Instant;
import java.util.UUID;

/** A trial as one trial event describes it, and when that event occurred. */
public record TrialChange(UUID trialId, TrialStatus status, TrialDocument design, Instant occurredAt) {

    /**
     * The stale-event rule: every trial event carries the whole trial, so the one that occurred last describes it. A
     * change replaces what is known unless it occurred before the change applied last (a replayed or overtaken
     * event); one that occurred at the same instant is applied in arrival order.
     */
    public boolean supersedes(Instant appliedOccurredAt) {
        return !occurredAt.isBefore(appliedOccurredAt);
    }
}
