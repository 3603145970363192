package dk.trials.contracts.events.trial;

public enum RandomisationMethod {
    SIMPLE,
    PERMUTED_BLOCK,
    MINIMISATION
}
