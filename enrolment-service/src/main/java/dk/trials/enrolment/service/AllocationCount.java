package dk.trials.enrolment.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A trial's allocations per arm and withdrawals among its enrolments numbered 1 to {@code upToSequence}, and the
 * citizens found not eligible, as counted at {@code countedAt}: what an allocation checkpoint publishes.
 */
public record AllocationCount(UUID trialId, long upToSequence, Map<String, Long> perArm, long withdrawn,
                              Exclusions excluded, Instant countedAt) {

    public AllocationCount {
        perArm = Map.copyOf(perArm);
    }
}
