package dk.trials.outcome.rest;

import dk.trials.outcome.service.FollowUpEnding;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A trial's pseudonymised participant-level analysis set at {@code asOf}: one row per participant enrolled by then. */
public record AnalysisSetResponse(UUID trialId, LocalDate asOf, int horizonDays, String controlArm, List<Row> rows) {

    @Schema(name = "AnalysisSetRow", description = "One participant, as the estimator counts them at asOf")
    public record Row(
            @Schema(description = "HMAC-SHA256 of the enrolment id under the trial's own analysis-set key: the same "
                    + "in every download of this trial's set, unrelated across trials; never the enrolment id or a "
                    + "pseudonym", pattern = "^[0-9a-f]{64}$") String rowId,
            @Schema(description = "Allocated arm (intention to treat)") String arm,
            @Schema(description = "The enrolling jobcentre: the strata of the stratified log-rank") String jobcentre,
            @Schema(nullable = true, description = "The randomisation stratum; null for participants enrolled before "
                    + "strata were recorded") String stratum,
            LocalDate enrolledOn,
            @Schema(description = "Whole days from enrolment to the earliest of the first job exit, the first "
                    + "censoring outcome, asOf and the horizon: R's Surv time") int followUpDays,
            @Schema(description = "Whether follow-up ended with a job exit: R's Surv status") boolean jobExit,
            @Schema(description = "What ended follow-up: JOB_EXIT, a censoring outcome (EMIGRATED, DECEASED, "
                    + "LOST_TO_FOLLOW_UP), HORIZON, or AS_OF (still followed)") FollowUpEnding ending,
            @Schema(nullable = true, description = "Date of withdrawal, if on or before asOf; the participant stays "
                    + "in the analysis") LocalDate withdrawnOn) {
    }
}
