package dk.trials.outcome.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Counts of a bulk file's lines by what became of them, with each rejected line's reason. */
public record BulkReceipt(
        long lines,
        long accepted,
        @Schema(description = "Kept until their participant's enrolment arrives") long pending,
        @Schema(description = "Reported before (same source and sourceId); nothing changed") long duplicate,
        long rejected,
        @Schema(description = "The first 1000 rejected lines (1-based) with their reasons") List<Rejection> rejections,
        @Schema(description = "Rejected lines not listed") long rejectionsNotListed) {

    @Schema(name = "BulkRejection")
    public record Rejection(@Schema(description = "1-based line number in the file") long line, String reason) {
    }
}
