package dk.trials.trial.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A numbered amendment as kept: why, what it changed from and to (the monitoring plan before and after, where the
 * amendment changed it), the design's hash before and after, who and when.
 */
@Schema(name = "Amendment")
public record AmendmentResponse(
        int number,
        String reason,
        List<String> addedJobcentres,
        Map<String, String> addedJobcentreNames,
        LocalDate enrolmentPeriodEndBefore,
        LocalDate enrolmentPeriodEnd,
        int plannedParticipantsBefore,
        int plannedParticipants,
        @Schema(description = "The monitoring plan before the amendment; null when the amendment left the plan alone",
                nullable = true) TrialResponse.MonitoringPlan monitoringPlanBefore,
        @Schema(description = "The monitoring plan after the amendment; null when the amendment left the plan alone",
                nullable = true) TrialResponse.MonitoringPlan monitoringPlan,
        @Schema(description = "SHA-256 of the design before the amendment; null for a jobcentre token",
                nullable = true) String designHashBefore,
        @Schema(description = "SHA-256 of the design after the amendment; null for a jobcentre token",
                nullable = true) String designHashAfter,
        String amendedBy,
        Instant amendedAt) {
}
