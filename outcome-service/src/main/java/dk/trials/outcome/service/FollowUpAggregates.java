package dk.trials.outcome.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the aggregates today's estimates are computed from, in the transaction of each consumed event or ingested
 * batch: participants by enrolment date ({@code enrolment_count}, whose new participants {@link EnrolmentCounts}
 * counts; here, how many of them have ended follow-up) and their ends of follow-up by day ({@code follow_up_day}).
 * One statement per table for all touched cells, in a fixed cell order. The ends by enrolment date and day, which an
 * earlier asOf needs, are the participants' own ({@code participant.ended_day}, {@link FollowUpTables}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FollowUpAggregates {

    private final AgroalDataSource dataSource;

    public FollowUpAggregates(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds the collected changes of ends of follow-up to the two aggregates. */
    public void apply(UUID trialId, FollowUpDelta delta) {
        if (delta.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            applyDays(c, trialId, delta.days());
            applyFirstEnds(c, trialId, delta.firstEnds());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void applyDays(Connection c, UUID trialId, Map<FollowUpDelta.Day, FollowUpDelta.Ends> days)
            throws SQLException {
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
            s.setArray(2, c.createArrayOf("text", keys.stream().map(FollowUpDelta.Day::arm).toArray()));
            s.setArray(3, c.createArrayOf("text", keys.stream().map(FollowUpDelta.Day::jobcentre).toArray()));
            s.setArray(4, c.createArrayOf("int4", keys.stream().map(FollowUpDelta.Day::day).toArray()));
            s.setArray(5, c.createArrayOf("int4", keys.stream().map(k -> (int) days.get(k).jobExits()).toArray()));
            s.setArray(6, c.createArrayOf("int4", keys.stream().map(k -> (int) days.get(k).censorings()).toArray()));
            s.executeUpdate();
        }
    }

    private static void applyFirstEnds(Connection c, UUID trialId, Map<FollowUpDelta.Enrolment, Long> firstEnds)
            throws SQLException {
        if (firstEnds.isEmpty()) {
            return;
        }
        String sql = """
                update enrolment_count e set ended = e.ended + u.n
                from unnest(?::text[], ?::text[], ?::date[], ?::int[]) as u(arm, jobcentre, enrolled_on, n)
                where e.trial_id = ? and e.arm = u.arm and e.jobcentre = u.jobcentre and e.enrolled_on = u.enrolled_on""";
        List<FollowUpDelta.Enrolment> keys = new ArrayList<>(firstEnds.keySet());
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", keys.stream().map(FollowUpDelta.Enrolment::arm).toArray()));
            s.setArray(2, c.createArrayOf("text", keys.stream().map(FollowUpDelta.Enrolment::jobcentre).toArray()));
            s.setArray(3, c.createArrayOf("text", keys.stream().map(k -> k.enrolledOn().toString()).toArray()));
            s.setArray(4, c.createArrayOf("int4", keys.stream().map(k -> firstEnds.get(k).intValue()).toArray()));
            s.setObject(5, trialId);
            s.executeUpdate();
        }
    }
}
