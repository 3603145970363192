package dk.trials.enrolment.service.allocation;

import dk.trials.events.trial.RandomisationDesign;
import dk.trials.events.trial.TrialDesign;

/** The allocator a trial's frozen design calls for. */
public final class Allocators {

    private Allocators() {
    }

    public static Allocator<?> forDesign(TrialDesign design) {
        WeightedArms arms = new WeightedArms(design.arms());
        RandomisationDesign randomisation = design.randomisation();
        return switch (randomisation.method()) {
            case SIMPLE -> new SimpleAllocator(arms);
            case PERMUTED_BLOCK -> new PermutedBlockAllocator(arms, randomisation.blockSizes());
            case MINIMISATION -> new MinimisationAllocator(arms, randomisation.minimisationProbability());
        };
    }
}
