package dk.trials.enrolment.service.allocation;

import dk.trials.enrolment.TrialDocument;

/** The allocator a trial's frozen design calls for; {@link IllegalArgumentException} if it cannot be randomised. */
public final class Allocators {

    private Allocators() {
    }

    public static Allocator<?> forDesign(TrialDocument design) {
        WeightedArms arms = new WeightedArms(design.arms());
        TrialDocument.Randomisation randomisation = design.randomisation();
        return switch (randomisation.method()) {
            case SIMPLE -> new SimpleAllocator(arms);
            case PERMUTED_BLOCK -> new PermutedBlockAllocator(arms, randomisation.blockSizes());
            case MINIMISATION -> new MinimisationAllocator(arms, probability(randomisation));
        };
    }

    private static double probability(TrialDocument.Randomisation randomisation) {
        if (randomisation.minimisationProbability() == null) {
            throw new IllegalArgumentException("a minimised design needs its minimisation probability");
        }
        return randomisation.minimisationProbability();
    }
}
