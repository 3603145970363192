package dk.trials.enrolment.service.allocation;

import dk.trials.events.trial.RandomisationMethod;

import java.util.List;
import java.util.Optional;

/** Simple randomisation: every participant independently, each arm with probability weight / total weight. */
public final class SimpleAllocator implements Allocator<SimpleAllocator.NoState> {

    /** Simple randomisation remembers nothing between allocations. */
    public record NoState() implements AllocationState {
    }

    private final WeightedArms arms;

    public SimpleAllocator(WeightedArms arms) {
        this.arms = arms;
    }

    @Override
    public RandomisationMethod method() {
        return RandomisationMethod.SIMPLE;
    }

    @Override
    public Class<NoState> stateType() {
        return NoState.class;
    }

    @Override
    public NoState initialState() {
        return new NoState();
    }

    @Override
    public Optional<String> lockKey(String stratum) {
        return Optional.empty();
    }

    @Override
    public Allocation<NoState> allocate(NoState before, List<String> levels, Draws draws) {
        return new Allocation<>(arms.code(arms.choose(arms.all(), draws)), before);
    }
}
