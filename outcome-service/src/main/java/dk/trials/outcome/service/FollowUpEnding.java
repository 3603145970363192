package dk.trials.outcome.service;

/**
 * What ended a participant's follow-up in the analysis at an asOf: a job exit (the event), a censoring outcome, the
 * horizon reached, or asOf reached first (follow-up still running).
 */
public enum FollowUpEnding {
    JOB_EXIT,
    EMIGRATED,
    DECEASED,
    LOST_TO_FOLLOW_UP,
    HORIZON,
    AS_OF
}
