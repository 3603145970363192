package dk.trials.enrolment.rest;

import java.util.List;
import java.util.UUID;

/** A trial's full allocation log, in replay order. */
public record AllocationLog(UUID trialId, String method, int allocations, List<AllocationLogEntry> entries) {
}
