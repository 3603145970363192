package dk.trials.events.trial;

/** Lifecycle of a trial: DRAFT → RECRUITING ⇄ PAUSED → FOLLOW_UP → COMPLETED. */
public enum TrialStatus {
    DRAFT,
    RECRUITING,
    PAUSED,
    FOLLOW_UP,
    COMPLETED
}
