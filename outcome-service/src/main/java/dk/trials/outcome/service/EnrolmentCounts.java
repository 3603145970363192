package dk.trials.outcome.service;

import dk.trials.platform.sql.ArrayLiteral;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts new participants in {@code enrolment_count}, the aggregate of participants by arm, jobcentre and enrolment
 * date, in the transaction of the enrolment events: one statement for all cells the events touch, in a fixed cell
 * order, so that concurrent writers of the same cells queue instead of deadlocking.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EnrolmentCounts {

    /** One cell of the aggregate; ordered by trial, arm, jobcentre and date, the order cells are locked in. */
    public record Cell(UUID trialId, String arm, String jobcentre, LocalDate enrolledOn) implements Comparable<Cell> {
        @Override
        public int compareTo(Cell other) {
            int order = trialId.compareTo(other.trialId);
            if (order == 0) {
                order = arm.compareTo(other.arm);
            }
            if (order == 0) {
                order = jobcentre.compareTo(other.jobcentre);
            }
            return order != 0 ? order : enrolledOn.compareTo(other.enrolledOn);
        }
    }

    private final AgroalDataSource dataSource;

    public EnrolmentCounts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts one more participant in each cell, once per time the cell is named. */
    public void count(Collection<Cell> participants) {
        if (participants.isEmpty()) {
            return;
        }
        Map<Cell, Long> added = participants.stream().collect(Collectors.groupingBy(Function.identity(),
                TreeMap::new, Collectors.counting()));
        List<Map.Entry<Cell, Long>> cells = List.copyOf(added.entrySet());
        String sql = """
                insert into enrolment_count (trial_id, arm, jobcentre, enrolled_on, participants)
                select * from unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::int[])
                on conflict (trial_id, arm, jobcentre, enrolled_on)
                do update set participants = enrolment_count.participants + excluded.participants""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, ArrayLiteral.of(cells, cell -> cell.getKey().trialId()));
            s.setString(2, ArrayLiteral.of(cells, cell -> cell.getKey().arm()));
            s.setString(3, ArrayLiteral.of(cells, cell -> cell.getKey().jobcentre()));
            s.setString(4, ArrayLiteral.of(cells, cell -> cell.getKey().enrolledOn()));
            s.setString(5, ArrayLiteral.of(cells, Map.Entry::getValue));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
