package dk.trials.trial.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A Danish municipality (kommune), whose jobcentre a trial may run in; {@code code} is the kommunekode. */
@Schema(name = "Jobcentre")
public record Municipality(
        @Schema(examples = "101") String code,
        @Schema(examples = "København") String name,
        @Schema(examples = "Region Hovedstaden") String region) {
}
