package dk.trials.enrolment.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.events.trial.TrialStatus;
import dk.trials.platform.problem.ProblemException;
import dk.trials.enrolment.AllocationDecision;
import dk.trials.enrolment.rest.AllocationLog;
import dk.trials.enrolment.rest.AllocationLogEntry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The decision log behind the allocations. Concealment: while a trial can still enrol, the log (and with it every
 * block and count) stays sealed; it opens for export once recruitment has ended. The replay check may run at any
 * time, because its answer names no arm.
 */
@ApplicationScoped
public class AllocationLogService {

    private static final Set<TrialStatus> RECRUITMENT_ENDED = EnumSet.of(TrialStatus.FOLLOW_UP, TrialStatus.COMPLETED);

    private final KnownTrials trials;
    private final AllocationReplay replay;

    public AllocationLogService(KnownTrials trials, ObjectMapper json) {
        this.trials = trials;
        this.replay = new AllocationReplay(json);
    }

    public AllocationLog export(UUID trialId) {
        ActiveTrial trial = trials.require(trialId);
        if (!RECRUITMENT_ENDED.contains(trial.status())) {
            throw ProblemException.conflict("The allocation log of trial " + trialId + " stays sealed while it is "
                    + trial.status() + "; it opens in FOLLOW_UP");
        }
        List<AllocationLogEntry> entries = AllocationDecision.ofTrial(trialId).stream()
                .map(d -> new AllocationLogEntry(d.enrolmentId, d.lockKey, d.position, d.method, d.stratum, d.levels,
                        d.stateBefore, d.draws, d.arm, d.decidedAt))
                .toList();
        return new AllocationLog(trialId, trial.allocator().method().name(), entries.size(), entries);
    }

    public ReplayReport replay(UUID trialId) {
        ActiveTrial trial = trials.require(trialId);
        return replay.replay(trialId, trial.allocator(), AllocationDecision.ofTrial(trialId));
    }
}
