package dk.trials.trial.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dk.trials.contracts.events.trial.TrialDesign;
import dk.trials.contracts.events.trial.TrialStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A trial as the API shows it: identity and lifecycle state beside every field of its design. */
@Schema(name = "Trial")
public record TrialResponse(
        UUID id,
        TrialStatus status,
        @Schema(description = "SHA-256 of the canonical design, set when the trial opens") String designHash,
        @Schema(description = "Events needed for the planned power, set when the trial opens") Integer plannedEvents,
        @JsonUnwrapped TrialDesign design,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {
}
