package dk.trials.enrolment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.KnownTrial;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.transaction.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
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
    private final ObjectMapper json;
    private final long ttlNanos;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    public KnownTrials(EntityManager entityManager, AfterCommit afterCommit, ObjectMapper json,
                       @ConfigProperty(name = "trials.enrolment.trial-cache-ttl", defaultValue = "1s") Duration ttl) {
        this.entityManager = entityManager;
        this.afterCommit = afterCommit;
        this.json = json;
        this.ttlNanos = ttl.toNanos();
    }

    private Optional<ActiveTrial> find(UUID trialId) {
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
            trial = ActiveTrial.of(known.id, known.status, known.design);
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
     * Records the trial as the change describes it, unless {@link TrialChange#supersedes the stale-event rule} keeps
     * what is known. True if the change was taken.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean learn(TrialChange change) {
        boolean taken = firstOfTrial(change) || replaceUnlessStale(change);
        UUID trialId = change.trialId();
        // Dropped again after commit: a request may have re-read the old row while this transaction was open.
        cache.remove(trialId);
        afterCommit.run(() -> cache.remove(trialId));
        return taken;
    }

    /** Inserts the trial if it is not known yet; a concurrent first event of the same trial makes this a no-op. */
    private boolean firstOfTrial(TrialChange change) {
        return entityManager.createNativeQuery("""
                        insert into known_trial (id, status, design, trial_version, updated_at)
                        values (:id, :status, cast(:design as jsonb), :trialVersion, :occurredAt)
                        on conflict (id) do nothing""")
                .setParameter("id", change.trialId())
                .setParameter("status", change.status().name())
                .setParameter("design", write(change))
                .setParameter("trialVersion", change.trialVersion())
                .setParameter("occurredAt", change.occurredAt())
                .executeUpdate() == 1;
    }

    /** Under the row's lock, so that two deliveries cannot interleave between the rule and the write. */
    private boolean replaceUnlessStale(TrialChange change) {
        KnownTrial known = entityManager.find(KnownTrial.class, change.trialId(), LockModeType.PESSIMISTIC_WRITE);
        if (!change.supersedes(known.trialVersion, known.updatedAt)) {
            return false;
        }
        known.status = change.status();
        known.design = change.design();
        known.trialVersion = change.trialVersion();
        known.updatedAt = change.occurredAt();
        return true;
    }

    private String write(TrialChange change) {
        try {
            return json.writeValueAsString(change.design());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The design of trial " + change.trialId() + " cannot be written", e);
        }
    }
}
