package dk.trials.outcome.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A committee member's sign-off of a look's report. Read as text and checked by {@link LookRequestReader}. */
@Schema(description = "The data monitoring committee's decision on a look's report, naming the report by its SHA-256")
public record LookSignOffRequest(
        @Schema(required = true, enumeration = {"CONTINUE", "STOP_FOR_EFFICACY", "STOP_FOR_FUTILITY", "MODIFY"},
                example = "CONTINUE") String decision,
        @Schema(nullable = true, maxLength = 2000, example = "No safety concerns; continue as planned") String comment,
        @Schema(required = true, pattern = "^[0-9a-f]{64}$",
                example = "9f2c5d7a1b3e4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8",
                description = "The sha256 of the report signed: refused with 409 when it is not this look's")
        String sha256) {
}
