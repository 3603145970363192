package dk.trials.contracts.events.trial;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * What the trial is powered for: the control arm's cumulative job exit at the horizon, the smallest difference worth
 * detecting, two-sided alpha and power; optionally the hazard ratio for the events calculation.
 */
public record PowerAssumptions(
        @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double baselineIncidence,
        @DecimalMin(value = "-1", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double minimumDetectableDifference,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "0.5") Double alpha,
        @DecimalMin(value = "0.5") @DecimalMax(value = "1", inclusive = false) Double power,
        @DecimalMin(value = "0", inclusive = false) Double hazardRatio) {
}
