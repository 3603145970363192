package dk.trials.trial;

/** What a change to a trial was, as the audit trail names it. */
public enum AuditAction {
    CREATED,
    EDITED,
    OPENED,
    PAUSED,
    RESUMED,
    CLOSED,
    COMPLETED,
    AMENDED
}
