package dk.trials.trial.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A numbered amendment as kept: why, what it changed from and to, the design's hash before and after, who and when. */
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
        String designHashBefore,
        String designHashAfter,
        String amendedBy,
        Instant amendedAt) {
}
