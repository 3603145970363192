package dk.trials.trial.rest;

import dk.trials.events.trial.PrimaryOutcomeType;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.events.trial.TrialType;
import dk.trials.trial.Design;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

import static dk.trials.trial.rest.RequestConstraints.NOT_BLANK;
import static dk.trials.trial.rest.RequestConstraints.NOT_BLANK_MESSAGE;

/**
 * A trial design as a client sends it to create or edit a draft. Bean validation checks each field on its own (a
 * missing one answers 400, one out of range 422); {@code DesignValidator} then checks the rules between fields.
 */
@Schema(name = "TrialDesignRequest", description = "A trial design, as sent to create or edit a draft")
public record TrialDesignRequest(
        @NotNull @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) @Size(max = 300)
        @Schema(examples = "Early intensive contact for young dagpenge recipients") String title,
        @NotNull TrialType type,
        @NotNull @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE)
        @Schema(description = "The benefit group the trial is for", examples = "DAGPENGE") String targetGroup,
        @NotNull @Size(min = 1, message = "must not be empty")
        @Schema(description = "An RCT has two or more arms, exactly one the control; other types one intervention arm")
        List<@NotNull @Valid ArmRequest> arms,
        @NotNull @Valid RandomisationRequest randomisation,
        @NotNull @Valid EligibilityRequest eligibility,
        @NotNull @Size(min = 1, message = "must not be empty")
        @Schema(description = "Municipality codes of the jobcentres the trial runs in; see GET /api/v1/jobcentres")
        List<@NotNull String> jobcentres,
        @NotNull @Valid PrimaryOutcomeRequest primaryOutcome,
        @NotNull @Positive @Schema(examples = "2000") Integer plannedParticipants,
        @NotNull @Valid EnrolmentPeriodRequest enrolmentPeriod,
        @Valid @Schema(description = "What the trial is powered for; only a randomised design has power assumptions",
                nullable = true) PowerAssumptionsRequest power) {

    /** The design as the services read it; called once bean validation has accepted the request. */
    Design toDesign() {
        return new Design(title, type, targetGroup, arms.stream().map(ArmRequest::toArm).toList(),
                randomisation.toRandomisation(), eligibility.toEligibility(), List.copyOf(jobcentres),
                primaryOutcome.toPrimaryOutcome(), plannedParticipants, enrolmentPeriod.toEnrolmentPeriod(),
                power == null ? null : power.toAssumptions());
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    @Schema(name = "ArmRequest", description = "One arm of a trial")
    public record ArmRequest(
            @NotNull @Pattern(regexp = "^[a-z][a-z0-9_-]{0,39}$", message = "must be lower-case letters, digits, - or _, at most 40")
            @Schema(description = "The arm's code in allocations", examples = "treatment") String code,
            @NotNull @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) @Schema(examples = "Intensive contact") String name,
            @NotNull @Positive @Schema(description = "Relative share of allocations", examples = "1") Integer allocationWeight,
            @Schema(description = "Whether this is the control arm; false when left out") boolean control) {

        Design.Arm toArm() {
            return new Design.Arm(code, name, allocationWeight, control);
        }
    }

    @Schema(name = "RandomisationRequest", description = "How participants are allocated to the arms")
    public record RandomisationRequest(
            @NotNull RandomisationMethod method,
            @Schema(description = "PERMUTED_BLOCK only: block sizes, each a multiple of the arms' total allocation weight",
                    nullable = true) List<@NotNull Integer> blockSizes,
            @Schema(description = "The factors allocation is stratified by; not with MINIMISATION", nullable = true)
            List<@NotNull StratificationFactor> stratifyBy,
            @Schema(description = "Lower bounds of the age bands, increasing; needed when ageBand is a factor", nullable = true)
            List<@NotNull Integer> ageBands,
            @Schema(description = "MINIMISATION only: the factors to balance on", nullable = true)
            List<@NotNull StratificationFactor> minimisationFactors,
            @Schema(description = "MINIMISATION only: probability of taking the arm that minimises imbalance, above 0.5 "
                    + "and at most 1; 0.8 when left out", nullable = true) Double minimisationProbability) {

        Design.Randomisation toRandomisation() {
            return new Design.Randomisation(method, copy(blockSizes), copy(stratifyBy), copy(ageBands),
                    copy(minimisationFactors), minimisationProbability);
        }
    }

    @Schema(name = "EligibilityRequest", description = "Who may be enrolled; a bound left out means no bound")
    public record EligibilityRequest(
            @Schema(nullable = true) List<@NotNull String> benefitTypes,
            @Schema(nullable = true, examples = "18") Integer minAge,
            @Schema(nullable = true, examples = "29") Integer maxAge,
            @Schema(nullable = true, examples = "52") Integer maxWeeksUnemployed) {

        Design.Eligibility toEligibility() {
            return new Design.Eligibility(copy(benefitTypes), minAge, maxAge, maxWeeksUnemployed);
        }
    }

    @Schema(name = "PrimaryOutcomeRequest", description = "The outcome the trial is powered for and analysed on")
    public record PrimaryOutcomeRequest(
            @NotNull PrimaryOutcomeType type,
            @NotNull @Positive @Max(520) @Schema(description = "Follow-up after enrolment, in weeks", examples = "26")
            Integer horizonWeeks) {

        Design.PrimaryOutcome toPrimaryOutcome() {
            return new Design.PrimaryOutcome(type, horizonWeeks);
        }
    }

    @Schema(name = "EnrolmentPeriodRequest", description = "The days on which participants may be enrolled, both included")
    public record EnrolmentPeriodRequest(@NotNull LocalDate start, @NotNull LocalDate end) {

        Design.EnrolmentPeriod toEnrolmentPeriod() {
            return new Design.EnrolmentPeriod(start, end);
        }
    }

    @Schema(name = "PowerAssumptionsRequest", description = "What a trial is powered for. baselineIncidence, "
            + "minimumDetectableDifference, alpha and power are needed for a calculation; hazardRatio is optional")
    public record PowerAssumptionsRequest(
            @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
            @Schema(description = "Cumulative job exit in the control arm at the horizon", examples = "0.3", nullable = true)
            Double baselineIncidence,
            @DecimalMin(value = "-1", inclusive = false) @DecimalMax(value = "1", inclusive = false)
            @Schema(description = "Smallest difference in cumulative job exit worth detecting", examples = "0.05", nullable = true)
            Double minimumDetectableDifference,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "0.5")
            @Schema(description = "Two-sided", examples = "0.05", nullable = true) Double alpha,
            @DecimalMin(value = "0.5") @DecimalMax(value = "1", inclusive = false)
            @Schema(examples = "0.8", nullable = true) Double power,
            @DecimalMin(value = "0", inclusive = false)
            @Schema(description = "Hazard ratio for the events; derived under proportional hazards when left out",
                    examples = "1.2", nullable = true) Double hazardRatio) {

        Design.PowerAssumptions toAssumptions() {
            return new Design.PowerAssumptions(baselineIncidence, minimumDetectableDifference, alpha, power, hazardRatio);
        }
    }
}
