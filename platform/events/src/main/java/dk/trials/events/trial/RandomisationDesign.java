package dk.trials.events.trial;

import java.util.List;

/**
 * How participants are allocated. {@code stratifyBy} applies to permuted blocks, {@code minimisationFactors} and
 * {@code minimisationProbability} to minimisation; {@code ageBands} are the lower bounds of the age bands.
 * <p>
 * The effective values are defined here once, for the service that validates and freezes a design and the one that
 * allocates by it alike.
 */
public record RandomisationDesign(RandomisationMethod method, List<Integer> blockSizes,
                                  List<StratificationFactor> stratifyBy, List<Integer> ageBands,
                                  List<StratificationFactor> minimisationFactors, Double minimisationProbability) {

    /** Pocock and Simon's usual choice: the arm that minimises imbalance is taken with probability 0.8. */
    public static final double DEFAULT_MINIMISATION_PROBABILITY = 0.8;

    /** The probability of taking the arm that minimises imbalance: the design's, or the default. */
    public double effectiveMinimisationProbability() {
        return minimisationProbability != null ? minimisationProbability : DEFAULT_MINIMISATION_PROBABILITY;
    }

    /**
     * The block sizes allocation uses: each requested size rounded up to a whole multiple of the arms' total weight
     * (a block must hold every arm in proportion), or two rounds of the weights when none is given.
     */
    public List<Integer> effectiveBlockSizes(int totalWeight) {
        if (blockSizes == null || blockSizes.isEmpty()) {
            return List.of(2 * totalWeight);
        }
        return blockSizes.stream()
                .map(size -> Math.max(1, (Math.max(size, 1) + totalWeight - 1) / totalWeight) * totalWeight)
                .toList();
    }
}
