package dk.trials.enrolment.service;

import dk.trials.enrolment.UploadState;

import java.time.Instant;
import java.util.UUID;

/** A named import's progress as stored. */
public record UploadReport(String uploadId, UUID trialId, String startedBy, UploadState state, ImportCounts counts,
                           Instant startedAt, Instant updatedAt, Instant finishedAt) {
}
