package dk.trials.outcome;

/** What a point of the estimate history is. */
public enum SnapshotKind {
    /** The rolling estimate of its day, replaced as the day goes on. */
    DAILY,
    /** Frozen at a formal monitoring look. */
    LOOK
}
