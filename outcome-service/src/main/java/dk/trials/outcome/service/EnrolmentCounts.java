package dk.trials.outcome.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
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

    /** One cell of the aggregate. */
    public record Cell(UUID trialId, String arm, String jobcentre, LocalDate enrolledOn) {
        static final Comparator<Cell> ORDER = Comparator.comparing(Cell::trialId).thenComparing(Cell::arm)
                .thenComparing(Cell::jobcentre).thenComparing(Cell::enrolledOn);
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
                () -> new TreeMap<>(Cell.ORDER), Collectors.counting()));
        List<Cell> cells = List.copyOf(added.keySet());
        String sql = """
                insert into enrolment_count (trial_id, arm, jobcentre, enrolled_on, participants)
                select * from unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::int[])
                on conflict (trial_id, arm, jobcentre, enrolled_on)
                do update set participants = enrolment_count.participants + excluded.participants""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", cells.stream().map(Cell::trialId).toArray()));
            s.setArray(2, c.createArrayOf("text", cells.stream().map(Cell::arm).toArray()));
            s.setArray(3, c.createArrayOf("text", cells.stream().map(Cell::jobcentre).toArray()));
            s.setArray(4, c.createArrayOf("date", cells.stream().map(Cell::enrolledOn).toArray()));
            s.setArray(5, c.createArrayOf("int4", cells.stream().map(cell -> added.get(cell).intValue()).toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
