package dk.trials.events.trial;


/**
 * What the trial is powered for: the control arm's cumulative job exit at the horizon, the smallest difference worth
 * detecting, two-sided alpha and power; optionally the hazard ratio for the events calculation.
 */
public record PowerAssumptions(
        Double baselineIncidence,
        Double minimumDetectableDifference,
        Double alpha,
        Double power,
        Double hazardRatio) {
}
