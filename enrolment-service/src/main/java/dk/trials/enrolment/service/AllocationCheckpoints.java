package dk.trials.enrolment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.messaging.EnrolmentEventPublisher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Publishes, every {@code trials.enrolment.checkpoint-interval}, an allocation checkpoint of each trial whose counts
 * moved since its last one: the allocations per arm and the withdrawals among the trial's enrolments numbered 1 to
 * its last number, so that outcome-service can check that it holds exactly those participants, and the citizens
 * found not eligible, for the trial's CONSORT flow. One replica runs a round at a time (a transaction-scoped advisory
 * lock; a replica that finds it taken skips its round); the checkpoints and the record of them commit together,
 * through the outbox.
 */
@ApplicationScoped
public class AllocationCheckpoints {

    private static final TypeReference<Map<ExclusionReason, Long>> BY_REASON = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final EligibilityScreenings screenings;
    private final EnrolmentEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    public AllocationCheckpoints(EntityManager entityManager, EligibilityScreenings screenings,
                                 EnrolmentEventPublisher events, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.screenings = screenings;
        this.events = events;
        this.json = json;
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
                            insert into allocation_checkpoint (trial_id, up_to_sequence, withdrawn, excluded,
                                excluded_by_reason, published_at)
                            values (:trialId, :upTo, :withdrawn, :excluded, cast(:byReason as jsonb), :at)
                            on conflict (trial_id) do update set up_to_sequence = excluded.up_to_sequence,
                                withdrawn = excluded.withdrawn, excluded = excluded.excluded,
                                excluded_by_reason = excluded.excluded_by_reason, published_at = excluded.published_at""")
                    .setParameter("trialId", count.trialId())
                    .setParameter("upTo", count.upToSequence())
                    .setParameter("withdrawn", count.withdrawn())
                    .setParameter("excluded", count.excluded().citizens())
                    .setParameter("byReason", write(count.excluded().byReason()))
                    .setParameter("at", now)
                    .executeUpdate();
        }
        return due;
    }

    /**
     * Each trial's counts, set beside those of its last checkpoint: a trial is due when its last number, its
     * withdrawals or its exclusions moved. The allocations come from one statement, so the last number and the
     * enrolments it counts come from one snapshot: numbers commit together with the trial's last number
     * ({@link EnrolmentNumbering}), so every enrolment up to it is there, and none after it is counted.
     */
    private List<AllocationCount> due(Instant now) {
        Map<UUID, Allocated> allocated = allocatedPerTrial();
        Map<UUID, Exclusions> excluded = screenings.excludedPerTrial();
        Map<UUID, Published> published = published();
        Set<UUID> trials = new LinkedHashSet<>(allocated.keySet());
        trials.addAll(excluded.keySet());
        return trials.stream().sorted()
                .map(trialId -> {
                    Allocated a = allocated.getOrDefault(trialId, new Allocated(0));
                    return new AllocationCount(trialId, a.last, a.perArm, a.withdrawn,
                            excluded.getOrDefault(trialId, Exclusions.NONE), now);
                })
                .filter(count -> moved(count, published.get(count.trialId())))
                .toList();
    }

    private static boolean moved(AllocationCount count, Published last) {
        return last == null || count.upToSequence() != last.upToSequence() || count.withdrawn() != last.withdrawn()
                || !count.excluded().equals(last.excluded());
    }

    private Map<UUID, Allocated> allocatedPerTrial() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select n.trial_id, n.last, e.arm, count(*), count(e.withdrawn_on)
                        from enrolment_number n
                        join enrolment e on e.trial_id = n.trial_id and e.sequence <= n.last
                        group by n.trial_id, n.last, e.arm""")
                .getResultList();
        Map<UUID, Allocated> trials = new HashMap<>();
        for (Object[] row : rows) {
            Allocated a = trials.computeIfAbsent((UUID) row[0], id -> new Allocated(((Number) row[1]).longValue()));
            a.perArm.put((String) row[2], ((Number) row[3]).longValue());
            a.withdrawn += ((Number) row[4]).longValue();
        }
        return trials;
    }

    /** What each trial's last checkpoint counted; exclusions of one published before they were counted are none. */
    private Map<UUID, Published> published() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select trial_id, up_to_sequence, withdrawn, excluded, cast(excluded_by_reason as text)
                        from allocation_checkpoint""")
                .getResultList();
        Map<UUID, Published> published = new HashMap<>();
        for (Object[] row : rows) {
            Exclusions excluded = row[3] == null ? Exclusions.NONE
                    : new Exclusions(((Number) row[3]).longValue(), read((String) row[4]));
            published.put((UUID) row[0], new Published(((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    excluded));
        }
        return published;
    }

    private record Published(long upToSequence, long withdrawn, Exclusions excluded) {
    }

    private String write(Map<ExclusionReason, Long> byReason) {
        try {
            return json.writeValueAsString(new TreeMap<>(byReason));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<ExclusionReason, Long> read(String byReason) {
        try {
            return json.readValue(byReason, BY_REASON);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One trial's allocations per arm and withdrawals up to its last number. */
    private static final class Allocated {
        private final long last;
        private final Map<String, Long> perArm = new TreeMap<>();
        private long withdrawn;

        private Allocated(long last) {
            this.last = last;
        }
    }
}
