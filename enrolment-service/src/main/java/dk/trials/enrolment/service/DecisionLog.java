package dk.trials.enrolment.service;

import dk.trials.enrolment.service.allocation.AllocationState;
import dk.trials.enrolment.service.allocation.Draw;
import dk.trials.events.trial.RandomisationMethod;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A trial's allocation decisions in replay order, each with every input it was made from. */
public record DecisionLog(UUID trialId, RandomisationMethod method, List<Decision> decisions) {

    /**
     * One allocation: its sequence (null for simple randomisation, which keeps no state) and position in it, the
     * participant's levels, the state the allocation read, the random draws and the arm.
     */
    public record Decision(UUID enrolmentId, String sequence, long position, RandomisationMethod method, String stratum,
                           List<String> levels, AllocationState stateBefore, List<Draw> draws, String arm,
                           Instant decidedAt) {
    }
}
