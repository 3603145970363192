package dk.trials.outcome.service;

import dk.trials.outcome.TrialPlan;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The participant-level analysis set of a trial at an asOf: everyone enrolled by then, by allocated arm (intention
 * to treat, withdrawals included), with the follow-up the estimator counts, read from the same participant rows the
 * aggregates are kept from. A participant enrolled on e whose earliest counted terminal outcome is on day d has time
 * d (an event if it is a job exit) when d <= horizon and e + d <= asOf; everyone else is censored at
 * min(asOf − e, horizon). So survfit and coxph on the set give the estimates' figures.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AnalysisSet {

    /*
     * The outcome that ended follow-up is the earliest accepted one, a job exit first on its day as in the aggregates
     * (ParticipantRecord.endsEarlier); among censorings on one day the first by name, so the type is stable.
     */
    private static final String SQL = """
            select p.enrolment_id, p.arm, p.jobcentre, p.stratum, p.enrolled_on, p.withdrawn_on, p.ended_day,
                   p.ended_by_job_exit, first.type
            from participant p
            left join (select distinct on (enrolment_id) enrolment_id, type from outcome
                       where trial_id = ? and status = 'ACCEPTED' and enrolment_id is not null
                       order by enrolment_id, occurred_on, type <> 'JOB_EXIT', type) first
                   on first.enrolment_id = p.enrolment_id
            where p.trial_id = ? and p.enrolled_on <= ?""";

    private final AgroalDataSource dataSource;
    private final AnalysisSetRowIds rowIds;

    public AnalysisSet(AgroalDataSource dataSource, AnalysisSetRowIds rowIds) {
        this.dataSource = dataSource;
        this.rowIds = rowIds;
    }

    /** The rows by enrolment date, then row id (an order that tells nothing about who enrolled first on a day). */
    public List<AnalysisSetRow> rows(TrialPlan plan, LocalDate asOf) {
        AnalysisSetRowIds.Trial ids = rowIds.of(plan.id);
        List<AnalysisSetRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SQL)) {
            s.setObject(1, plan.id);
            s.setObject(2, plan.id);
            s.setObject(3, asOf);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    LocalDate enrolledOn = r.getObject(5, LocalDate.class);
                    LocalDate withdrawnOn = r.getObject(6, LocalDate.class);
                    Integer endedDay = (Integer) r.getObject(7);
                    FollowUp followUp = followUp(plan.horizonDays, asOf, enrolledOn, endedDay,
                            r.getBoolean(8), r.getString(9));
                    rows.add(new AnalysisSetRow(ids.rowId(r.getObject(1, UUID.class)), r.getString(2),
                            r.getString(3), r.getString(4), enrolledOn, followUp.days(),
                            followUp.ending() == FollowUpEnding.JOB_EXIT, followUp.ending(),
                            withdrawnOn != null && !withdrawnOn.isAfter(asOf) ? withdrawnOn : null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        rows.sort(Comparator.comparing(AnalysisSetRow::enrolledOn).thenComparing(AnalysisSetRow::rowId));
        return rows;
    }

    private record FollowUp(int days, FollowUpEnding ending) {
    }

    private static FollowUp followUp(int horizon, LocalDate asOf, LocalDate enrolledOn, Integer endedDay,
                                     boolean endedByJobExit, String outcomeType) {
        long followed = ChronoUnit.DAYS.between(enrolledOn, asOf);
        if (endedDay != null && endedDay <= horizon && endedDay <= followed) {
            return new FollowUp(endedDay, endedByJobExit ? FollowUpEnding.JOB_EXIT : FollowUpEnding.valueOf(outcomeType));
        }
        return followed >= horizon ? new FollowUp(horizon, FollowUpEnding.HORIZON)
                : new FollowUp((int) followed, FollowUpEnding.AS_OF);
    }
}
