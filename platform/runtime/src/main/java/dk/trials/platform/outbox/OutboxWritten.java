package dk.trials.platform.outbox;

/** Signal that a transaction wrote to the outbox; carries nothing, the rows are the truth. */
public enum OutboxWritten {
    INSTANCE
}
