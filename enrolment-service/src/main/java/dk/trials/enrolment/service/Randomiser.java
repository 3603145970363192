package dk.trials.enrolment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.service.AllocationSequences.Pending;
import dk.trials.enrolment.service.AllocationSequences.Sequence;
import dk.trials.enrolment.service.allocation.Allocation;
import dk.trials.enrolment.service.allocation.AllocationState;
import dk.trials.enrolment.service.allocation.Allocator;
import dk.trials.enrolment.service.allocation.RecordingDraws;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.cpr.TrialPseudonym;
import dk.trials.platform.sql.ValuesRows;
import dk.trials.platform.tracing.TraceParents;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.postgresql.util.PSQLException;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Makes allocations, each in a statement that commits on its own: the enrolment, the replayable decision and the
 * sequence's new state (a stratum's block, a minimised trial's counts) together, the enrolment queued for its number
 * and event ({@link EnrolmentNumbering}). The statement writes only if the sequence still has the count the
 * allocations started from, so concurrent allocations never break a block: within this replica they take turns at
 * the sequence, a turn writing all that wait for it ({@link AllocationSequences}), and a turn that finds the
 * sequence moved on elsewhere draws again from the committed state. The unique (trial, citizen) constraint stops a
 * second allocation of one citizen.
 */
@ApplicationScoped
public class Randomiser {

    /** The columns {@link #insertNew} writes per enrolment. */
    private static final int IMPORT_COLUMNS = 11;
    /** The columns of one allocation in {@link #record}'s values list. */
    private static final int ALLOCATION_COLUMNS = 15;
    /** The constraint whose violation means the citizen was enrolled in the trial by a concurrent request. */
    private static final String ONCE_PER_TRIAL = "enrolment_citizen_once_per_trial";
    private static final String UNIQUE_VIOLATION = "23505";

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;
    private final AllocationSequences sequences;
    private final ObjectMapper json;
    private final SecureRandom random;
    private final Clock clock;

    public Randomiser(EntityManager entityManager, AgroalDataSource dataSource, AllocationSequences sequences,
                      ObjectMapper json, SecureRandom random, Clock clock) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.sequences = sequences;
        this.json = json;
        this.random = random;
        this.clock = clock;
    }

    /** The new enrolment; throws {@link AlreadyEnrolledException} (nothing written) if a concurrent request won. */
    public Enrolment enrol(ActiveTrial trial, TrialPseudonym participant, String jobcentre, List<String> levels, String by) {
        return allocate(trial.allocator(),
                new Subject(trial.id(), participant, jobcentre, levels, StratumKey.stratum(levels), by,
                        TraceParents.current()));
    }

    /**
     * Who is allocated, where, by whom, and the trace context of the request (another request's thread may write
     * the allocation).
     */
    private record Subject(UUID trialId, TrialPseudonym participant, String jobcentre, List<String> levels,
                           String stratum, String by, String traceparent) {
    }

    private <S extends AllocationState> Enrolment allocate(Allocator<S> allocator, Subject subject) {
        Optional<String> lockKey = allocator.lockKey(subject.stratum());
        Pending<Subject> pending = new Pending<>(subject);
        if (lockKey.isEmpty()) {
            // Simple randomisation keeps no sequence: nothing to take turns at.
            write(allocator, subject.trialId(), null, new Sequence<>(0, allocator.initialState()), List.of(pending));
            return pending.result();
        }
        return sequences.inTurn(subject.trialId(), lockKey.get(), allocator, pending,
                (before, batch) -> write(allocator, subject.trialId(), lockKey.get(), before, batch));
    }

    /**
     * Draws the batch's arms one after the other from {@code before} and writes them; the sequence after them, or
     * empty if the sequence was no longer at {@code before}.
     */
    private <S extends AllocationState> Optional<Sequence<S>> write(Allocator<S> allocator, UUID trialId, String lockKey,
                                                                   Sequence<S> before, List<Pending<Subject>> batch) {
        S state = before.state();
        long position = before.allocations();
        List<Decided> decided = new ArrayList<>(batch.size());
        for (Pending<Subject> pending : batch) {
            Subject subject = pending.request();
            RecordingDraws draws = new RecordingDraws(random);
            Allocation<S> allocation = allocator.allocate(state, subject.levels(), draws);
            // Millisecond precision, as stored and as answered to a repeated request: both bodies must be identical.
            Instant enrolledAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Enrolment enrolment = Enrolment.allocated(trialId, subject.participant(), allocation.arm(),
                    subject.jobcentre(), subject.stratum(), enrolledAt,
                    LocalDate.ofInstant(enrolledAt, clock.getZone()), false, subject.by());
            position = lockKey == null ? 0 : position + 1;
            decided.add(new Decided(enrolment, position, write(subject.levels()),
                    write(allocator.relevantTo(state, subject.levels())), write(draws.drawn()), subject.traceparent()));
            state = allocation.after();
        }
        Sequence<S> after = new Sequence<>(lockKey == null ? 0 : position, state);
        if (!record(trialId, lockKey, allocator.method(), before.allocations(), write(state), decided)) {
            return Optional.empty();
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).enrolled(decided.get(i).enrolment());
        }
        return Optional.of(after);
    }

    /** An enrolment with what the decision log keeps beside it, and the trace context its event carries. */
    private record Decided(Enrolment enrolment, long position, String levels, String stateBefore, String draws,
                           String traceparent) {
    }

    /**
     * Records the enrolments, their decisions and the sequence's new state in one statement, committed on its own
     * (one round trip, and the sequence's row locked only while it runs), and queues the enrolments for their numbers
     * in the order they were drawn (see {@link EnrolmentNumbering}). Writes nothing and returns false if the
     * sequence no longer has {@code allocations}; throws {@link AlreadyEnrolledException}, nothing written, if one
     * of the citizens is already enrolled in the trial.
     */
    private boolean record(UUID trialId, String lockKey, RandomisationMethod method, long allocations, String stateAfter,
                           List<Decided> decided) {
        String sql = """
                with advanced as (
                    update allocation_sequence set allocations = ?, state = cast(? as jsonb)
                    where trial_id = ? and lock_key = ? and allocations = ?
                    returning 1
                ), given (id, participant, citizen, arm, jobcentre, stratum, enrolled_at, enrolled_on, enrolled_by,
                          position, levels, state_before, draws, traceparent, n) as (
                    values %s
                ), enrolled as (
                    insert into enrolment (id, trial_id, participant, citizen, arm, jobcentre, stratum, enrolled_at,
                                           enrolled_on, imported, enrolled_by)
                    select id, ?, participant, citizen, arm, jobcentre, stratum, enrolled_at, enrolled_on, false,
                           enrolled_by
                    from given where ? or exists (select 1 from advanced)
                    returning id
                ), decided as (
                    insert into allocation_decision (enrolment_id, trial_id, lock_key, position, method, stratum,
                                                     levels, state_before, draws, arm, decided_at)
                    select id, ?, ?, position, ?, stratum, cast(levels as jsonb), cast(state_before as jsonb),
                           cast(draws as jsonb), arm, enrolled_at
                    from given where id in (select id from enrolled)
                ), queued as (
                    insert into unnumbered_enrolment (enrolment_id, trial_id, traceparent)
                    select id, ?, traceparent from given where id in (select id from enrolled) order by n
                )
                select count(*) from enrolled""".formatted(ValuesRows.unnumbered(decided.size(), ALLOCATION_COLUMNS));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = 0;
            // Simple randomisation has no sequence: a null key matches no sequence row, and none is needed.
            statement.setLong(++p, decided.get(decided.size() - 1).position());
            statement.setString(++p, stateAfter);
            statement.setObject(++p, trialId);
            statement.setString(++p, lockKey);
            statement.setLong(++p, allocations);
            for (int n = 0; n < decided.size(); n++) {
                Decided d = decided.get(n);
                Enrolment e = d.enrolment();
                statement.setObject(++p, e.id);
                statement.setString(++p, e.participant);
                statement.setString(++p, e.citizen);
                statement.setString(++p, e.arm);
                statement.setString(++p, e.jobcentre);
                statement.setString(++p, e.stratum);
                statement.setObject(++p, e.enrolledAt.atOffset(ZoneOffset.UTC));
                statement.setObject(++p, e.enrolledOn);
                statement.setString(++p, e.enrolledBy);
                statement.setLong(++p, d.position());
                statement.setString(++p, d.levels());
                statement.setString(++p, d.stateBefore());
                statement.setString(++p, d.draws());
                statement.setString(++p, d.traceparent());
                statement.setInt(++p, n);
            }
            statement.setObject(++p, trialId);
            statement.setBoolean(++p, lockKey == null);
            statement.setObject(++p, trialId);
            statement.setString(++p, lockKey);
            statement.setString(++p, method.name());
            statement.setObject(++p, trialId);
            try (ResultSet count = statement.executeQuery()) {
                count.next();
                return count.getLong(1) == decided.size();
            }
        } catch (SQLException failure) {
            if (UNIQUE_VIOLATION.equals(failure.getSQLState()) && failure instanceof PSQLException psql
                    && psql.getServerErrorMessage() != null
                    && ONCE_PER_TRIAL.equals(psql.getServerErrorMessage().getConstraint())) {
                throw new AlreadyEnrolledException();
            }
            throw new IllegalStateException("The allocations of trial " + trialId + " were not written", failure);
        }
    }

    /**
     * Inserts those of a batch of imported enrolments (of one trial, each citizen once) whose citizen is not enrolled in
     * the trial yet, queued for their numbers, and returns them in batch order. A few statements per batch, not per
     * enrolment, so that the largest import fits its transaction. The caller holds the trial's number row
     * ({@link EnrolmentNumbering#holdNumberRow}) to the import's commit, so that the import numbers its own enrolments
     * ({@link EnrolmentNumbering#numberTrial}) in its transaction.
     */
    List<Enrolment> insertNew(UUID trialId, List<Enrolment> batch) {
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
}
