package dk.trials.outcome.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Every formal look of a trial. */
@Schema(description = "Every formal look of a trial, in order")
public record LookListResponse(UUID trialId, List<LookReportResponse> looks) {
}
