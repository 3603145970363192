package dk.trials.outcome.service;

import java.time.LocalDate;

/**
 * One participant of the analysis set at an asOf, as the estimator counts them: {@code followUpDays} and
 * {@code jobExit} are R's {@code Surv(time, status)}. {@code rowId} names the participant within this trial's set only
 * ({@link AnalysisSetRowIds}); {@code withdrawnOn} is null unless they withdrew by asOf (they stay in the analysis).
 */
public record AnalysisSetRow(String rowId, String arm, String jobcentre, String stratum, LocalDate enrolledOn,
                             int followUpDays, boolean jobExit, FollowUpEnding ending, LocalDate withdrawnOn) {
}
