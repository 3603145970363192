package dk.trials.outcome.service;

import dk.trials.outcome.UploadState;

import java.time.Instant;
import java.util.UUID;

/** A named upload's progress as stored. */
public record UploadReport(String uploadId, UUID trialId, String startedBy, UploadState state, UploadCounts counts,
                           Instant startedAt, Instant updatedAt, Instant finishedAt) {
}
