package dk.trials.events.trial;

public enum RandomisationMethod {
    SIMPLE,
    PERMUTED_BLOCK,
    MINIMISATION
}
