package db.migration;

import dk.trials.platform.cpr.CprPseudonymiser;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Flyway migration 7.1: every stored pseudonym without a key id, HMAC(key, CPR) as the service kept it until per-trial
 * pseudonyms existed, is that key's (now the base key's) citizen pseudonym, so it becomes the per-trial one under the
 * current key without any CPR number, exactly as enrolment-service's participants do. Participants and outcomes alike:
 * a pending outcome keeps matching the participant it names. It computes with the live pseudonymiser, not a frozen
 * copy: the formula is a published contract (register feeds compute it) and may never change anyway.
 */
public class V7_1__PerTrialPseudonyms implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7.1");
    }

    @Override
    public String getDescription() {
        return "per trial pseudonyms";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        convert(context.getConnection(), new CprPseudonymiser(ConfigProvider.getConfig()));
    }

    /** Converts the participants' and outcomes' pseudonyms without key id; how many rows changed. */
    public static int convert(Connection connection, CprPseudonymiser pseudonymiser) throws SQLException {
        return convert(connection, pseudonymiser, "participant") + convert(connection, pseudonymiser, "outcome");
    }

    private static int convert(Connection connection, CprPseudonymiser pseudonymiser, String table) throws SQLException {
        record Bare(UUID trialId, String citizen) {
        }
        List<Bare> bare = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select distinct trial_id, pseudonym from " + table + " where pseudonym ~ '^[0-9a-f]{64}$'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                bare.add(new Bare(rows.getObject(1, UUID.class), rows.getString(2)));
            }
        }
        int changed = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "update " + table + " set pseudonym = ? where trial_id = ? and pseudonym = ?")) {
            for (Bare b : bare) {
                update.setString(1, pseudonymiser.pseudonym(b.trialId(), b.citizen()));
                update.setObject(2, b.trialId());
                update.setString(3, b.citizen());
                changed += update.executeUpdate();
            }
        }
        return changed;
    }
}
