package dk.trials.outcome.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One reported outcome, as a request body or one line of a bulk file. Fields are read as text and checked by
 * {@link OutcomeRequestReader}, so that a bad bulk line is reported with its reason instead of failing the file.
 */
@Schema(description = "An outcome: exit to a job (the event of interest) or a censoring event")
public record OutcomeRequest(
        @Schema(description = "CPR number (DDMMYYSSSS, optional hyphen); never stored, only its keyed pseudonym",
                example = "0101991234") String cpr,
        @Schema(description = "Instead of cpr: the enrolment id") String enrolmentId,
        @Schema(description = "JOB_EXIT, EMIGRATED, DECEASED or LOST_TO_FOLLOW_UP", example = "JOB_EXIT") String type,
        @Schema(description = "ISO date the outcome occurred", example = "2027-03-01") String occurredOn,
        @Schema(description = "The reporting system", example = "DREAM") String source,
        @Schema(description = "The record's id in that system; source + sourceId is reported once",
                example = "dream-2027w09-0001") String sourceId) {
}
