package dk.trials.trial.rest;

import dk.trials.events.trial.TrialStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One change in a trial's audit trail. */
@Schema(name = "AuditEntry")
public record AuditEntryResponse(
        @Schema(description = "CREATED, EDITED, OPENED, PAUSED, RESUMED, CLOSED, COMPLETED or AMENDED") String action,
        @Schema(description = "Who made the change, from the bearer token") String actor,
        Instant at,
        TrialStatus statusBefore,
        TrialStatus statusAfter,
        @Schema(description = "SHA-256 of the canonical design before the change; null on creation") String designHashBefore,
        @Schema(description = "SHA-256 of the canonical design after the change") String designHashAfter,
        @Schema(description = "What changed, in words") String detail) {
}
