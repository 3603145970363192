package dk.trials.outcome;

/** What a data monitoring committee decided on a look's report: the closed set a sign-off records. */
public enum CommitteeDecision {
    CONTINUE,
    STOP_FOR_EFFICACY,
    STOP_FOR_FUTILITY,
    MODIFY
}
