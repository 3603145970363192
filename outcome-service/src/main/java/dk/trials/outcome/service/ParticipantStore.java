package dk.trials.outcome.service;

import dk.trials.platform.cpr.CprPseudonymiser;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The participants as enrolment-service allocated them, with the earliest terminal outcome counted for each, in
 * plain JDBC with set-based statements (arrays unnested server-side) so that a batch of thousands of outcomes costs a
 * handful of round trips. Every method joins the caller's transaction; Agroal hands it the transaction's connection.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ParticipantStore {

    private static final String COLUMNS =
            "enrolment_id, trial_id, pseudonym, arm, jobcentre, coalesce(acting_jobcentre, jobcentre), enrolled_on,"
                    + " ended_day, ended_by_job_exit";

    private final AgroalDataSource dataSource;

    public ParticipantStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The trial's participants named by pseudonym or enrolment id, locked against concurrent outcome updates. Two
     * index lookups rather than one OR, which the planner could only answer by scanning the trial's participants.
     */
    public List<ParticipantRecord> lock(UUID trialId, Collection<String> pseudonyms, Collection<UUID> enrolmentIds) {
        List<ParticipantRecord> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            if (!enrolmentIds.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from participant"
                        + " where enrolment_id = any (?::uuid[]) and trial_id = ? order by enrolment_id for update")) {
                    s.setArray(1, c.createArrayOf("text", enrolmentIds.stream().map(UUID::toString).toArray(String[]::new)));
                    s.setObject(2, trialId);
                    found.addAll(read(s));
                }
            }
            if (!pseudonyms.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from participant"
                        + " where trial_id = ? and pseudonym = any (?) order by enrolment_id for update")) {
                    s.setObject(1, trialId);
                    s.setArray(2, c.createArrayOf("text", pseudonyms.toArray(String[]::new)));
                    found.addAll(read(s));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** The participant of this enrolment, locked against concurrent outcome updates. */
    public Optional<ParticipantRecord> lock(UUID enrolmentId) {
        String sql = "select " + COLUMNS + " from participant where enrolment_id = ? for update";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, enrolmentId);
            return read(s).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ParticipantRecord> read(PreparedStatement s) throws SQLException {
        List<ParticipantRecord> found = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(new ParticipantRecord(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                        r.getString(4), r.getString(5), r.getString(6), r.getObject(7, LocalDate.class),
                        (Integer) r.getObject(8), (Boolean) r.getObject(9)));
            }
        }
        return found;
    }

    /** A participant as an enrolment event names them, with the pseudonym under the trial's key. */
    public record NewParticipant(UUID enrolmentId, UUID trialId, String pseudonym, String arm, String jobcentre,
                                 String stratum, LocalDate enrolledOn, Long sequence) {
    }

    /**
     * Records each enrolment once, with its number within the trial (null on events from before numbers existed),
     * which allocation checkpoints count up to; the enrolment ids of those recorded now. A participant already known
     * (a redelivered or repeated event) is left as it is, with its first number.
     */
    public Set<UUID> addAll(List<NewParticipant> added) {
        String sql = """
                insert into participant (enrolment_id, trial_id, pseudonym, arm, jobcentre, stratum, enrolled_on, sequence)
                select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::bigint[])
                on conflict do nothing returning enrolment_id""";
        Set<UUID> recorded = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", added.stream().map(NewParticipant::enrolmentId).toArray()));
            s.setArray(2, c.createArrayOf("uuid", added.stream().map(NewParticipant::trialId).toArray()));
            s.setArray(3, c.createArrayOf("text", added.stream().map(NewParticipant::pseudonym).toArray()));
            s.setArray(4, c.createArrayOf("text", added.stream().map(NewParticipant::arm).toArray()));
            s.setArray(5, c.createArrayOf("text", added.stream().map(NewParticipant::jobcentre).toArray()));
            s.setArray(6, c.createArrayOf("text", added.stream().map(NewParticipant::stratum).toArray()));
            s.setArray(7, c.createArrayOf("date", added.stream().map(NewParticipant::enrolledOn).toArray()));
            s.setArray(8, c.createArrayOf("int8", added.stream().map(NewParticipant::sequence).toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return recorded;
    }

    /**
     * Those of the participants for whom an outcome may be waiting (by pseudonym or enrolment id, from any reporter),
     * so that only they need {@link PendingOutcomeMatch#matchFor}. Two lookups on the pending outcomes' indexes rather
     * than one OR.
     */
    public Set<UUID> withPendingOutcomes(Collection<UUID> enrolmentIds) {
        Set<UUID> waited = new HashSet<>();
        if (enrolmentIds.isEmpty()) {
            return waited;
        }
        String sql = """
                select p.enrolment_id from participant p where p.enrolment_id = any (?::uuid[])
                  and (exists (select 1 from outcome o where o.status = 'PENDING_ENROLMENT'
                                 and o.trial_id = p.trial_id and o.pseudonym = p.pseudonym)
                    or exists (select 1 from outcome o where o.status = 'PENDING_ENROLMENT'
                                 and o.trial_id = p.trial_id and o.enrolment_id = p.enrolment_id))""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", enrolmentIds.toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    waited.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return waited;
    }

    /**
     * Re-keys a known participant to {@code pseudonym} when enrolment-service publishes it under another trial key
     * (a key rotation), with the outcomes kept under the old one; false if the participant is unknown or its pseudonym
     * is under that key already (a redelivery, or the same enrolment event again).
     */
    public boolean rekey(UUID enrolmentId, String pseudonym) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement find = c.prepareStatement(
                     "select trial_id, pseudonym from participant where enrolment_id = ? for update");
             PreparedStatement participant = c.prepareStatement(
                     "update participant set pseudonym = ? where enrolment_id = ?");
             PreparedStatement outcomes = c.prepareStatement(
                     "update outcome set pseudonym = ? where trial_id = ? and pseudonym = ?")) {
            find.setObject(1, enrolmentId);
            UUID trialId;
            String before;
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                trialId = row.getObject(1, UUID.class);
                before = row.getString(2);
            }
            if (CprPseudonymiser.keyIdOf(before).equals(CprPseudonymiser.keyIdOf(pseudonym))) {
                return false;
            }
            participant.setString(1, pseudonym);
            participant.setObject(2, enrolmentId);
            participant.executeUpdate();
            outcomes.setString(1, pseudonym);
            outcomes.setObject(2, trialId);
            outcomes.setString(3, before);
            outcomes.executeUpdate();
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** From now on {@code jobcentre} acts for the participant; false if the participant is not known. */
    public boolean transfer(UUID enrolmentId, String jobcentre) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update participant set acting_jobcentre = ? where enrolment_id = ?")) {
            s.setString(1, jobcentre);
            s.setObject(2, enrolmentId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the withdrawal date for the record; intention to treat keeps the participant in the analysis. */
    public void withdraw(UUID enrolmentId, LocalDate withdrawnOn) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update participant set withdrawn_on = ? where enrolment_id = ?")) {
            s.setObject(1, withdrawnOn);
            s.setObject(2, enrolmentId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the new earliest terminal outcome of each changed participant. */
    public void updateEnds(Collection<ParticipantRecord> changed) {
        if (changed.isEmpty()) {
            return;
        }
        String sql = """
                update participant p set ended_day = u.day, ended_by_job_exit = u.job_exit
                from unnest(?::uuid[], ?::int[], ?::boolean[]) as u(enrolment_id, day, job_exit)
                where p.enrolment_id = u.enrolment_id""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", changed.stream().map(p -> p.enrolmentId().toString()).toArray(String[]::new)));
            s.setArray(2, c.createArrayOf("int4", changed.stream().map(ParticipantRecord::endedDay).toArray(Integer[]::new)));
            s.setArray(3, c.createArrayOf("bool", changed.stream().map(ParticipantRecord::endedByJobExit).toArray(Boolean[]::new)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
