package dk.trials.outcome.service;

import dk.trials.outcome.config.LooksConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The bulk files being loaded into each trial, kept in the database so that every replica sees every replica's
 * uploads: a look waits while its trial has one, so it never sees part of a file. An upload registers before its
 * first batch commits and leaves after its last, and keeps its entry alive at each batch; an entry not kept alive
 * for {@code trials.looks.uploads.expire-after} belongs to a process that died mid-file and no longer holds looks up.
 * <p>
 * Registering takes the trial's look lock ({@link LookLock}), so an upload cannot begin while a look is freezing
 * its tables: it waits for the look to commit, and a look that takes the lock sees every upload registered before.
 */
@ApplicationScoped
public class UploadsInFlight {

    private final EntityManager entityManager;
    private final LookLock lock;
    private final Duration expiresAfter;
    private final Clock clock;

    public UploadsInFlight(EntityManager entityManager, LookLock lock, LooksConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.lock = lock;
        this.expiresAfter = config.expireAfter();
        this.clock = clock;
    }

    /** Registers an upload into the trial, committed at once so other replicas see it; returns its id. */
    public UUID begin(UUID trialId) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            lock.waitFor(trialId);
            entityManager.createNativeQuery("""
                            insert into upload_in_flight (id, trial_id, started_at, alive_at)
                            values (:id, :trialId, :now, :now)""")
                    .setParameter("id", id).setParameter("trialId", trialId).setParameter("now", now)
                    .executeUpdate();
        });
        return id;
    }

    /** The upload is still going (called at each batch), so its entry does not expire. */
    public void alive(UUID upload) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update upload_in_flight set alive_at = :now where id = :id")
                .setParameter("now", clock.instant()).setParameter("id", upload).executeUpdate());
    }

    /** The upload is over, whether every line was taken or it failed part-way. */
    public void end(UUID upload) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from upload_in_flight where id = :id")
                .setParameter("id", upload).executeUpdate());
    }

    /** How many live uploads the trial has; call it holding the trial's look lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long liveFor(UUID trialId) {
        return ((Number) entityManager.createNativeQuery("""
                        select count(*) from upload_in_flight where trial_id = :trialId and alive_at > :expired""")
                .setParameter("trialId", trialId)
                .setParameter("expired", clock.instant().minus(expiresAfter))
                .getSingleResult()).longValue();
    }
}
