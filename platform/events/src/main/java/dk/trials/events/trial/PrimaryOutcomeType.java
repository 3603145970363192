package dk.trials.events.trial;

/**
 * What a trial is powered for and estimated on. Exit to employment is the one outcome the agency's trials measure;
 * a new one is added here first, so that every service learns it before a design may name it.
 */
public enum PrimaryOutcomeType {
    JOB_EXIT
}
