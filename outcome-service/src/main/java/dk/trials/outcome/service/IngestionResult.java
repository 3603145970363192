package dk.trials.outcome.service;

import java.util.UUID;

/** The disposition of one reported outcome, the rule it broke if rejected, and the enrolment it was matched to. */
public record IngestionResult(Disposition disposition, String reason, UUID enrolmentId) {
}
