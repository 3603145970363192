package dk.trials.outcome.service;

import dk.trials.outcome.statistics.FollowUpTable;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Participants and the follow-up aggregates, in plain JDBC with set-based statements (arrays unnested server-side)
 * so that a batch of thousands of outcomes costs a handful of round trips. Every method joins the caller's
 * transaction; Agroal hands the transaction's connection to each call.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FollowUpStore {

    private static final String PARTICIPANT_COLUMNS =
            "enrolment_id, trial_id, pseudonym, arm, jobcentre, enrolled_on, ended_day, ended_by_job_exit";

    private final AgroalDataSource dataSource;

    public FollowUpStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The trial's participants named by pseudonym or enrolment id, locked against concurrent outcome updates. Two
     * index lookups rather than one OR, which the planner could only answer by scanning the trial's participants.
     */
    public List<ParticipantRecord> lockParticipants(UUID trialId, Collection<String> pseudonyms, Collection<UUID> enrolmentIds) {
        List<ParticipantRecord> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            if (!enrolmentIds.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("select " + PARTICIPANT_COLUMNS + " from participant"
                        + " where enrolment_id = any (?::uuid[]) and trial_id = ? order by enrolment_id for update")) {
                    s.setArray(1, c.createArrayOf("text", enrolmentIds.stream().map(UUID::toString).toArray(String[]::new)));
                    s.setObject(2, trialId);
                    found.addAll(participants(s));
                }
            }
            if (!pseudonyms.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("select " + PARTICIPANT_COLUMNS + " from participant"
                        + " where trial_id = ? and pseudonym = any (?) order by enrolment_id for update")) {
                    s.setObject(1, trialId);
                    s.setArray(2, c.createArrayOf("text", pseudonyms.toArray(String[]::new)));
                    found.addAll(participants(s));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** The trial's participant named by enrolment id if given, else by pseudonym; no lock. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<ParticipantRecord> find(UUID trialId, String pseudonym, UUID enrolmentId) {
        String sql = "select " + PARTICIPANT_COLUMNS + " from participant where trial_id = ? and "
                + (enrolmentId != null ? "enrolment_id = ?" : "pseudonym = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, trialId);
            s.setObject(2, enrolmentId != null ? enrolmentId : pseudonym);
            return participants(s).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ParticipantRecord> lockParticipant(UUID enrolmentId) {
        String sql = "select " + PARTICIPANT_COLUMNS + " from participant where enrolment_id = ? for update";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, enrolmentId);
            return participants(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ParticipantRecord> participants(PreparedStatement s) throws SQLException {
        List<ParticipantRecord> found = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(new ParticipantRecord(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                        r.getString(4), r.getString(5), r.getObject(6, LocalDate.class), (Integer) r.getObject(7),
                        (Boolean) r.getObject(8)));
            }
        }
        return found;
    }

    /** Records an enrolment once; false when the participant is already known (a redelivered or repeated event). */
    public boolean addParticipant(UUID enrolmentId, UUID trialId, String pseudonym, String arm, String jobcentre,
                                  String stratum, LocalDate enrolledOn) {
        String insert = """
                insert into participant (enrolment_id, trial_id, pseudonym, arm, jobcentre, stratum, enrolled_on)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""";
        String count = """
                insert into enrolment_count (trial_id, arm, jobcentre, enrolled_on, participants) values (?, ?, ?, ?, 1)
                on conflict (trial_id, arm, jobcentre, enrolled_on)
                do update set participants = enrolment_count.participants + 1""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(insert)) {
            s.setObject(1, enrolmentId);
            s.setObject(2, trialId);
            s.setString(3, pseudonym);
            s.setString(4, arm);
            s.setString(5, jobcentre);
            s.setString(6, stratum);
            s.setObject(7, enrolledOn);
            if (s.executeUpdate() == 0) {
                return false;
            }
            try (PreparedStatement t = c.prepareStatement(count)) {
                t.setObject(1, trialId);
                t.setString(2, arm);
                t.setString(3, jobcentre);
                t.setObject(4, enrolledOn);
                t.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

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

    /** Adds the collected changes to the aggregates, one statement for all cells, in a fixed cell order. */
    public void apply(UUID trialId, FollowUpDelta delta) {
        if (delta.isEmpty()) {
            return;
        }
        Map<FollowUpDelta.Cell, long[]> changes = delta.changes();
        String sql = """
                insert into follow_up_count (trial_id, arm, jobcentre, enrolled_on, day, job_exits, censorings)
                select ?, u.* from unnest(?::text[], ?::text[], ?::date[], ?::int[], ?::int[], ?::int[])
                  as u(arm, jobcentre, enrolled_on, day, job_exits, censorings)
                on conflict (trial_id, arm, jobcentre, enrolled_on, day) do update
                set job_exits = follow_up_count.job_exits + excluded.job_exits,
                    censorings = follow_up_count.censorings + excluded.censorings""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            List<FollowUpDelta.Cell> cells = new ArrayList<>(changes.keySet());
            s.setObject(1, trialId);
            s.setArray(2, array(c, "text", cells.stream().map(FollowUpDelta.Cell::arm).toArray()));
            s.setArray(3, array(c, "text", cells.stream().map(FollowUpDelta.Cell::jobcentre).toArray()));
            s.setArray(4, array(c, "text", cells.stream().map(cell -> cell.enrolledOn().toString()).toArray()));
            s.setArray(5, array(c, "int4", cells.stream().map(FollowUpDelta.Cell::day).toArray()));
            s.setArray(6, array(c, "int4", cells.stream().map(cell -> (int) changes.get(cell)[0]).toArray()));
            s.setArray(7, array(c, "int4", cells.stream().map(cell -> (int) changes.get(cell)[1]).toArray()));
            s.executeUpdate();
            applyDays(c, trialId, delta.days());
            applyEnded(c, trialId, delta.ended());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void applyDays(Connection c, UUID trialId, Map<FollowUpDelta.Day, long[]> days) throws SQLException {
        String sql = """
                insert into follow_up_day (trial_id, arm, jobcentre, day, job_exits, censorings)
                select ?, u.* from unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::int[])
                  as u(arm, jobcentre, day, job_exits, censorings)
                on conflict (trial_id, arm, jobcentre, day) do update
                set job_exits = follow_up_day.job_exits + excluded.job_exits,
                    censorings = follow_up_day.censorings + excluded.censorings""";
        List<FollowUpDelta.Day> keys = new ArrayList<>(days.keySet());
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, trialId);
            s.setArray(2, array(c, "text", keys.stream().map(FollowUpDelta.Day::arm).toArray()));
            s.setArray(3, array(c, "text", keys.stream().map(FollowUpDelta.Day::jobcentre).toArray()));
            s.setArray(4, array(c, "int4", keys.stream().map(FollowUpDelta.Day::day).toArray()));
            s.setArray(5, array(c, "int4", keys.stream().map(k -> (int) days.get(k)[0]).toArray()));
            s.setArray(6, array(c, "int4", keys.stream().map(k -> (int) days.get(k)[1]).toArray()));
            s.executeUpdate();
        }
    }

    private static void applyEnded(Connection c, UUID trialId, Map<FollowUpDelta.Enrolment, long[]> ended) throws SQLException {
        if (ended.isEmpty()) {
            return;
        }
        String sql = """
                update enrolment_count e set ended = e.ended + u.n
                from unnest(?::text[], ?::text[], ?::date[], ?::int[]) as u(arm, jobcentre, enrolled_on, n)
                where e.trial_id = ? and e.arm = u.arm and e.jobcentre = u.jobcentre and e.enrolled_on = u.enrolled_on""";
        List<FollowUpDelta.Enrolment> keys = new ArrayList<>(ended.keySet());
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, array(c, "text", keys.stream().map(FollowUpDelta.Enrolment::arm).toArray()));
            s.setArray(2, array(c, "text", keys.stream().map(FollowUpDelta.Enrolment::jobcentre).toArray()));
            s.setArray(3, array(c, "text", keys.stream().map(k -> k.enrolledOn().toString()).toArray()));
            s.setArray(4, array(c, "int4", keys.stream().map(k -> (int) ended.get(k)[0]).toArray()));
            s.setObject(5, trialId);
            s.executeUpdate();
        }
    }

    private static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }

    /**
     * Each arm's follow-up at {@code asOf}, per jobcentre. Today every counted outcome lies on or before asOf, so the
     * per-day and per-enrolment-date counts suffice; an earlier asOf needs the cells by enrolment date and day.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Map<String, FollowUpTable>> tables(UUID trialId, LocalDate asOf, int horizonDays, LocalDate today) {
        return asOf.equals(today) ? tablesWithEveryOutcomeCounted(trialId, asOf, horizonDays)
                : tablesByEnrolmentDay(trialId, asOf, horizonDays);
    }

    /**
     * Follow-up at an asOf on or after every counted outcome. Ends on day d <= horizon count on d. Of those enrolled
     * on e, everyone without an end is censored at min(asOf − e, horizon); when asOf − e < horizon all their ends lie
     * within it (e + d <= asOf), so they are the enrolment date's {@code ended}; the older enrolment dates share the
     * censoring day horizon, and their ends within it are all ends within it less those of the recent dates.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Map<String, FollowUpTable>> tablesWithEveryOutcomeCounted(UUID trialId, LocalDate asOf, int horizonDays) {
        Map<String, Map<String, FollowUpTable.Builder>> builders = new TreeMap<>();
        Map<List<String>, long[]> endedWithinHorizon = new TreeMap<>(java.util.Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "select arm, jobcentre, day, job_exits, censorings from follow_up_day where trial_id = ? and day <= ?")) {
                s.setObject(1, trialId);
                s.setInt(2, horizonDays);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        builder(builders, r.getString(1), r.getString(2), horizonDays)
                                .event(r.getInt(3), r.getLong(4)).censoring(r.getInt(3), r.getLong(5));
                        endedWithinHorizon.computeIfAbsent(List.of(r.getString(1), r.getString(2)), k -> new long[1])[0]
                                += r.getLong(4) + r.getLong(5);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    select arm, jobcentre, cast(? as date) - enrolled_on, participants, ended
                    from enrolment_count where trial_id = ? and enrolled_on <= ?""")) {
                s.setObject(1, asOf);
                s.setObject(2, trialId);
                s.setObject(3, asOf);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int followed = r.getInt(3);
                        long participants = r.getLong(4);
                        long ended = r.getLong(5);
                        FollowUpTable.Builder builder = builder(builders, r.getString(1), r.getString(2), horizonDays);
                        if (followed < horizonDays) {
                            builder.censoring(followed, participants - ended);
                            endedWithinHorizon.computeIfAbsent(List.of(r.getString(1), r.getString(2)), k -> new long[1])[0] -= ended;
                        } else {
                            builder.censoring(horizonDays, participants);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        endedWithinHorizon.forEach((key, ofOlderEnrolments) ->
                builder(builders, key.get(0), key.get(1), horizonDays).censoring(horizonDays, -ofOlderEnrolments[0]));
        return build(builders);
    }

    /**
     * Follow-up at any asOf from the cells by enrolment date and day: a participant enrolled on e whose earliest
     * terminal outcome is on day d counts there when e + d <= asOf and d <= horizon; everyone else enrolled by asOf
     * is censored at min(asOf − e, horizon). The database sums the cells.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Map<String, FollowUpTable>> tablesByEnrolmentDay(UUID trialId, LocalDate asOf, int horizonDays) {
        Map<String, Map<String, FollowUpTable.Builder>> builders = new TreeMap<>();
        String ended = """
                select arm, jobcentre, day, least(cast(? as date) - enrolled_on, ?) as followed, sum(job_exits), sum(censorings)
                from follow_up_count
                where trial_id = ? and day <= ? and enrolled_on + day <= ?
                group by arm, jobcentre, day, followed""";
        String enrolled = """
                select arm, jobcentre, least(cast(? as date) - enrolled_on, ?) as followed, sum(participants)
                from enrolment_count where trial_id = ? and enrolled_on <= ?
                group by arm, jobcentre, followed""";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(enrolled)) {
                s.setObject(1, asOf);
                s.setInt(2, horizonDays);
                s.setObject(3, trialId);
                s.setObject(4, asOf);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        builder(builders, r.getString(1), r.getString(2), horizonDays).censoring(r.getInt(3), r.getLong(4));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(ended)) {
                s.setObject(1, asOf);
                s.setInt(2, horizonDays);
                s.setObject(3, trialId);
                s.setInt(4, horizonDays);
                s.setObject(5, asOf);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long exits = r.getLong(5);
                        long censorings = r.getLong(6);
                        // Counted where their follow-up ended, so not among those censored at asOf or the horizon.
                        builder(builders, r.getString(1), r.getString(2), horizonDays)
                                .event(r.getInt(3), exits).censoring(r.getInt(3), censorings)
                                .censoring(r.getInt(4), -(exits + censorings));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return build(builders);
    }

    private static Map<String, Map<String, FollowUpTable>> build(Map<String, Map<String, FollowUpTable.Builder>> builders) {
        Map<String, Map<String, FollowUpTable>> tables = new TreeMap<>();
        builders.forEach((arm, byJobcentre) -> byJobcentre.forEach((jobcentre, builder) ->
                tables.computeIfAbsent(arm, a -> new TreeMap<>()).put(jobcentre, builder.build())));
        return tables;
    }

    private static FollowUpTable.Builder builder(Map<String, Map<String, FollowUpTable.Builder>> builders, String arm,
                                                 String jobcentre, int horizonDays) {
        return builders.computeIfAbsent(arm, a -> new TreeMap<>())
                .computeIfAbsent(jobcentre, j -> FollowUpTable.builder(horizonDays));
    }
}
