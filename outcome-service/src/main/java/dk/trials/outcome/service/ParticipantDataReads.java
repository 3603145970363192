package dk.trials.outcome.service;

import dk.trials.platform.security.Caller;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The audit trail of reads of participant-level data (answers that name participants or their outcomes one by one):
 * who read, which operation on which trial, when, and how many records the answer named. Appended once the answer
 * is read and before it is sent (in the read's transaction, if it has one), so no such answer leaves without its
 * row; never a CPR number or a pseudonym.
 */
@ApplicationScoped
public class ParticipantDataReads {

    private final AgroalDataSource dataSource;
    private final Caller caller;
    private final Clock clock;

    public ParticipantDataReads(AgroalDataSource dataSource, Caller caller, Clock clock) {
        this.dataSource = dataSource;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public void record(String operation, UUID trialId, int records) {
        String sql = "insert into participant_data_read (read_at, reader, operation, trial_id, records) values (?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
            s.setString(2, caller.name());
            s.setString(3, operation);
            s.setObject(4, trialId);
            s.setInt(5, records);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
