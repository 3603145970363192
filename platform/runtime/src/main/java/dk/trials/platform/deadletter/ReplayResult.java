package dk.trials.platform.deadletter;

/** What replaying a dead letter did. */
public enum ReplayResult {
    /** The record was applied now. */
    APPLIED,
    /** The record was read but changed nothing: its event id was processed already, or its type is not handled here. */
    NO_EFFECT,
    /** The record is still refused (e.g. still unreadable); it stays on the dead-letter topic. */
    REJECTED
}
