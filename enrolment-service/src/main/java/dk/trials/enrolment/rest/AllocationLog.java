package dk.trials.enrolment.rest;

import dk.trials.enrolment.service.DecisionLog;
import dk.trials.events.trial.RandomisationMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A trial's full allocation log, in replay order. */
@Schema(description = "Every allocation of a trial with its inputs, in replay order",
        requiredProperties = {"trialId", "method", "allocations", "entries"})
public record AllocationLog(UUID trialId, RandomisationMethod method, int allocations, List<AllocationLogEntry> entries) {

    static AllocationLog from(DecisionLog log) {
        List<AllocationLogEntry> entries = log.decisions().stream().map(AllocationLogEntry::from).toList();
        return new AllocationLog(log.trialId(), log.method(), entries.size(), entries);
    }
}
