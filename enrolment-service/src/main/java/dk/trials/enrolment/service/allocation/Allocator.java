package dk.trials.enrolment.service.allocation;

import dk.trials.events.trial.RandomisationMethod;

import java.util.List;
import java.util.Optional;

/**
 * A randomisation method as a pure, deterministic function of the state before, the participant's factor levels
 * (such as {@code jobcentre=101}) and the random draws. Deterministic so that the decision log can be replayed.
 *
 * @param <S> the allocation state kept under one lock key
 */
public interface Allocator<S extends AllocationState> {

    RandomisationMethod method();

    Class<S> stateType();

    S initialState();

    /**
     * Which allocation sequence a participant in {@code stratum} belongs to: allocations under one key are serialised
     * and share their state. Empty when the method keeps no state.
     */
    Optional<String> lockKey(String stratum);

    Allocation<S> allocate(S before, List<String> levels, Draws draws);

    /** The part of {@code state} that an allocation for a participant with these levels reads: what the log keeps. */
    default S relevantTo(S state, List<String> levels) {
        return state;
    }
}
