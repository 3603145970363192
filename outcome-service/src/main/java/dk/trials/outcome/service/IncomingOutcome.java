package dk.trials.outcome.service;

import dk.trials.events.outcome.OutcomeType;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An outcome as reported, whatever the channel: its participant by enrolment id or by CPR pseudonym, and, for a
 * jobcentre caller, the jobcentre that reported it (which must be the participant's own).
 */
public record IncomingOutcome(UUID trialId, UUID enrolmentId, String pseudonym, OutcomeType type, LocalDate occurredOn,
                              String source, String sourceId, String reportedByJobcentre) {

    /** The longest source or source id, however the outcome arrives. */
    public static final int MAX_TEXT = 200;
}
