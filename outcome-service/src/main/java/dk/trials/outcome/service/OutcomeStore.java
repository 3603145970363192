package dk.trials.outcome.service;

import dk.trials.events.outcome.OutcomeType;
import dk.trials.outcome.OutcomeStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The outcome table in set-based JDBC: one insert per batch, duplicates found by the unique (trial, source, id). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutcomeStore {

    /** An outcome to keep, with the status it gets. */
    public record NewOutcome(IncomingOutcome outcome, UUID enrolmentId, OutcomeStatus status, String reason) {
    }

    /** A kept outcome still waiting for its participant. */
    public record PendingOutcome(long id, OutcomeType type, LocalDate occurredOn, String reportedByJobcentre) {
    }

    /** A pending outcome for the report of outcomes that never found their participant. */
    public record Unmatched(String source, String sourceId, UUID enrolmentId, boolean namedByCpr, OutcomeType type,
                            LocalDate occurredOn, Instant receivedAt) {
    }

    private final AgroalDataSource dataSource;

    public OutcomeStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the outcomes whose source and source id are new. Returns, per outcome, whether it was inserted; of two
     * with the same key in one batch only the first is.
     */
    public boolean[] insertNew(UUID trialId, List<NewOutcome> outcomes) {
        boolean[] inserted = new boolean[outcomes.size()];
        if (outcomes.isEmpty()) {
            return inserted;
        }
        String sql = """
                insert into outcome (trial_id, source, source_id, enrolment_id, pseudonym, type, occurred_on,
                                     reported_by_jobcentre, status, reason)
                select ?, u.* from unnest(?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::date[], ?::text[],
                                          ?::text[], ?::text[])
                  as u(source, source_id, enrolment_id, pseudonym, type, occurred_on, reported_by_jobcentre, status, reason)
                on conflict (trial_id, source, source_id) do nothing
                returning source, source_id""";
        Set<List<String>> keys = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, trialId);
            s.setArray(2, c.createArrayOf("text", outcomes.stream().map(o -> o.outcome().source()).toArray()));
            s.setArray(3, c.createArrayOf("text", outcomes.stream().map(o -> o.outcome().sourceId()).toArray()));
            s.setArray(4, c.createArrayOf("text", outcomes.stream().map(o -> text(o.enrolmentId())).toArray()));
            s.setArray(5, c.createArrayOf("text", outcomes.stream().map(o -> o.outcome().pseudonym()).toArray()));
            s.setArray(6, c.createArrayOf("text", outcomes.stream().map(o -> o.outcome().type().name()).toArray()));
            s.setArray(7, c.createArrayOf("text", outcomes.stream().map(o -> o.outcome().occurredOn().toString()).toArray()));
            s.setArray(8, c.createArrayOf("text", outcomes.stream().map(o -> o.outcome().reportedByJobcentre()).toArray()));
            s.setArray(9, c.createArrayOf("text", outcomes.stream().map(o -> o.status().name()).toArray()));
            s.setArray(10, c.createArrayOf("text", outcomes.stream().map(NewOutcome::reason).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keys.add(List.of(r.getString(1), r.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < outcomes.size(); i++) {
            inserted[i] = keys.remove(List.of(outcomes.get(i).outcome().source(), outcomes.get(i).outcome().sourceId()));
        }
        return inserted;
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /**
     * The trial's pending outcomes that name this participant and that they may resolve, locked for resolution: those
     * of an admin or a register feed, and those of the jobcentre acting for the participant. Another jobcentre's go on
     * waiting.
     */
    public List<PendingOutcome> lockPendingFor(UUID trialId, String pseudonym, UUID enrolmentId, String jobcentre) {
        String sql = """
                select id, type, occurred_on, reported_by_jobcentre from outcome
                where trial_id = ? and status = 'PENDING_ENROLMENT' and (pseudonym = ? or enrolment_id = ?)
                  and (reported_by_jobcentre is null or reported_by_jobcentre = ?)
                order by id for update""";
        List<PendingOutcome> pending = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, trialId);
            s.setString(2, pseudonym);
            s.setObject(3, enrolmentId);
            s.setString(4, jobcentre);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    pending.add(new PendingOutcome(r.getLong(1), OutcomeType.valueOf(r.getString(2)),
                            r.getObject(3, LocalDate.class), r.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pending;
    }

    public void resolve(long id, OutcomeStatus status, String reason, UUID enrolmentId, String pseudonym) {
        String sql = "update outcome set status = ?, reason = ?, enrolment_id = ?, pseudonym = ? where id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, status.name());
            s.setString(2, reason);
            s.setObject(3, enrolmentId);
            s.setString(4, pseudonym);
            s.setLong(5, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Participants (by enrolment id) for whom a pending outcome has meanwhile become matchable: one they may resolve
     * ({@link #lockPendingFor}), so that another jobcentre's outcomes, which go on waiting, are not found round after
     * round. Driven from the pending outcomes (their partial indexes) to the participants they name: a round then
     * costs what is pending, where asking each participant whether anything waits for them scanned every participant
     * of every trial each round (at a million participants seconds of a core every ten seconds, beside bulk loads).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<UUID> participantsWithPendingOutcomes(int limit) {
        String sql = """
                select p.enrolment_id from outcome o
                join participant p on p.trial_id = o.trial_id and p.pseudonym = o.pseudonym
                where o.status = 'PENDING_ENROLMENT'
                  and (o.reported_by_jobcentre is null or o.reported_by_jobcentre = coalesce(p.acting_jobcentre, p.jobcentre))
                union
                select p.enrolment_id from outcome o
                join participant p on p.enrolment_id = o.enrolment_id and p.trial_id = o.trial_id
                where o.status = 'PENDING_ENROLMENT'
                  and (o.reported_by_jobcentre is null or o.reported_by_jobcentre = coalesce(p.acting_jobcentre, p.jobcentre))
                limit ?""";
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /**
     * How many outcomes the jobcentre keeps waiting for their participant, across trials, under a lock of the
     * jobcentre's held to the end of the transaction.
     */
    public long lockAndCountPendingReportedBy(String jobcentre) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "select pg_advisory_xact_lock(hashtext('pending-outcomes'), hashtext(?))")) {
                s.setString(1, jobcentre);
                s.execute();
            }
            try (PreparedStatement s = c.prepareStatement("select count(*) from outcome"
                    + " where status = 'PENDING_ENROLMENT' and reported_by_jobcentre = ?")) {
                s.setString(1, jobcentre);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the jobcentres' outcomes still waiting for their participant that were received before the instant. */
    @Transactional(Transactional.TxType.REQUIRED)
    public int deletePendingReportedByJobcentresBefore(Instant receivedBefore) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("delete from outcome"
                + " where status = 'PENDING_ENROLMENT' and reported_by_jobcentre is not null and received_at < ?")) {
            s.setObject(1, receivedBefore.atOffset(ZoneOffset.UTC));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many of the trial's outcomes have this status (pending and rejected are indexed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(UUID trialId, OutcomeStatus status) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from outcome where trial_id = ? and status = ?")) {
            s.setObject(1, trialId);
            s.setString(2, status.name());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Outcomes still waiting for their participant, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Unmatched> unmatched(UUID trialId, int limit) {
        String sql = """
                select source, source_id, enrolment_id, pseudonym is not null, type, occurred_on, received_at
                from outcome where trial_id = ? and status = 'PENDING_ENROLMENT' order by received_at, id limit ?""";
        List<Unmatched> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, trialId);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Unmatched(r.getString(1), r.getString(2), r.getObject(3, UUID.class), r.getBoolean(4),
                            OutcomeType.valueOf(r.getString(5)), r.getObject(6, LocalDate.class),
                            r.getObject(7, OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
