package dk.trials.platform.inbox;

import org.apache.kafka.common.errors.RetriableException;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure that will pass by itself (the database restarting, a dropped connection, a serialisation conflict,
 * a full pool, a broker hiccup) from one that will not (an unreadable record, a rule the payload breaks). Only the
 * first kind is worth retrying; retrying the second only delays the dead-letter topic.
 * <p>
 * The whole cause chain is searched, because Hibernate, Narayana and Quarkus wrap the driver's exception.
 */
public final class TransientFailures {

    /** SQLSTATE classes: 08 connection exception, 53 insufficient resources (too many connections, out of memory). */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");
    /** 57P01–57P03 the server shutting down or not yet accepting connections; 40001 serialisation; 40P01 deadlock. */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01");
    /** Agroal signals an exhausted pool with a plain SQLException that carries no SQLSTATE, only this message. */
    private static final String POOL_ACQUISITION_TIMEOUT = "acquisition timeout";

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, new IdentityHashMap<>());
    }

    /**
     * Causes and suppressed exceptions both: a commit that fails on a dropped connection is Narayana's
     * RollbackException, which carries the driver's exception only as a suppressed XAException's cause.
     */
    private static boolean isTransient(Throwable failure, Map<Throwable, Boolean> seen) {
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof RetriableException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isTransient(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && state.length() == 5) {
            return TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, 2));
        }
        return state == null && sql.getMessage() != null && sql.getMessage().contains(POOL_ACQUISITION_TIMEOUT);
    }
}
