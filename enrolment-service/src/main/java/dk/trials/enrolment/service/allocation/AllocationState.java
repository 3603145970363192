package dk.trials.enrolment.service.allocation;

/**
 * What an allocation sequence remembers between allocations, one type per method: a stratum's current block
 * (permuted blocks), a trial's marginal counts (minimisation), or nothing (simple randomisation).
 */
public sealed interface AllocationState
        permits PermutedBlockAllocator.BlockState, MinimisationAllocator.MarginalCounts, SimpleAllocator.NoState {
}
