package db.migration;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.platform.cpr.CprPseudonymiser;
import dk.trials.platform.messaging.EventCodec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Puts every participant pseudonym under the current trial key ({@code trials.cpr.current-key-id}), re-keyed from the
 * stored citizen pseudonym: no CPR number is needed. Repeatable, with the current key id as its checksum, so Flyway
 * runs it again exactly when the current key changes: a key rotation is a new key file, the new id as current, and a
 * restart. It runs as the migrations' (owner) role, the only one that may update allocations.
 * <p>
 * A row without a key id still holds the pre-per-trial value (migration 6 copied it into {@code citizen}); outcome-service
 * converts its own copies of those itself (its migration 7.1), so they are re-keyed here only. A row re-keyed from
 * another key id is published again as a {@link ParticipantEnrolled} with the same enrolment id and number and the new
 * pseudonym, through the outbox in this transaction: outcome-service takes that for a re-key of a participant it knows.
 * Unlike a versioned migration this one is live by nature (it must compute what the service computes), so it uses the
 * service's own pseudonymiser and event codec.
 */
public class R__ParticipantPseudonymKey implements JavaMigration {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Override
    public MigrationVersion getVersion() {
        return null;
    }

    @Override
    public String getDescription() {
        return "participant pseudonym key";
    }

    @Override
    public Integer getChecksum() {
        return ConfigProvider.getConfig().getValue("trials.cpr.current-key-id", String.class).hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Instant now;
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("select now()")) {
            row.next();
            now = row.getTimestamp(1).toInstant();
        }
        rekey(connection, new CprPseudonymiser(ConfigProvider.getConfig()), now);
    }

    /** Re-keys every participant not under the current key; the number re-keyed. */
    public static int rekey(Connection connection, CprPseudonymiser pseudonymiser, Instant now) throws SQLException {
        EventCodec codec = new EventCodec(JSON, Clock.fixed(now, ZoneOffset.UTC));
        int rekeyed = 0;
        try (PreparedStatement select = connection.prepareStatement("""
                     select id, trial_id, participant, citizen, arm, jobcentre, stratum, enrolled_at, enrolled_on,
                            imported, sequence
                     from enrolment where participant not like ? order by trial_id, sequence""");
             PreparedStatement update = connection.prepareStatement("update enrolment set participant = ? where id = ?");
             PreparedStatement publish = connection.prepareStatement("""
                     insert into outbox_event (event_id, topic, message_key, type, envelope) values (?, ?, ?, ?, ?)""")) {
            select.setString(1, pseudonymiser.currentKeyId() + ":%");
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject("id", UUID.class);
                    UUID trialId = rows.getObject("trial_id", UUID.class);
                    String before = rows.getString("participant");
                    String after = pseudonymiser.pseudonym(trialId, rows.getString("citizen"));
                    update.setString(1, after);
                    update.setObject(2, id);
                    update.addBatch();
                    // An enrolment still waiting for its number has published nothing yet: its event, written when
                    // it is numbered, carries the pseudonym this sets.
                    if (CprPseudonymiser.keyIdOf(before).isPresent() && rows.getObject("sequence") != null) {
                        Timestamp enrolledAt = rows.getTimestamp("enrolled_at");
                        Date enrolledOn = rows.getDate("enrolled_on");
                        EventEnvelope envelope = codec.envelope(EventType.PARTICIPANT_ENROLLED, trialId,
                                new ParticipantEnrolled(id, trialId, after, rows.getString("arm"),
                                        rows.getString("jobcentre"), rows.getString("stratum"), enrolledAt.toInstant(),
                                        enrolledOn.toLocalDate(), rows.getBoolean("imported"),
                                        rows.getObject("sequence", Long.class)));
                        publish.setObject(1, envelope.eventId());
                        publish.setString(2, EventType.PARTICIPANT_ENROLLED.topic());
                        publish.setString(3, trialId.toString());
                        publish.setString(4, envelope.type());
                        publish.setString(5, codec.encode(envelope));
                        publish.addBatch();
                    }
                    if (++rekeyed % 1000 == 0) {
                        update.executeBatch();
                        publish.executeBatch();
                    }
                }
            }
            update.executeBatch();
            publish.executeBatch();
        }
        return rekeyed;
    }
}
