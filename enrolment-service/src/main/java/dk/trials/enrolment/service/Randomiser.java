package dk.trials.enrolment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.service.allocation.Allocation;
import dk.trials.enrolment.service.allocation.AllocationState;
import dk.trials.enrolment.service.allocation.Allocator;
import dk.trials.enrolment.service.allocation.RecordingDraws;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.cpr.TrialPseudonym;
import dk.trials.platform.sql.ValuesRows;
import dk.trials.platform.tracing.TraceParents;
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
import java.util.Set;
import java.util.UUID;

/**
 * Makes one allocation in one transaction: locks the participant's allocation sequence (a stratum's blocks, or a
 * minimised trial's counts), draws the arm, and records the enrolment, the replayable decision and the new state
 * together, the enrolment queued for its number and event ({@link EnrolmentNumbering}). The lock serialises
 * allocations that share state, so concurrent requests never break a block; the unique (trial, citizen) constraint
 * stops a second allocation of one citizen.
 */
@ApplicationScoped
public class Randomiser {

    /** The columns {@link #insertNew} writes per enrolment. */
    private static final int IMPORT_COLUMNS = 11;

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final SecureRandom random;
    private final Clock clock;

    public Randomiser(EntityManager entityManager, ObjectMapper json, SecureRandom random, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.random = random;
        this.clock = clock;
    }

    /** The new enrolment; throws {@link AlreadyEnrolledException} (rolling back) if a concurrent request won. */
    @Transactional
    public Enrolment enrol(ActiveTrial trial, TrialPseudonym participant, String jobcentre, List<String> levels, String by) {
        return allocate(trial.allocator(), trial, participant, jobcentre, levels, by);
    }

    private <S extends AllocationState> Enrolment allocate(Allocator<S> allocator, ActiveTrial trial, TrialPseudonym participant, String jobcentre,
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
        return enrolment;
    }

    /** What the decision log keeps beside an enrolment, and the sequence state it leaves behind. */
    private record Decision(String lockKey, long position, RandomisationMethod method, List<String> levels, String stateBefore,
                            String draws, String stateAfter) {
    }

    /**
     * Records the enrolment, its decision and the sequence's new state in one statement (one round trip on the hot
     * path), and queues the enrolment for its number (see {@link EnrolmentNumbering}) with the request's trace context.
     * Nothing is written if the citizen is already enrolled in the trial; then it returns false.
     */
    private boolean record(Enrolment e, Decision d) {
        @SuppressWarnings("unchecked")
        List<UUID> recorded = withEnrolment(entityManager.createNativeQuery("""
                        with enrolled as (
                            insert into enrolment (id, trial_id, participant, citizen, arm, jobcentre, stratum, enrolled_at,
                                                   enrolled_on, imported, enrolled_by)
                            values (:id, :trialId, :participant, :citizen, :arm, :jobcentre, :stratum, :enrolledAt, :enrolledOn,
                                    false, :by)
                            on conflict (trial_id, citizen) do nothing
                            returning id
                        ), decided as (
                            insert into allocation_decision (enrolment_id, trial_id, lock_key, position, method, stratum,
                                                             levels, state_before, draws, arm, decided_at)
                            select id, :trialId, nullif(:lockKey, ''), :position, :method, :stratum, cast(:levels as jsonb),
                                   cast(:stateBefore as jsonb), cast(:draws as jsonb), :arm, :enrolledAt
                            from enrolled
                        ), advanced as (
                            update allocation_sequence set allocations = :position, state = cast(:stateAfter as jsonb)
                            where trial_id = :trialId and lock_key = :lockKey and exists (select 1 from enrolled)
                        ), queued as (
                            insert into unnumbered_enrolment (enrolment_id, trial_id, traceparent)
                            select id, :trialId, :traceparent from enrolled
                        )
                        select id from enrolled"""), e)
                // Simple randomisation has no sequence: an empty key matches no sequence row.
                .setParameter("lockKey", d.lockKey() == null ? "" : d.lockKey())
                .setParameter("position", d.position())
                .setParameter("method", d.method().name())
                .setParameter("levels", write(d.levels()))
                .setParameter("stateBefore", d.stateBefore())
                .setParameter("draws", d.draws())
                .setParameter("stateAfter", d.stateAfter())
                .setParameter("traceparent", TraceParents.current())
                .getResultList();
        return !recorded.isEmpty();
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
     * Inserts those of a batch of imported enrolments (of one trial, each citizen once) whose citizen is not enrolled in
     * the trial yet, queued for their numbers, and returns them in batch order. A few statements per batch, not per
     * enrolment, so that the largest import fits its transaction. The trial's number row is locked first and held to
     * the import's commit, so that the import numbers its own enrolments ({@link EnrolmentNumbering#numberTrial}) in
     * its transaction.
     */
    List<Enrolment> insertNew(UUID trialId, List<Enrolment> batch) {
        entityManager.createNativeQuery("""
                        insert into enrolment_number (trial_id, last) values (:trialId, 0)
                        on conflict (trial_id) do update set last = enrolment_number.last""")
                .setParameter("trialId", trialId).executeUpdate();
        @SuppressWarnings("unchecked")
        Set<String> enrolled = Set.copyOf(entityManager.createNativeQuery(
                        "select citizen from enrolment where trial_id = :trialId and citizen in (:citizens)")
                .setParameter("trialId", trialId)
                .setParameter("citizens", batch.stream().map(e -> e.citizen).toList())
                .getResultList());
        List<Enrolment> fresh = batch.stream().filter(e -> !enrolled.contains(e.citizen)).toList();
        if (fresh.isEmpty()) {
            return fresh;
        }
        StringBuilder sql = new StringBuilder("""
                with enrolled as (
                    insert into enrolment (id, trial_id, participant, citizen, arm, jobcentre, stratum, enrolled_at,
                                           enrolled_on, imported, enrolled_by) values """)
                .append(ValuesRows.placeholders(fresh.size(), IMPORT_COLUMNS));
        sql.append("""
                     on conflict (trial_id, citizen) do nothing
                    returning id
                ), given (id, n) as (values """);
        // The queue keeps batch order by the values' positions: the rows an insert returns come in no set order.
        for (int i = 0; i < fresh.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(cast(?").append(i * IMPORT_COLUMNS + 1).append(" as uuid), ")
                    .append(i).append(')');
        }
        int queue = fresh.size() * IMPORT_COLUMNS;
        sql.append("""
                )
                insert into unnumbered_enrolment (enrolment_id, trial_id, traceparent)
                select given.id, ?%d, ?%d from given where given.id in (select id from enrolled) order by given.n"""
                .formatted(queue + 1, queue + 2));
        Query insert = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < fresh.size(); i++) {
            Enrolment e = fresh.get(i);
            int p = i * IMPORT_COLUMNS;
            insert.setParameter(p + 1, e.id).setParameter(p + 2, e.trialId).setParameter(p + 3, e.participant)
                    .setParameter(p + 4, e.citizen).setParameter(p + 5, e.arm).setParameter(p + 6, e.jobcentre)
                    .setParameter(p + 7, e.stratum).setParameter(p + 8, e.enrolledAt).setParameter(p + 9, e.enrolledOn)
                    .setParameter(p + 10, e.imported).setParameter(p + 11, e.enrolledBy);
        }
        insert.setParameter(queue + 1, trialId).setParameter(queue + 2, TraceParents.current());
        if (insert.executeUpdate() != fresh.size()) {
            // A live enrolment of one of the citizens committed after the look-up; the transaction rolls back whole.
            throw ProblemException.conflict("A citizen of the batch was enrolled at the same time; nothing was "
                    + "imported, and the batch may be sent again");
        }
        return fresh;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Allocation state cannot be written", e);
        }
    }

    /** Binds the enrolment's columns for the randomised insert. */
    private static Query withEnrolment(Query query, Enrolment e) {
        return query
                .setParameter("id", e.id)
                .setParameter("trialId", e.trialId)
                .setParameter("participant", e.participant)
                .setParameter("citizen", e.citizen)
                .setParameter("arm", e.arm)
                .setParameter("jobcentre", e.jobcentre)
                .setParameter("stratum", e.stratum)
                .setParameter("enrolledAt", e.enrolledAt)
                .setParameter("enrolledOn", e.enrolledOn)
                .setParameter("by", e.enrolledBy);
    }
}
