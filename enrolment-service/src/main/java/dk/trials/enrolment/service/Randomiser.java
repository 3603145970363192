package dk.trials.enrolment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.messaging.EnrolmentEventPublisher;
import dk.trials.enrolment.service.allocation.Allocation;
import dk.trials.enrolment.service.allocation.AllocationState;
import dk.trials.enrolment.service.allocation.Allocator;
import dk.trials.enrolment.service.allocation.RecordingDraws;
import dk.trials.events.trial.RandomisationMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes one allocation in one transaction: locks the participant's allocation sequence (a stratum's blocks, or a
 * minimised trial's counts), draws the arm, and records the enrolment, the replayable decision, the new state and the
 * event together. The lock serialises allocations that share state, so concurrent requests never break a block; the
 * unique (trial, participant) constraint stops a second allocation of one citizen.
 */
@ApplicationScoped
public class Randomiser {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final SecureRandom random;
    private final EnrolmentEventPublisher events;
    private final Clock clock;

    public Randomiser(EntityManager entityManager, ObjectMapper json, SecureRandom random, EnrolmentEventPublisher events,
                      Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.random = random;
        this.events = events;
        this.clock = clock;
    }

    /** The new enrolment; throws {@link AlreadyEnrolledException} (rolling back) if a concurrent request won. */
    @Transactional
    public Enrolment enrol(ActiveTrial trial, String participant, String jobcentre, List<String> levels, String by) {
        return allocate(trial.allocator(), trial, participant, jobcentre, levels, by);
    }

    private <S extends AllocationState> Enrolment allocate(Allocator<S> allocator, ActiveTrial trial, String participant, String jobcentre,
                                   List<String> levels, String by) {
        String stratum = StratumKey.stratum(levels);
        Optional<String> lockKey = allocator.lockKey(stratum);
        Sequence<S> sequence = lockKey.map(key -> lock(allocator, trial.id(), key))
                .orElseGet(() -> new Sequence<>(0, allocator.initialState()));
        RecordingDraws draws = new RecordingDraws(random);
        Allocation<S> allocation = allocator.allocate(sequence.state(), levels, draws);

        // Millisecond precision, as stored and as answered to a repeated request: both bodies must be identical.
        Instant enrolledAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Enrolment enrolment = Enrolment.allocated(trial.id(), participant, allocation.arm(), jobcentre, stratum,
                enrolledAt, LocalDate.ofInstant(enrolledAt, clock.getZone()), false, by);
        long position = lockKey.isPresent() ? sequence.allocations() + 1 : 0;
        boolean recorded = record(enrolment, new Decision(lockKey.orElse(null), position, allocator.method(),
                levels, write(allocator.relevantTo(sequence.state(), levels)), write(draws.drawn()),
                write(allocation.after())));
        if (!recorded) {
            throw new AlreadyEnrolledException();
        }
        events.enrolled(enrolment);
        return enrolment;
    }

    /** What the decision log keeps beside an enrolment, and the sequence state it leaves behind. */
    private record Decision(String lockKey, long position, RandomisationMethod method, List<String> levels, String stateBefore,
                            String draws, String stateAfter) {
    }

    /**
     * Numbers the enrolment within its trial and records it, its decision and the sequence's new state in one
     * statement (one round trip on the hot path). Nothing is written if the citizen is already enrolled in the trial;
     * then it returns false. The trial's number row is locked last, after the stratum's sequence, and so held for as
     * short a time as the transaction allows.
     */
    private boolean record(Enrolment e, Decision d) {
        @SuppressWarnings("unchecked")
        List<Number> numbers = withEnrolment(entityManager.createNativeQuery("""
                        with numbered as (
                            insert into enrolment_number (trial_id, last) values (:trialId, 1)
                            on conflict (trial_id) do update set last = enrolment_number.last + 1
                            returning last
                        ), enrolled as (
                            insert into enrolment (id, trial_id, participant, arm, jobcentre, stratum, enrolled_at,
                                                   enrolled_on, imported, enrolled_by, sequence)
                            values (:id, :trialId, :participant, :arm, :jobcentre, :stratum, :enrolledAt, :enrolledOn,
                                    false, :by, (select last from numbered))
                            on conflict (trial_id, participant) do nothing
                            returning id, sequence
                        ), decided as (
                            insert into allocation_decision (enrolment_id, trial_id, lock_key, position, method, stratum,
                                                             levels, state_before, draws, arm, decided_at)
                            select id, :trialId, nullif(:lockKey, ''), :position, :method, :stratum, cast(:levels as jsonb),
                                   cast(:stateBefore as jsonb), cast(:draws as jsonb), :arm, :enrolledAt
                            from enrolled
                        ), advanced as (
                            update allocation_sequence set allocations = :position, state = cast(:stateAfter as jsonb)
                            where trial_id = :trialId and lock_key = :lockKey and exists (select 1 from enrolled)
                        )
                        select sequence from enrolled"""), e)
                // Simple randomisation has no sequence: an empty key matches no sequence row.
                .setParameter("lockKey", d.lockKey() == null ? "" : d.lockKey())
                .setParameter("position", d.position())
                .setParameter("method", d.method().name())
                .setParameter("levels", write(d.levels()))
                .setParameter("stateBefore", d.stateBefore())
                .setParameter("draws", d.draws())
                .setParameter("stateAfter", d.stateAfter())
                .getResultList();
        if (numbers.isEmpty()) {
            // The number taken is given back: the caller's AlreadyEnrolledException rolls the transaction back.
            return false;
        }
        e.sequence = numbers.get(0).longValue();
        return true;
    }

    private record Sequence<S>(long allocations, S state) {
    }

    /**
     * Locks the sequence row ({@code select … for update}), creating it first if this is the sequence's first
     * allocation; a concurrent creator is harmless ({@code on conflict do nothing}). Returns the committed state once
     * the lock is held.
     */
    private <S extends AllocationState> Sequence<S> lock(Allocator<S> allocator, UUID trialId, String key) {
        Object[] row = lockedRow(trialId, key);
        if (row == null) {
            entityManager.createNativeQuery("""
                            insert into allocation_sequence (trial_id, lock_key, allocations, state)
                            values (:trialId, :key, 0, cast(:initial as jsonb))
                            on conflict (trial_id, lock_key) do nothing""")
                    .setParameter("trialId", trialId)
                    .setParameter("key", key)
                    .setParameter("initial", write(allocator.initialState()))
                    .executeUpdate();
            row = lockedRow(trialId, key);
        }
        try {
            return new Sequence<>(((Number) row[0]).longValue(), json.readValue((String) row[1], allocator.stateType()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Allocation state of trial " + trialId + " cannot be read", e);
        }
    }

    private Object[] lockedRow(UUID trialId, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select allocations, cast(state as text) from allocation_sequence
                        where trial_id = :trialId and lock_key = :key for update""")
                .setParameter("trialId", trialId)
                .setParameter("key", key)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Inserts and numbers the enrolment unless the citizen is already enrolled in the trial; true if it was inserted.
     * The number is taken only once the insert has succeeded: an import goes on past a citizen already enrolled, so a
     * number taken for them would stay a gap.
     */
    boolean insertIfNew(Enrolment e) {
        boolean inserted = withEnrolment(entityManager.createNativeQuery("""
                        insert into enrolment (id, trial_id, participant, arm, jobcentre, stratum, enrolled_at, enrolled_on,
                                               imported, enrolled_by, sequence)
                        values (:id, :trialId, :participant, :arm, :jobcentre, :stratum, :enrolledAt, :enrolledOn,
                                :imported, :by, null)
                        on conflict (trial_id, participant) do nothing"""), e)
                .setParameter("imported", e.imported)
                .executeUpdate() == 1;
        if (inserted) {
            e.sequence = ((Number) entityManager.createNativeQuery("""
                            insert into enrolment_number (trial_id, last) values (:trialId, 1)
                            on conflict (trial_id) do update set last = enrolment_number.last + 1
                            returning last""")
                    .setParameter("trialId", e.trialId).getSingleResult()).longValue();
            entityManager.createNativeQuery("update enrolment set sequence = :sequence where id = :id")
                    .setParameter("sequence", e.sequence).setParameter("id", e.id).executeUpdate();
        }
        return inserted;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Allocation state cannot be written", e);
        }
    }

    /** Binds the enrolment's columns, which both the randomised and the imported insert write. */
    private static Query withEnrolment(Query query, Enrolment e) {
        return query
                .setParameter("id", e.id)
                .setParameter("trialId", e.trialId)
                .setParameter("participant", e.participant)
                .setParameter("arm", e.arm)
                .setParameter("jobcentre", e.jobcentre)
                .setParameter("stratum", e.stratum)
                .setParameter("enrolledAt", e.enrolledAt)
                .setParameter("enrolledOn", e.enrolledOn)
                .setParameter("by", e.enrolledBy);
    }
}
