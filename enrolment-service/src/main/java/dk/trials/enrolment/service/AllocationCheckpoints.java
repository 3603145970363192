package dk.trials.enrolment.service;

import dk.trials.enrolment.messaging.EnrolmentEventPublisher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Publishes, every {@code trials.enrolment.checkpoint-interval}, an allocation checkpoint of each trial with
 * enrolments or withdrawals since its last one: the allocations per arm and the withdrawals among the trial's
 * enrolments numbered 1 to its last number, so that outcome-service can check that it holds exactly those
 * participants. One replica runs a round at a time (a transaction-scoped advisory lock; a replica that finds it
 * taken skips its round); the checkpoints and the record of them commit together, through the outbox.
 */
@ApplicationScoped
public class AllocationCheckpoints {

    private final EntityManager entityManager;
    private final EnrolmentEventPublisher events;
    private final Clock clock;

    public AllocationCheckpoints(EntityManager entityManager, EnrolmentEventPublisher events, Clock clock) {
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(identity = "allocation-checkpoints", every = "{trials.enrolment.checkpoint-interval}",
            delayed = "{trials.enrolment.checkpoint-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        publishDue();
    }

    /** The counts published as checkpoints in this round; none when another replica is running the round. */
    @Transactional
    public List<AllocationCount> publishDue() {
        // The two-key form keeps this lock apart from the outbox relay's one-key lock.
        boolean locked = (Boolean) entityManager.createNativeQuery(
                "select pg_try_advisory_xact_lock(hashtext('scheduled-round'), hashtext('allocation-checkpoints'))")
                .getSingleResult();
        if (!locked) {
            return List.of();
        }
        Instant now = clock.instant();
        List<AllocationCount> due = due(now);
        for (AllocationCount count : due) {
            events.checkpoint(count);
            entityManager.createNativeQuery("""
                            insert into allocation_checkpoint (trial_id, up_to_sequence, withdrawn, published_at)
                            values (:trialId, :upTo, :withdrawn, :at)
                            on conflict (trial_id) do update set up_to_sequence = excluded.up_to_sequence,
                                withdrawn = excluded.withdrawn, published_at = excluded.published_at""")
                    .setParameter("trialId", count.trialId())
                    .setParameter("upTo", count.upToSequence())
                    .setParameter("withdrawn", count.withdrawn())
                    .setParameter("at", now)
                    .executeUpdate();
        }
        return due;
    }

    /**
     * Each trial's counts as one statement sees them, so the last number and the enrolments it counts come from one
     * snapshot: numbers commit in order, so every enrolment up to the last committed number is there, and none
     * after it is counted. A trial is due when its last number or its withdrawals moved since its last checkpoint.
     */
    private List<AllocationCount> due(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select n.trial_id, n.last, e.arm, count(*), count(e.withdrawn_on), c.up_to_sequence, c.withdrawn
                        from enrolment_number n
                        join enrolment e on e.trial_id = n.trial_id and e.sequence <= n.last
                        left join allocation_checkpoint c on c.trial_id = n.trial_id
                        group by n.trial_id, n.last, e.arm, c.up_to_sequence, c.withdrawn
                        order by n.trial_id, e.arm""")
                .getResultList();
        Map<UUID, Counted> trials = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Counted counted = trials.computeIfAbsent((UUID) row[0], id -> new Counted(((Number) row[1]).longValue(),
                    row[5] == null ? null : ((Number) row[5]).longValue(),
                    row[6] == null ? null : ((Number) row[6]).longValue()));
            counted.perArm.put((String) row[2], ((Number) row[3]).longValue());
            counted.withdrawn += ((Number) row[4]).longValue();
        }
        return trials.entrySet().stream().filter(trial -> trial.getValue().moved())
                .map(trial -> new AllocationCount(trial.getKey(), trial.getValue().last, trial.getValue().perArm,
                        trial.getValue().withdrawn, now))
                .toList();
    }

    /** One trial's counts up to its last number, beside those of its last checkpoint (null before the first). */
    private static final class Counted {
        private final long last;
        private final Long publishedUpTo;
        private final Long publishedWithdrawn;
        private final Map<String, Long> perArm = new TreeMap<>();
        private long withdrawn;

        private Counted(long last, Long publishedUpTo, Long publishedWithdrawn) {
            this.last = last;
            this.publishedUpTo = publishedUpTo;
            this.publishedWithdrawn = publishedWithdrawn;
        }

        private boolean moved() {
            return publishedUpTo == null || last != publishedUpTo || withdrawn != publishedWithdrawn;
        }
    }
}
