package dk.trials.outcome.rest;

import dk.trials.outcome.CommitteeDecision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A recorded sign-off of a look's report. */
@Schema(description = "A committee member's sign-off, as the audit trail records it")
public record LookSignOffResponse(int look, @Schema(description = "The token's subject") String signedBy,
                                  Instant signedAt, CommitteeDecision decision,
                                  @Schema(nullable = true) String comment, String sha256) {
}
