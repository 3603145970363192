package dk.trials.trial.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialStatus;
import dk.trials.trial.service.power.SampleSize;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A trial as the API shows it: identity and lifecycle state beside every field of its design. */
@Schema(name = "Trial")
public record TrialResponse(
        UUID id,
        TrialStatus status,
        @Schema(description = "SHA-256 of the canonical design as it now stands, set when the trial opens and renewed by each amendment")
        String designHash,
        @Schema(description = "Events needed for the planned power, set when the trial opens") Integer plannedEvents,
        @Schema(description = "Number of the latest amendment, 0 before any") int amendment,
        @JsonUnwrapped TrialDesign design,
        @Schema(description = "The name of each jobcentre (municipality) in jobcentres, by code") Map<String, String> jobcentreNames,
        @Schema(description = "Power calculation for the primary outcome: stored when the trial opens, computed live for a draft; "
                + "null without power assumptions") SampleSize sampleSize,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {
}
