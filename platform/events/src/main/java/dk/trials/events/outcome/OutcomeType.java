package dk.trials.events.outcome;

/** JOB_EXIT is the event of interest; the others end follow-up without it (censoring). */
public enum OutcomeType {
    JOB_EXIT,
    EMIGRATED,
    DECEASED,
    LOST_TO_FOLLOW_UP;

    public boolean isJobExit() {
        return this == JOB_EXIT;
    }
}
