package dk.trials.outcome.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The estimates over time: one point a day (its latest figures) and one per formal monitoring look. */
public record EstimateHistoryResponse(UUID trialId, List<Point> points) {

    public record Point(LocalDate asOf,
                        @Schema(description = "DAILY (the day's latest figures) or LOOK (frozen at a monitoring look)")
                        String kind,
                        Integer look,
                        Instant computedAt,
                        @Schema(description = "The estimates document as it stood") JsonNode estimates) {
    }
}
