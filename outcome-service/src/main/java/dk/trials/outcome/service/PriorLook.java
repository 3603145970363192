package dk.trials.outcome.service;

import java.util.List;

/**
 * What the sequential monitor needs of a formal look taken before: its number, the information rate its boundary
 * was computed at, and the arms whose comparison crossed there (they stop; the others keep their boundaries).
 */
public record PriorLook(int number, double informationRate, List<String> crossedArms) {

    public PriorLook {
        crossedArms = List.copyOf(crossedArms);
    }
}
