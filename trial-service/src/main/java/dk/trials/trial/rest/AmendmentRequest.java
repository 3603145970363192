package dk.trials.trial.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dk.trials.platform.validation.FreeText;
import dk.trials.trial.service.ProposedAmendment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dk.trials.trial.rest.RequestConstraints.LONGEST_LIST;
import static dk.trials.trial.rest.RequestConstraints.MOST_PARTICIPANTS;
import static dk.trials.trial.rest.RequestConstraints.NOT_BLANK;
import static dk.trials.trial.rest.RequestConstraints.NOT_BLANK_MESSAGE;

/**
 * What an amendment may change, each optional but at least one given, and why. Any other field sent (such as
 * {@code arms}) is collected in {@code otherChanges}, whatever its JSON, so that it can be refused by name instead of
 * silently ignored; only the names are used.
 */
@Schema(name = "AmendmentRequest")
public record AmendmentRequest(
        @NotNull @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) @FreeText(max = 2000)
        @Schema(description = "Why the design is amended, in at most 2,000 characters; kept with the amendment",
                maxLength = 2000,
                examples = "Two more jobcentres joined the trial") String reason,
        @Size(max = LONGEST_LIST) @Schema(description = "Municipality codes of jobcentres that join the trial", nullable = true)
        List<@NotNull String> addJobcentres,
        @Schema(description = "New, later end of the enrolment period", nullable = true) LocalDate enrolmentPeriodEnd,
        @Positive @Max(MOST_PARTICIPANTS)
        @Schema(description = "New, higher number of planned participants", nullable = true) Integer plannedParticipants,
        @Valid @Schema(description = "Changes to the monitoring plan that keep the error controlled", nullable = true)
        MonitoringPlanChange monitoringPlan,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> otherChanges) {

    ProposedAmendment toProposal() {
        return new ProposedAmendment(reason, addJobcentres, enrolmentPeriodEnd, plannedParticipants,
                monitoringPlan == null ? null : monitoringPlan.toChange(), names(otherChanges));
    }

    private static Set<String> names(Map<String, JsonNode> fields) {
        return fields == null ? Set.of() : Set.copyOf(fields.keySet());
    }

    /**
     * What an amendment may change in the monitoring plan, each optional. Any other part sent (spending, futility) is
     * collected in {@code otherChanges} and refused by name.
     */
    @Schema(name = "MonitoringPlanAmendment", description = "Changes to the monitoring plan that keep the error "
            + "controlled: information fractions added between the planned ones or before the first (every planned "
            + "fraction kept, the last still 1), another reporting lag or look time. trial-service does not know which "
            + "looks outcome-service has taken: outcome-service ignores planned fractions at or below its last look, so a "
            + "look added there has no effect. The spending family, its γ and futility never change once the trial has "
            + "opened; sending them is refused with 422. The planned events stay as frozen at opening")
    public record MonitoringPlanChange(
            @Schema(description = "The information fractions as they are to stand, every planned one included", nullable = true)
            @Size(max = LONGEST_LIST) List<@NotNull Double> informationFractions,
            @Min(0) @Max(365) @Schema(description = "New reporting lag in days", examples = "7", nullable = true)
            Integer reportingLagDays,
            @Pattern(regexp = TrialDesignRequest.TIME_OF_DAY, message = TrialDesignRequest.TIME_OF_DAY_MESSAGE)
            @Schema(description = "New Europe/Copenhagen time of day of scheduled looks, HH:mm", examples = "07:30",
                    pattern = TrialDesignRequest.TIME_OF_DAY, nullable = true) String lookTime,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> otherChanges) {

        ProposedAmendment.PlanChange toChange() {
            return new ProposedAmendment.PlanChange(informationFractions == null ? null : List.copyOf(informationFractions),
                    reportingLagDays, lookTime == null ? null : LocalTime.parse(lookTime), names(otherChanges));
        }
    }
}
