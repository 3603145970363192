package dk.trials.outcome.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;

/**
 * Lets a scheduled round run on one replica at a time: the round holds a PostgreSQL advisory lock named after it
 * for as long as it runs, and a replica that finds the lock taken skips its round instead of waiting, since the
 * holder is doing the same work. The lock is a transaction's, so a replica that dies mid-round frees it with its
 * connection. The round's own work commits in transactions of its own (each suspends the one holding the lock).
 */
@ApplicationScoped
public class ScheduledRoundLock {

    /** Longer than any round takes; the lock's transaction is only rolled back by the reaper after it. */
    private static final Duration LONGEST_ROUND = Duration.ofMinutes(30);

    private final EntityManager entityManager;

    public ScheduledRoundLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Runs the round unless another replica (or thread) is running it now; true if it ran here. */
    public boolean runAlone(String round, Runnable work) {
        return QuarkusTransaction.requiringNew().timeout((int) LONGEST_ROUND.toSeconds()).call(() -> {
            // The two-key form keeps these locks apart from the outbox relay's one-key lock and the look locks.
            boolean locked = (Boolean) entityManager.createNativeQuery(
                            "select pg_try_advisory_xact_lock(hashtext('scheduled-round'), hashtext(:round))")
                    .setParameter("round", round).getSingleResult();
            if (locked) {
                work.run();
            }
            return locked;
        });
    }
}
