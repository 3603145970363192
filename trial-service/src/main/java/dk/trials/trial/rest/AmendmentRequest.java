package dk.trials.trial.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an amendment may change, each optional but at least one given, and why. Any other field sent (such as
 * {@code arms}) is collected in {@code otherChanges} so that it can be refused by name instead of silently ignored.
 */
@Schema(name = "AmendmentRequest")
public record AmendmentRequest(
        @NotBlank @Size(max = 2000) @Schema(description = "Why the design is amended; kept with the amendment",
                examples = "Two more jobcentres joined the trial") String reason,
        @Schema(description = "Municipality codes of jobcentres that join the trial") List<@NotBlank String> addJobcentres,
        @Schema(description = "New, later end of the enrolment period") LocalDate enrolmentPeriodEnd,
        @Positive @Schema(description = "New, higher number of planned participants") Integer plannedParticipants,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> otherChanges) {
}
