package db.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.trials.enrolment.TrialDocument;
import dk.trials.enrolment.messaging.TrialDocuments;
import dk.trials.events.trial.TrialSnapshot;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Flyway migration 2, beside the SQL ones in {@code db/migration}. Until now {@code known_trial.snapshot} held the
 * trial event's payload ({@link TrialSnapshot}) as it arrived; it becomes {@code known_trial.design}, this service's
 * own {@link TrialDocument}. Written in Java rather than SQL because the conversion is the one the consumer applies
 * ({@link TrialDocuments}), with the events module's design normalisation, which exists once and in Java. Quarkus
 * registers Java migrations found under a Flyway location at build time.
 */
public class V2__KnownTrialDesign implements JavaMigration {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "known trial design document";
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
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table known_trial rename column snapshot to design");
        }
        convertStoredEvents(context.getConnection());
    }

    /** Rewrites every row that still holds a trial event's payload (it has no schema version) as a document. */
    public static int convertStoredEvents(Connection connection) throws SQLException, JsonProcessingException {
        Map<UUID, String> documents = new LinkedHashMap<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery(
                     "select id, cast(design as text) from known_trial where design -> 'schemaVersion' is null")) {
            while (rows.next()) {
                TrialSnapshot snapshot = JSON.readValue(rows.getString(2), TrialSnapshot.class);
                documents.put(rows.getObject(1, UUID.class), JSON.writeValueAsString(TrialDocuments.of(snapshot.design())));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update known_trial set design = cast(? as jsonb) where id = ?")) {
            for (Map.Entry<UUID, String> document : documents.entrySet()) {
                update.setString(1, document.getValue());
                update.setObject(2, document.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        return documents.size();
    }
}
