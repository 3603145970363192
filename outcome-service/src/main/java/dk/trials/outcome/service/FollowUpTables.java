package dk.trials.outcome.service;

import dk.trials.outcome.statistics.FollowUpTable;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads the aggregates into each arm's follow-up table per jobcentre (the stratum of the stratified log-rank) at an
 * asOf: the per-day counts of ended follow-ups and the participants by enrolment date are all that Kaplan–Meier,
 * the log-rank tests, the Cox partial likelihood and the restricted mean need.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FollowUpTables {

    /** An arm in a jobcentre. */
    private record Stratum(String arm, String jobcentre) {
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public FollowUpTables(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Each arm's follow-up at {@code asOf}, per jobcentre. Today every counted outcome lies on or before asOf, so the
     * per-day and per-enrolment-date counts suffice; an earlier asOf needs each end by enrolment date and day.
     */
    public Map<String, Map<String, FollowUpTable>> tables(UUID trialId, LocalDate asOf, int horizonDays) {
        return asOf.equals(LocalDate.now(clock)) ? tablesWithEveryOutcomeCounted(trialId, asOf, horizonDays)
                : tablesByEnrolmentDay(trialId, asOf, horizonDays);
    }

    /**
     * Follow-up at an asOf on or after every counted outcome. Ends on day d <= horizon count on d. Of those enrolled
     * on e, everyone without an end is censored at min(asOf − e, horizon); when asOf − e < horizon all their ends lie
     * within it (e + d <= asOf), so they are the enrolment date's {@code ended}; the older enrolment dates share the
     * censoring day horizon, and their ends within it are all ends within it less those of the recent dates.
     */
    public Map<String, Map<String, FollowUpTable>> tablesWithEveryOutcomeCounted(UUID trialId, LocalDate asOf, int horizonDays) {
        Map<String, Map<String, FollowUpTable.Builder>> builders = new TreeMap<>();
        Map<Stratum, Long> endedWithinHorizon = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "select arm, jobcentre, day, job_exits, censorings from follow_up_day where trial_id = ? and day <= ?")) {
                s.setObject(1, trialId);
                s.setInt(2, horizonDays);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        builder(builders, r.getString(1), r.getString(2), horizonDays)
                                .event(r.getInt(3), r.getLong(4)).censoring(r.getInt(3), r.getLong(5));
                        endedWithinHorizon.merge(new Stratum(r.getString(1), r.getString(2)),
                                r.getLong(4) + r.getLong(5), Long::sum);
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
                            endedWithinHorizon.merge(new Stratum(r.getString(1), r.getString(2)), -ended, Long::sum);
                        } else {
                            builder.censoring(horizonDays, participants);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        endedWithinHorizon.forEach((stratum, ofOlderEnrolments) ->
                builder(builders, stratum.arm(), stratum.jobcentre(), horizonDays).censoring(horizonDays, -ofOlderEnrolments));
        return build(builders);
    }

    /**
     * Follow-up at any asOf from the participants' own ends of follow-up: a participant enrolled on e whose earliest
     * terminal outcome is on day d counts there when e + d <= asOf and d <= horizon; everyone else enrolled by asOf
     * is censored at min(asOf − e, horizon). The database sums them, in one statement: it reads one snapshot, so a
     * formal look freezing its tables sees each committed enrolment and outcome wholly or not at all. It sums them by
     * day of follow-up alone, which is all a table holds: the ends counted by the day they ended on, and the
     * censorings at asOf or the horizon by the day they fall on (those enrolled, less those of them counted where
     * they ended); at most two rows per arm, jobcentre and day. One scan of the trial's ended participants gives both
     * sums (grouping sets). They are read from the participants, whose end every counted outcome writes anyway, not
     * from cells by enrolment date and day: at a million participants there were nearly as many cells as
     * participants, and writing a cell per outcome took a quarter of a bulk ingest's database time.
     */
    public Map<String, Map<String, FollowUpTable>> tablesByEnrolmentDay(UUID trialId, LocalDate asOf, int horizonDays) {
        Map<String, Map<String, FollowUpTable.Builder>> builders = new TreeMap<>();
        String sums = """
                with ended as (
                    select arm, jobcentre, ended_day as day, followed,
                           count(*) filter (where ended_by_job_exit) as job_exits, count(*) as ends
                    from (select arm, jobcentre, ended_day, ended_by_job_exit,
                                 least(cast(? as date) - enrolled_on, ?) as followed
                          from participant
                          where trial_id = ? and ended_day <= ? and enrolled_on + ended_day <= ?) counted
                    group by grouping sets ((arm, jobcentre, ended_day), (arm, jobcentre, followed)))
                select arm, jobcentre, followed as day, 0 as job_exits, sum(participants) as censorings
                from (select arm, jobcentre, least(cast(? as date) - enrolled_on, ?) as followed, participants
                      from enrolment_count where trial_id = ? and enrolled_on <= ?
                      union all
                      select arm, jobcentre, followed, -ends from ended where day is null) censored
                group by arm, jobcentre, followed
                union all
                select arm, jobcentre, day, job_exits, ends - job_exits from ended where followed is null""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sums)) {
            s.setObject(1, asOf);
            s.setInt(2, horizonDays);
            s.setObject(3, trialId);
            s.setInt(4, horizonDays);
            s.setObject(5, asOf);
            s.setObject(6, asOf);
            s.setInt(7, horizonDays);
            s.setObject(8, trialId);
            s.setObject(9, asOf);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    builder(builders, r.getString(1), r.getString(2), horizonDays)
                            .event(r.getInt(3), r.getLong(4)).censoring(r.getInt(3), r.getLong(5));
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
