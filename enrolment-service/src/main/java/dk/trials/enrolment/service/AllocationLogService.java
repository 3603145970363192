package dk.trials.enrolment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.AllocationDecision;
import dk.trials.enrolment.ParticipantDataRead;
import dk.trials.enrolment.service.allocation.AllocationState;
import dk.trials.enrolment.service.allocation.Allocator;
import dk.trials.events.trial.TrialStatus;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
    private final ObjectMapper json;
    private final ParticipantReads reads;
    private final AllocationReplay replay;

    public AllocationLogService(KnownTrials trials, ObjectMapper json, ParticipantReads reads) {
        this.trials = trials;
        this.json = json;
        this.reads = reads;
        this.replay = new AllocationReplay(json);
    }

    /** The whole log; the export names every participant's allocation, so it is audited. */
    @Transactional
    public DecisionLog export(UUID trialId, Caller caller) {
        ActiveTrial trial = trials.require(trialId);
        if (!RECRUITMENT_ENDED.contains(trial.status())) {
            throw ProblemException.conflict("The allocation log of this trial stays sealed while it is "
                    + trial.status() + "; it opens in FOLLOW_UP");
        }
        Allocator<?> allocator = trial.allocator();
        List<DecisionLog.Decision> decisions = AllocationDecision.ofTrial(trialId).stream()
                .map(d -> new DecisionLog.Decision(d.enrolmentId, d.lockKey, d.position, d.method, d.stratum, d.levels,
                        state(allocator, d), replay.draws(d.draws), d.arm, d.decidedAt))
                .toList();
        reads.record(trialId, ParticipantDataRead.Subject.ALLOCATION_LOG, null, decisions.size(), caller);
        return new DecisionLog(trialId, allocator.method(), decisions);
    }

    public ReplayReport replay(UUID trialId) {
        ActiveTrial trial = trials.require(trialId);
        return replay.replay(trialId, trial.allocator(), AllocationDecision.ofTrial(trialId));
    }

    /**
     * The recorded state as the design's allocator reads it. A state of another shape (a doctored row, or one written
     * under another method) is a conflict between the log and the design, named by its entry, not a server fault.
     */
    private AllocationState state(Allocator<?> allocator, AllocationDecision d) {
        try {
            return json.treeToValue(d.stateBefore, allocator.stateType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.conflict("The recorded state of enrolment " + d.enrolmentId + " (sequence "
                    + d.lockKey + ", position " + d.position + ") cannot be read as " + allocator.method()
                    + " state; the replay reports where the log and the design part");
        }
    }
}
