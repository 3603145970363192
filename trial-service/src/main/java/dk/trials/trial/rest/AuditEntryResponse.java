package dk.trials.trial.rest;

import dk.trials.events.trial.TrialStatus;
import dk.trials.trial.AuditAction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One change in a trial's audit trail. */
@Schema(name = "AuditEntry")
public record AuditEntryResponse(
        AuditAction action,
        @Schema(description = "Who made the change, from the bearer token") String actor,
        Instant at,
        @Schema(description = "The status before the change; null on creation", nullable = true) TrialStatus statusBefore,
        TrialStatus statusAfter,
        @Schema(description = "SHA-256 of the canonical design before the change; null on creation", nullable = true)
        String designHashBefore,
        @Schema(description = "SHA-256 of the canonical design after the change") String designHashAfter,
        @Schema(description = "What changed, in words: the fields of an edit, the number and reason of an amendment; null "
                + "for creation and lifecycle steps", nullable = true) String detail,
        @Schema(description = "The design's warnings as the change left it (see Trial.warnings); null on an entry written "
                + "before warnings were recorded", nullable = true) List<TrialResponse.Warning> warnings) {
}
