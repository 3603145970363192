package dk.trials.outcome.rest;

import dk.trials.outcome.UploadState;
import dk.trials.outcome.service.UploadReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** How far a named bulk upload has come. */
@Schema(name = "UploadProgress", description = "A bulk upload's lines so far; once DONE, its counts equal the upload's answer")
public record UploadProgressResponse(
        @Schema(description = "The Upload-Id it was sent with") String uploadId,
        UUID trialId,
        @Schema(description = "RUNNING while lines are read and written; DONE once answered; FAILED when it stopped "
                + "before its answer (the body broke off or the service failed), the batches counted by then kept")
        UploadState state,
        @Schema(description = "Lines read so far, blank lines aside (the answer's lines, once DONE)") long linesProcessed,
        @Schema(description = "Of the lines whose batch is written so far: counted") long accepted,
        @Schema(description = "Kept until their participant's enrolment arrives") long pending,
        @Schema(description = "Reported before; nothing changed") long duplicate,
        @Schema(description = "Rejected so far, including lines refused as they were read") long rejected,
        Instant startedAt,
        @Schema(description = "When the counts last changed: at each batch of 5000 lines, and at the end") Instant updatedAt,
        @Schema(nullable = true, description = "When it ended, DONE or FAILED; null while RUNNING") Instant finishedAt) {

    static UploadProgressResponse from(UploadReport report) {
        return new UploadProgressResponse(report.uploadId(), report.trialId(), report.state(),
                report.counts().linesProcessed(), report.counts().accepted(), report.counts().pending(),
                report.counts().duplicate(), report.counts().rejected(), report.startedAt(), report.updatedAt(),
                report.finishedAt());
    }
}
