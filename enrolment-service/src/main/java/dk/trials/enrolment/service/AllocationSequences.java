package dk.trials.enrolment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.service.allocation.AllocationState;
import dk.trials.enrolment.service.allocation.Allocator;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The allocation sequences (a stratum's current block, a minimised trial's counts) as this replica sees them. Within
 * this JVM one allocation at a time takes a sequence ({@link #hold}), and the state it left is kept, so the next one
 * starts without reading it. The database stays the judge: {@link Randomiser} writes an allocation only if the
 * sequence still has the count it started from, in one statement that commits on its own, and a sequence that has
 * moved on (another replica, a restart) is read again. So the sequence's row is locked for that one statement, never
 * across a round trip to this JVM, and a state kept here can be stale but never wrong.
 */
@ApplicationScoped
public class AllocationSequences {

    /** Locks shared by sequences whose keys hash alike: far more than the strata that enrol at once. */
    private static final int STRIPES = 256;
    /** States kept; beyond it they are dropped and read again (a hint only, see above). */
    private static final int KEPT = 10_000;
    /** How long an allocation waits for its sequence: far longer than the one statement that holds it. */
    private static final long WAIT_SECONDS = 10;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final Map<Key, Sequence<?>> kept = new ConcurrentHashMap<>();

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

    /** Takes the sequence for this JVM's allocations until the hold is closed. */
    public <S extends AllocationState> Hold<S> hold(UUID trialId, String lockKey, Allocator<S> allocator) {
        Key key = new Key(trialId, lockKey);
        ReentrantLock stripe = stripes[Math.floorMod(key.hashCode(), STRIPES)];
        try {
            if (!stripe.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Allocation sequence " + lockKey + " of trial " + trialId
                        + " stayed busy for " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an allocation sequence", e);
        }
        return new Hold<>(key, allocator, stripe);
    }

    /** One sequence, held by the current thread. */
    public final class Hold<S extends AllocationState> implements AutoCloseable {

        private final Key key;
        private final Allocator<S> allocator;
        private final ReentrantLock stripe;

        private Hold(Key key, Allocator<S> allocator, ReentrantLock stripe) {
            this.key = key;
            this.allocator = allocator;
            this.stripe = stripe;
        }

        /** The state this replica last left, or else the committed one. */
        public Sequence<S> current() {
            @SuppressWarnings("unchecked")
            Sequence<S> known = (Sequence<S>) kept.get(key);
            return known != null ? known : read();
        }

        /** The allocation from {@link #current} was written: the sequence now stands at {@code after}. */
        public void advancedTo(Sequence<S> after) {
            if (kept.size() >= KEPT) {
                kept.clear();
            }
            kept.put(key, after);
        }

        /** The sequence had moved on elsewhere: the next {@link #current} reads it. */
        public void movedOn() {
            kept.remove(key);
        }

        @Override
        public void close() {
            stripe.unlock();
        }

        /** The committed state, creating the sequence at its first allocation (a concurrent creator is harmless). */
        private Sequence<S> read() {
            try (Connection connection = dataSource.getConnection()) {
                Optional<Sequence<S>> committed = select(connection);
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
                return select(connection).orElseThrow();
            } catch (SQLException | JsonProcessingException e) {
                throw new IllegalStateException("Allocation sequence " + key.lockKey() + " of trial " + key.trialId()
                        + " cannot be read", e);
            }
        }

        private Optional<Sequence<S>> select(Connection connection) throws SQLException, JsonProcessingException {
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
}
