package dk.trials.outcome.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Each trial's change number ({@code estimate_version}): how many committed transactions have moved its estimates.
 * It is what lets every replica know, from the database, whether figures it computed earlier are still current.
 * <p>
 * A transaction's trials are raised just before it commits, after Hibernate has flushed, as its very last statement:
 * the row lock is then held only for the commit, so concurrent writers of one trial queue briefly instead of
 * deadlocking with the aggregate cells they also lock; and a transaction that rolls back raises nothing.
 */
@ApplicationScoped
public class EstimateVersions {

    private static final Object PENDING = EstimateVersions.class.getName() + ".pending";

    private final TransactionSynchronizationRegistry transactions;
    private final AgroalDataSource dataSource;

    public EstimateVersions(TransactionSynchronizationRegistry transactions, AgroalDataSource dataSource) {
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    /** Raises the trial's change number as the running transaction's last statement, once however often called. */
    public void raiseBeforeCommit(UUID trialId) {
        @SuppressWarnings("unchecked")
        Set<UUID> pending = (Set<UUID>) transactions.getResource(PENDING);
        if (pending == null) {
            Set<UUID> trials = new HashSet<>();
            transactions.putResource(PENDING, trials);
            // Interposed: called after the ordinary synchronizations, Hibernate's flush among them.
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        raise(trials);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing: the number is committed or rolled back with the transaction
                }
            });
            pending = trials;
        }
        pending.add(trialId);
    }

    /** The trial's change number as committed now; 0 for a trial never changed. */
    public long current(UUID trialId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select version from estimate_version where trial_id = ?")) {
            s.setObject(1, trialId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every trial's change number as committed now. */
    public Map<UUID, Long> all() {
        Map<UUID, Long> versions = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select trial_id, version from estimate_version");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                versions.put(rows.getObject(1, UUID.class), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return versions;
    }

    private void raise(Set<UUID> trials) {
        // In trial order, so two transactions that change the same trials cannot lock them crosswise.
        String sql = """
                insert into estimate_version (trial_id, version)
                select t, 1 from unnest(?::uuid[]) as t order by t
                on conflict (trial_id) do update set version = estimate_version.version + 1""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", trials.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            // Thrown from beforeCompletion, this rolls the transaction back: no change without its number.
            throw new IllegalStateException("The estimates' change number could not be raised", e);
        }
    }
}
