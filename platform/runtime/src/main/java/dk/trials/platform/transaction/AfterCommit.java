package dk.trials.platform.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs an action once the running transaction has committed, and not at all if it rolls back: for in-memory state
 * (caches, dirty marks) that must not run ahead of what other transactions can see.
 */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry transactions;

    public AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    public void run(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /** As {@link #run}, but only the first action registered under {@code key} in this transaction. */
    public void runOnce(Object key, Runnable action) {
        if (transactions.getResource(key) == null) {
            transactions.putResource(key, Boolean.TRUE);
            run(action);
        }
    }
}
