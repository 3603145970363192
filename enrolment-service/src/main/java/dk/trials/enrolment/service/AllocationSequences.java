package dk.trials.enrolment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.service.allocation.AllocationState;
import dk.trials.enrolment.service.allocation.Allocator;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The allocation sequences (a stratum's current block, a minimised trial's counts) as this replica sees them. Within
 * this JVM the allocations of one sequence take turns ({@link #inTurn}): the thread whose turn it is writes every
 * allocation waiting for the sequence at that moment, one after the other from the state it keeps, in one statement
 * ({@link Writer}). The database stays the judge: the statement writes only if the sequence still has the count the
 * allocations started from, and commits on its own, and a sequence that has moved on (another replica, a restart)
 * is read again. So a sequence's row is locked for one statement, never across a round trip to this JVM, a state
 * kept here can be stale but never wrong, and a minimised trial, one sequence for all its enrolments, is written
 * in batches rather than one enrolment after another.
 */
@ApplicationScoped
public class AllocationSequences {

    /** Locks shared by sequences whose keys hash alike: far more than the strata that enrol at once. */
    private static final int STRIPES = 256;
    /** States kept; beyond it they are dropped and read again (a hint only, see above). */
    private static final int KEPT = 10_000;
    /** How long an allocation waits for its turn: far longer than the statements before it. */
    private static final long WAIT_SECONDS = 10;
    /** Allocations written in one turn at most: the requests of one replica's connections. */
    private static final int BATCH = 64;
    /** Writes from a sequence that other replicas keep moving on before it is given up (each loss is their progress). */
    private static final int ATTEMPTS = 20;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final Map<Key, Sequence<?>> kept = new ConcurrentHashMap<>();
    private final Map<Key, Queue<Pending<?>>> waiting = new ConcurrentHashMap<>();

    public AllocationSequences(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** How many allocations a sequence has made, and the state they left. */
    public record Sequence<S extends AllocationState>(long allocations, S state) {
    }

    private record Key(UUID trialId, String lockKey) {
    }

    /**
     * Writes one turn's allocations. Either returns the sequence after them, having completed each pending
     * allocation with its enrolment, or returns empty, nothing written, if the sequence no longer stood at
     * {@code before}; throws {@link AlreadyEnrolledException}, nothing written, if a citizen of the batch is enrolled.
     */
    public interface Writer<S extends AllocationState, T> {
        Optional<Sequence<S>> write(Sequence<S> before, List<Pending<T>> batch);
    }

    /** One allocation waiting for its turn, completed by whichever thread writes it. */
    public static final class Pending<T> {

        private final T request;
        private Enrolment enrolment;
        private RuntimeException failure;

        public Pending(T request) {
            this.request = request;
        }

        public T request() {
            return request;
        }

        public void enrolled(Enrolment enrolment) {
            this.enrolment = enrolment;
        }

        private void failed(RuntimeException failure) {
            this.failure = failure;
        }

        private boolean done() {
            return enrolment != null || failure != null;
        }

        Enrolment result() {
            if (failure instanceof AlreadyEnrolledException) {
                throw new AlreadyEnrolledException();
            }
            if (failure != null) {
                throw new IllegalStateException("The allocation was not written", failure);
            }
            return enrolment;
        }
    }

    /**
     * The enrolment of {@code pending}, written in its turn at the sequence, by this thread or by the one whose turn
     * came first. Everything a pending allocation learns is set under the sequence's lock, which this thread takes
     * before reading it.
     */
    public <S extends AllocationState, T> Enrolment inTurn(UUID trialId, String lockKey, Allocator<S> allocator,
                                                           Pending<T> pending, Writer<S, T> writer) {
        Key key = new Key(trialId, lockKey);
        Queue<Pending<?>> queue = waiting.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
        queue.add(pending);
        ReentrantLock stripe = stripes[Math.floorMod(key.hashCode(), STRIPES)];
        if (!acquired(stripe)) {
            if (queue.remove(pending)) {
                throw new IllegalStateException("Allocation sequence " + lockKey + " of trial " + trialId
                        + " stayed busy for " + WAIT_SECONDS + " s; nothing was written");
            }
            // A turn has taken it already: its result is there once that turn lets go.
            stripe.lock();
        }
        try {
            while (!pending.done()) {
                List<Pending<T>> batch = new ArrayList<>();
                for (Pending<?> next; batch.size() < BATCH && (next = queue.poll()) != null; ) {
                    @SuppressWarnings("unchecked")
                    Pending<T> same = (Pending<T>) next;
                    batch.add(same);
                }
                write(key, allocator, batch, writer);
            }
            // A request that finds the queue gone adds to a new one; it still drains the queue it added to itself.
            if (queue.isEmpty()) {
                waiting.remove(key, queue);
            }
        } finally {
            stripe.unlock();
        }
        return pending.result();
    }

    private static boolean acquired(ReentrantLock stripe) {
        try {
            return stripe.tryLock(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Writes the batch, completing every allocation in it, with its enrolment or its failure. */
    private <S extends AllocationState, T> void write(Key key, Allocator<S> allocator, List<Pending<T>> batch,
                                                      Writer<S, T> writer) {
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                @SuppressWarnings("unchecked")
                Sequence<S> known = (Sequence<S>) kept.get(key);
                Optional<Sequence<S>> after = writer.write(known != null ? known : read(key, allocator), batch);
                if (after.isPresent()) {
                    if (kept.size() >= KEPT) {
                        kept.clear();
                    }
                    kept.put(key, after.get());
                    return;
                }
                kept.remove(key);
            }
            throw new IllegalStateException("Allocation sequence " + key.lockKey() + " of trial " + key.trialId()
                    + " moved on " + ATTEMPTS + " times in a row");
        } catch (AlreadyEnrolledException e) {
            // Which citizen it was the statement does not say: the batch is written again in halves, in order, down
            // to that one alone, so only that one is refused and a repeat costs about 2 log2(batch) statements, not
            // one for each allocation waiting beside it.
            if (batch.size() == 1) {
                batch.get(0).failed(e);
            } else {
                int half = batch.size() / 2;
                write(key, allocator, batch.subList(0, half), writer);
                write(key, allocator, batch.subList(half, batch.size()), writer);
            }
        } catch (RuntimeException e) {
            kept.remove(key);
            batch.forEach(one -> one.failed(e));
        }
    }

    /** The committed state, creating the sequence at its first allocation (a concurrent creator is harmless). */
    private <S extends AllocationState> Sequence<S> read(Key key, Allocator<S> allocator) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<Sequence<S>> committed = select(connection, key, allocator);
            if (committed.isPresent()) {
                return committed.get();
            }
            try (PreparedStatement create = connection.prepareStatement("""
                    insert into allocation_sequence (trial_id, lock_key, allocations, state)
                    values (?, ?, 0, cast(? as jsonb))
                    on conflict (trial_id, lock_key) do nothing""")) {
                create.setObject(1, key.trialId());
                create.setString(2, key.lockKey());
                create.setString(3, json.writeValueAsString(allocator.initialState()));
                create.executeUpdate();
            }
            return select(connection, key, allocator).orElseThrow();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Allocation sequence " + key.lockKey() + " of trial " + key.trialId()
                    + " cannot be read", e);
        }
    }

    private <S extends AllocationState> Optional<Sequence<S>> select(Connection connection, Key key, Allocator<S> allocator)
            throws SQLException, JsonProcessingException {
        try (PreparedStatement select = connection.prepareStatement("""
                select allocations, cast(state as text) from allocation_sequence
                where trial_id = ? and lock_key = ?""")) {
            select.setObject(1, key.trialId());
            select.setString(2, key.lockKey());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Sequence<>(row.getLong(1), json.readValue(row.getString(2), allocator.stateType())));
            }
        }
    }
}
