package dk.trials.trial.rest;

import dk.trials.trial.Design;
import dk.trials.trial.service.power.PowerAssumptionRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

import static dk.trials.trial.rest.RequestConstraints.ARM_CODE;
import static dk.trials.trial.rest.RequestConstraints.ARM_CODE_MESSAGE;
import static dk.trials.trial.rest.RequestConstraints.LARGEST_WEIGHT;
import static dk.trials.trial.rest.RequestConstraints.MOST_ARMS;

/**
 * What to plan a trial for: the power assumptions and, optionally, its arms (by default treatment : control 1 : 1)
 * and its monitoring plan (by default the default plan, parts left out as for a design).
 */
@Schema(name = "SampleSizeRequest")
public record SampleSizeRequest(
        @NotNull @Valid Assumptions assumptions,
        @Size(max = MOST_ARMS) @Schema(description = "Arms and their allocation weights, exactly one of them the control, "
                + "at most " + MOST_ARMS + "; absent means treatment and control 1 : 1", nullable = true)
        List<@Valid @NotNull PlannedArm> arms,
        @Valid @Schema(description = "The monitoring plan the size follows, as in a design; absent means the default plan "
                + "(looks at 0.5, 0.75 and 1, asOF, no futility)", nullable = true)
        TrialDesignRequest.MonitoringPlanRequest monitoringPlan) {

    private static final List<Design.Arm> ONE_TO_ONE = List.of(
            new Design.Arm("treatment", "treatment", 1, false), new Design.Arm("control", "control", 1, true));

    /** The arms as the calculation takes them, each named by its code. */
    List<Design.Arm> plannedArms() {
        return arms == null ? ONE_TO_ONE
                : arms.stream().map(a -> new Design.Arm(a.code(), a.code(), a.allocationWeight(), a.control())).toList();
    }

    /** The plan to size for, its defaults filled in. */
    Design.MonitoringPlan plannedMonitoring() {
        return monitoringPlan == null ? Design.MonitoringPlan.defaults() : monitoringPlan.toPlan().withDefaults();
    }

    /**
     * The assumptions to plan for. Unlike a design's, where power assumptions may still be incomplete, a calculation
     * needs all four inputs: one left out cannot be computed with and answers 400.
     */
    @Schema(name = "SampleSizeAssumptions", description = "What to power for; hazardRatio is optional")
    public record Assumptions(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
            @Schema(description = "Cumulative job exit in the control arm at the horizon", examples = "0.3")
            Double baselineIncidence,
            @NotNull @DecimalMin(value = "-1", inclusive = false) @DecimalMax(value = "1", inclusive = false)
            @Schema(description = "Smallest difference in cumulative job exit worth detecting", examples = "0.05")
            Double minimumDetectableDifference,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "0.5")
            @Schema(description = "Two-sided", examples = "0.05") Double alpha,
            @NotNull @DecimalMin(value = "0.5") @DecimalMax(value = "1", inclusive = false)
            @Schema(examples = "0.8") Double power,
            @DecimalMin(PowerAssumptionRules.SMALLEST_HAZARD_RATIO) @DecimalMax(PowerAssumptionRules.LARGEST_HAZARD_RATIO)
            @Schema(description = "Hazard ratio for the events; derived under proportional hazards when left out",
                    examples = "1.2", nullable = true) Double hazardRatio) {

        Design.PowerAssumptions toAssumptions() {
            return new Design.PowerAssumptions(baselineIncidence, minimumDetectableDifference, alpha, power, hazardRatio);
        }
    }

    /** An arm as far as the sample size is concerned: its code, weight and whether it is the control. */
    @Schema(name = "PlannedArm")
    public record PlannedArm(
            @NotNull @Pattern(regexp = ARM_CODE, message = ARM_CODE_MESSAGE) @Schema(examples = "treatment") String code,
            @NotNull @Positive @Max(LARGEST_WEIGHT) @Schema(description = "1 to " + LARGEST_WEIGHT, examples = "1")
            Integer allocationWeight,
            @Schema(description = "Whether this is the control arm; false when left out") boolean control) {
    }
}
