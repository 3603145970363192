package dk.trials.enrolment.service;

import dk.trials.events.trial.TrialSnapshot;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.transaction.AfterCommit;
import dk.trials.enrolment.KnownTrial;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trials this service has learned from trial-events. The hot path reads them from memory; an entry is re-read
 * from the database once it is older than the TTL, because with several replicas only one of them consumes a given
 * trial's events. The replica that consumes an event drops its entry at once.
 */
@ApplicationScoped
public class KnownTrials {

    private record Cached(ActiveTrial trial, long loadedAtNanos) {
    }

    private final EntityManager entityManager;
    private final AfterCommit afterCommit;
    private final long ttlNanos;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    public KnownTrials(EntityManager entityManager, AfterCommit afterCommit,
                       @ConfigProperty(name = "trials.enrolment.trial-cache-ttl", defaultValue = "1s") Duration ttl) {
        this.entityManager = entityManager;
        this.afterCommit = afterCommit;
        this.ttlNanos = ttl.toNanos();
    }

    public Optional<ActiveTrial> find(UUID trialId) {
        Cached cached = cache.get(trialId);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAtNanos() < ttlNanos) {
            return Optional.of(cached.trial());
        }
        KnownTrial known = KnownTrial.findById(trialId);
        if (known == null) {
            return Optional.empty();
        }
        ActiveTrial trial;
        try {
            trial = ActiveTrial.of(known.id, known.status, known.snapshot.design());
        } catch (IllegalArgumentException e) {
            // trial-service validates designs; a design that still cannot be randomised is refused, not a 500.
            throw ProblemException.conflict("The design of trial " + trialId + " cannot be randomised: " + e.getMessage());
        }
        cache.put(trialId, new Cached(trial, now));
        return Optional.of(trial);
    }

    public ActiveTrial require(UUID trialId) {
        return find(trialId).orElseThrow(() -> ProblemException.notFound("No trial " + trialId + " is known here"));
    }

    /**
     * Records the trial as the event describes it, unless a later event already did (events of one trial arrive in
     * order, but a replayed older one must not win). True if the snapshot was taken.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean learn(TrialSnapshot snapshot, Instant occurredAt, String snapshotJson) {
        int taken = entityManager.createNativeQuery("""
                        insert into known_trial (id, status, snapshot, updated_at)
                        values (:id, :status, cast(:snapshot as jsonb), :updatedAt)
                        on conflict (id) do update
                            set status = excluded.status, snapshot = excluded.snapshot, updated_at = excluded.updated_at
                            where known_trial.updated_at <= excluded.updated_at""")
                .setParameter("id", snapshot.trialId())
                .setParameter("status", snapshot.status().name())
                .setParameter("snapshot", snapshotJson)
                .setParameter("updatedAt", occurredAt)
                .executeUpdate();
        UUID trialId = snapshot.trialId();
        // Dropped again after commit: a request may have re-read the old row while this transaction was open.
        cache.remove(trialId);
        afterCommit.run(() -> cache.remove(trialId));
        return taken == 1;
    }
}
