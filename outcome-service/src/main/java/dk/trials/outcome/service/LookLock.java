package dk.trials.outcome.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * One trial's look lock, a PostgreSQL advisory lock held to the end of the transaction, so that it holds across
 * replicas: one look at a time per trial (the schedule on two replicas, or a request beside the schedule), and no
 * upload registers while a look freezes its tables.
 */
@ApplicationScoped
public class LookLock {

    private final EntityManager entityManager;

    public LookLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Waits for the trial's lock and holds it until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void waitFor(UUID trialId) {
        // The two-key form keeps these locks apart from the outbox relay's one-key lock.
        entityManager.createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(hashtext('formal-look'), hashtext(:trial))) locked")
                .setParameter("trial", trialId.toString()).getSingleResult();
    }
}
