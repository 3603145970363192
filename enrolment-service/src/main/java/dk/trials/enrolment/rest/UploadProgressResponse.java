package dk.trials.enrolment.rest;

import dk.trials.enrolment.UploadState;
import dk.trials.enrolment.service.UploadReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** How far a named import has come. */
@Schema(name = "UploadProgress", description = "An import's lines so far; once DONE, its counts equal the import's answer")
public record UploadProgressResponse(
        @Schema(description = "The Upload-Id it was sent with") String uploadId,
        UUID trialId,
        @Schema(description = "RUNNING while its lines are checked and written in its one transaction; DONE once "
                + "committed; FAILED when refused or rolled back, with nothing of it kept (and the counts zero)")
        UploadState state,
        @Schema(description = "Lines of the batch sent") long linesSubmitted,
        @Schema(description = "Lines written so far, in steps of 500 (all of them, once DONE)") long linesProcessed,
        @Schema(description = "Of those, allocations taken over: kept only once DONE") long imported,
        @Schema(description = "Of those, citizens skipped as already enrolled") long alreadyEnrolled,
        Instant startedAt,
        @Schema(description = "When the counts last changed") Instant updatedAt,
        @Schema(nullable = true, description = "When it ended, DONE or FAILED; null while RUNNING") Instant finishedAt) {

    static UploadProgressResponse from(UploadReport report) {
        return new UploadProgressResponse(report.uploadId(), report.trialId(), report.state(),
                report.counts().linesSubmitted(), report.counts().linesProcessed(), report.counts().imported(),
                report.counts().alreadyEnrolled(), report.startedAt(), report.updatedAt(), report.finishedAt());
    }
}
