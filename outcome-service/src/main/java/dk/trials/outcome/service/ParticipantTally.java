package dk.trials.outcome.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * outcome-service's own count of a trial's participants up to an enrolment number, read in the caller's transaction:
 * a participant counts when its number is at most that one, or when it has none (enrolled before numbers existed,
 * so before every checkpoint).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ParticipantTally {

    /** How many differing participants a reconciliation names; the counts say how many there are. */
    static final int NAMED = 100;

    private static final String COUNTED = "trial_id = ? and (sequence is null or sequence <= ?)";

    private final AgroalDataSource dataSource;

    public ParticipantTally(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts per arm, withdrawn and unnumbered among the participants counted, and how many numbers they hold. */
    public record Counts(Map<String, Long> perArm, long withdrawn, long unsequenced, long distinctSequences) {
        public long total() {
            return perArm.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Counts count(UUID trialId, long upToSequence) {
        Map<String, Long> perArm = new TreeMap<>();
        long withdrawn = 0;
        long unsequenced = 0;
        long distinct = 0;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select arm, count(*), count(withdrawn_on),"
                    + " count(*) filter (where sequence is null) from participant where " + COUNTED + " group by arm")) {
                s.setObject(1, trialId);
                s.setLong(2, upToSequence);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        perArm.put(r.getString(1), r.getLong(2));
                        withdrawn += r.getLong(3);
                        unsequenced += r.getLong(4);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select count(distinct sequence) from participant"
                    + " where trial_id = ? and sequence <= ?")) {
                s.setObject(1, trialId);
                s.setLong(2, upToSequence);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    distinct = r.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Counts(perArm, withdrawn, unsequenced, distinct);
    }

    /** The first numbers from 1 to {@code upToSequence} that no participant of the trial holds. */
    public List<Long> missingSequences(UUID trialId, long upToSequence) {
        String sql = "select g from generate_series(1::bigint, ?) g where not exists (select 1 from participant p"
                + " where p.trial_id = ? and p.sequence = g) order by g limit " + NAMED;
        List<Long> missing = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, upToSequence);
            s.setObject(2, trialId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    missing.add(r.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return missing;
    }

    /**
     * Participants counted that enrolment-service cannot have allocated: a second one holding an enrolment number
     * (the one with the lowest enrolment id is taken as the first), or one in an arm outside {@code allocatedArms}.
     */
    public Extra extra(UUID trialId, long upToSequence, Collection<String> allocatedArms) {
        String from = " from participant p where p.trial_id = ? and (p.sequence is null or p.sequence <= ?)"
                + " and (p.arm <> all (?) or exists (select 1 from participant q where q.trial_id = p.trial_id"
                + " and q.sequence = p.sequence and q.enrolment_id < p.enrolment_id))";
        List<UUID> named = new ArrayList<>();
        long count;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select p.enrolment_id" + from
                    + " order by p.sequence nulls first, p.enrolment_id limit " + NAMED)) {
                bind(c, s, trialId, upToSequence, allocatedArms);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        named.add(r.getObject(1, UUID.class));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select count(*)" + from)) {
                bind(c, s, trialId, upToSequence, allocatedArms);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    count = r.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Extra(count, named);
    }

    public record Extra(long count, List<UUID> named) {
    }

    private static void bind(Connection c, PreparedStatement s, UUID trialId, long upToSequence,
                             Collection<String> allocatedArms) throws SQLException {
        s.setObject(1, trialId);
        s.setLong(2, upToSequence);
        s.setArray(3, c.createArrayOf("text", allocatedArms.toArray(String[]::new)));
    }
}
