package dk.trials.outcome.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** What became of a reported outcome. */
public record OutcomeReceipt(
        @Schema(description = "ACCEPTED (counted), PENDING_ENROLMENT (kept until the enrolment arrives) or DUPLICATE")
        Status status,
        UUID trialId,
        @Schema(nullable = true, description = "The participant's enrolment, when known") UUID enrolmentId,
        String source,
        String sourceId) {

    @Schema(name = "OutcomeReceiptStatus")
    public enum Status {
        /** Counted. */
        ACCEPTED,
        /** Kept until the participant's enrolment arrives. */
        PENDING_ENROLMENT,
        /** Reported before (same source and sourceId); nothing changed. */
        DUPLICATE
    }
}
