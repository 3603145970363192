package dk.trials.outcome.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** What became of a reported outcome. */
public record OutcomeReceipt(
        @Schema(description = "ACCEPTED (counted), PENDING_ENROLMENT (kept until the enrolment arrives) or DUPLICATE")
        String status,
        UUID trialId,
        @Schema(description = "The participant's enrolment, when known") UUID enrolmentId,
        String source,
        String sourceId) {
}
