package dk.trials.outcome.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Each participant's enrolment number within its trial, as its enrolment event carried it, so that the participant
 * can be counted up to an allocation checkpoint. Joins the transaction that recorded the participant.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ParticipantSequences {

    private final AgroalDataSource dataSource;

    public ParticipantSequences(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Keeps the first number an enrolment was given; a redelivered event changes nothing. */
    public void number(UUID enrolmentId, long sequence) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update participant set sequence = ? where enrolment_id = ? and sequence is null")) {
            s.setLong(1, sequence);
            s.setObject(2, enrolmentId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
