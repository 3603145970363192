package dk.trials.outcome.rest;

import dk.trials.outcome.SnapshotKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The estimates over time: one point a day (its latest figures) and one per formal monitoring look. */
public record EstimateHistoryResponse(UUID trialId, List<Point> points) {

    @Schema(name = "EstimateHistoryPoint")
    public record Point(LocalDate asOf,
                        @Schema(description = "DAILY (the day's latest figures) or LOOK (frozen at a monitoring look)")
                        SnapshotKind kind,
                        @Schema(nullable = true, description = "The formal look of a LOOK point; null on DAILY points")
                        Integer look,
                        Instant computedAt,
                        @Schema(description = "The estimates as they stood") EstimateResponse estimates) {
    }
}
