package dk.trials.outcome.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admin's request for a formal look. Read as text and checked by {@link LookRequestReader}. */
@Schema(description = "A formal look on request: the data cut (default today minus the plan's reporting lag) and why")
public record LookRequest(
        @Schema(nullable = true, format = "date", example = "2027-06-16",
                description = "The data cut: only outcomes dated on or before it count. Not in the future, not "
                        + "before the trial's enrolment began. Default: today (Europe/Copenhagen) minus the plan's "
                        + "reportingLagDays") String cutDate,
        @Schema(required = true, maxLength = 500, example = "Committee meeting 2027-06-30: safety signal review",
                description = "Why the look is taken, for the audit trail") String reason) {
}
