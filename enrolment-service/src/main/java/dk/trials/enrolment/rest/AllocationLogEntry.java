package dk.trials.enrolment.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One allocation in the exported log, with every input needed to replay it. */
public record AllocationLogEntry(UUID enrolmentId, String sequence, long position, String method, String stratum,
                                 List<String> levels, JsonNode stateBefore, JsonNode draws, String arm,
                                 Instant decidedAt) {
}
