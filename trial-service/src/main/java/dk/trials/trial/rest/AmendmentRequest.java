package dk.trials.trial.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dk.trials.trial.service.ProposedAmendment;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dk.trials.trial.rest.RequestConstraints.NOT_BLANK;
import static dk.trials.trial.rest.RequestConstraints.NOT_BLANK_MESSAGE;

/**
 * What an amendment may change, each optional but at least one given, and why. Any other field sent (such as
 * {@code arms}) is collected in {@code otherChanges}, whatever its JSON, so that it can be refused by name instead of
 * silently ignored; only the names are used.
 */
@Schema(name = "AmendmentRequest")
public record AmendmentRequest(
        @NotNull @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) @Size(max = 2000)
        @Schema(description = "Why the design is amended; kept with the amendment",
                examples = "Two more jobcentres joined the trial") String reason,
        @Schema(description = "Municipality codes of jobcentres that join the trial", nullable = true)
        List<@NotNull String> addJobcentres,
        @Schema(description = "New, later end of the enrolment period", nullable = true) LocalDate enrolmentPeriodEnd,
        @Positive @Schema(description = "New, higher number of planned participants", nullable = true) Integer plannedParticipants,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> otherChanges) {

    ProposedAmendment toProposal() {
        return new ProposedAmendment(reason, addJobcentres, enrolmentPeriodEnd, plannedParticipants,
                otherChanges == null ? Set.of() : Set.copyOf(otherChanges.keySet()));
    }
}
