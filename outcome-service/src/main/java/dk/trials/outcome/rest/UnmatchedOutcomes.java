package dk.trials.outcome.rest;

import dk.trials.events.outcome.OutcomeType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Outcomes that have not found their participant: no enrolment event has named them. */
public record UnmatchedOutcomes(UUID trialId, long count, List<Unmatched> outcomes) {

    @Schema(name = "UnmatchedOutcome")
    public record Unmatched(String source, String sourceId,
                            @Schema(nullable = true, description = "The enrolment id reported, if it was named so")
                            UUID enrolmentId,
                            @Schema(description = "Named by CPR number (kept only as its pseudonym)") boolean namedByCpr,
                            OutcomeType type, LocalDate occurredOn, Instant receivedAt,
                            @Schema(description = "Whole days it has waited") long daysWaiting) {
    }
}
