package dk.trials.outcome.service;

import dk.trials.platform.cpr.CprNumber;
import dk.trials.platform.cpr.CprPseudonymiser;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The per-trial pseudonym a CPR number names a participant by here. With one trial key that is the pseudonym under it.
 * While a rotation is under way (the ring holds more keys) a participant may still be stored under an older key, until
 * enrolment-service's re-key arrives: then the pseudonym the trial's participant is stored under, if any, else the
 * current key's, so an outcome reported meanwhile matches at once and one pending waits under the key its participant
 * will arrive with.
 */
@ApplicationScoped
public class ParticipantPseudonyms {

    private final CprPseudonymiser pseudonymiser;
    private final AgroalDataSource dataSource;

    public ParticipantPseudonyms(CprPseudonymiser pseudonymiser, AgroalDataSource dataSource) {
        this.pseudonymiser = pseudonymiser;
        this.dataSource = dataSource;
    }

    public String of(UUID trialId, CprNumber cpr) {
        if (!pseudonymiser.rotating()) {
            return pseudonymiser.pseudonym(trialId, cpr);
        }
        List<String> candidates = pseudonymiser.candidates(trialId, cpr);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select pseudonym from participant where trial_id = ? and pseudonym = any (?) limit 1")) {
            s.setObject(1, trialId);
            s.setArray(2, c.createArrayOf("text", candidates.toArray(String[]::new)));
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) : candidates.get(0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
