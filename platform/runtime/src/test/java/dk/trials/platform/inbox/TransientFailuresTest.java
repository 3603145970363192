package dk.trials.platform.inbox;

import dk.trials.events.MalformedEventException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "08P01", "53300", "53200", "57P01", "57P02", "57P03", "40001", "40P01"})
    void aDatabaseThatIsAwayOverloadedRestartingOrInConflictIsTransient(String sqlState) {
        assertTrue(TransientFailures.isTransient(new SQLException("fault", sqlState)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "22001", "42P01", "55P03", "57014", "40002"})
    void aBrokenRuleMissingTableOrCancelledStatementIsNot(String sqlState) {
        assertFalse(TransientFailures.isTransient(new SQLException("fault", sqlState)));
    }

    @Test
    void theDriversExceptionIsFoundUnderTheWrappersOfHibernateAndTheTransactionManager() {
        RuntimeException wrapped = new IllegalStateException("commit failed",
                new RuntimeException("JDBC exception", new SQLException("terminating connection", "57P01")));

        assertTrue(TransientFailures.isTransient(wrapped));
    }

    @Test
    void aCommitThatFailsOnADroppedConnectionIsTransientThoughTheDriversExceptionIsOnlySuppressed() {
        Exception commit = new Exception("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new Exception("Error trying to transactionCommit local transaction",
                new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(TransientFailures.isTransient(new RuntimeException("commit failed", commit)));

        Exception brokenRule = new Exception("ARJUNA016053: Could not commit transaction.");
        brokenRule.addSuppressed(new SQLException("duplicate key value", "23505"));
        assertFalse(TransientFailures.isTransient(brokenRule));
    }

    @Test
    void anExhaustedConnectionPoolIsTransient() {
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aRetriableKafkaExceptionIsTransientAndAnotherKafkaRefusalIsNot() {
        assertTrue(TransientFailures.isTransient(new RuntimeException(new NetworkException("broker gone"))));
        assertFalse(TransientFailures.isTransient(new RecordTooLargeException("over 1 MB")));
    }

    @Test
    void anUnreadableRecordIsNotTransient() {
        assertFalse(TransientFailures.isTransient(new MalformedEventException("Not an event envelope", null)));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertFalse(TransientFailures.isTransient(first));
    }
}
