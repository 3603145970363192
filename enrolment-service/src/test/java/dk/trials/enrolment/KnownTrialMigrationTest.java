package dk.trials.enrolment;

import com.fasterxml.jackson.databind.ObjectMapper;
import db.migration.V2__KnownTrialDesign;
import dk.trials.events.trial.ArmDesign;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.events.trial.TrialStatus;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Trials learned before the stored document existed, kept as their event's payload, stay readable after migration 2. */
@QuarkusTest
class KnownTrialMigrationTest {

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;

    @Test
    void aTrialStoredAsItsEventIsConvertedWithTheNormalisedDesignAndStillEnrols() throws Exception {
        UUID trialId = UUID.randomUUID();
        TrialDesign design = Trials.design(Trials.blocks(List.of(2)), List.of(
                new ArmDesign("treatment", "Intensive contact", 2, false), new ArmDesign("control", "Ordinary effort", 1, true)));
        String storedEvent = json.writeValueAsString(new TrialSnapshot(trialId, TrialStatus.RECRUITING, design,
                "0".repeat(64), 120, 0, List.of(), null));

        int converted;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into known_trial (id, status, design, updated_at)
                    values (?, 'RECRUITING', cast(? as jsonb), now())""")) {
                insert.setObject(1, trialId);
                insert.setString(2, storedEvent);
                insert.executeUpdate();
            }
            converted = V2__KnownTrialDesign.convertStoredEvents(connection);
        }

        assertEquals(1, converted);
        TrialDocument document = QuarkusTransaction.requiringNew().call(() -> KnownTrial.<KnownTrial>findById(trialId).design);
        assertEquals(TrialDocument.SCHEMA_VERSION, document.schemaVersion());
        assertEquals(List.of(3), document.randomisation().blockSizes(), "a block of 2 cannot hold 2:1; it becomes 3");
        List<String> arms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            arms.add(enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(22), "101"))
                    .then().statusCode(201).extract().path("arm"));
        }
        assertEquals(List.of("control", "treatment", "treatment"), arms.stream().sorted().toList());
    }
}
