package dk.trials.events.trial;


import java.util.List;

/**
 * How participants are allocated. {@code stratifyBy} applies to permuted blocks, {@code minimisationFactors} and
 * {@code minimisationProbability} to minimisation; {@code ageBands} are the lower bounds of the age bands.
 */
public record RandomisationDesign(RandomisationMethod method, List<Integer> blockSizes,
                                  List<StratificationFactor> stratifyBy, List<Integer> ageBands,
                                  List<StratificationFactor> minimisationFactors, Double minimisationProbability) {
}
