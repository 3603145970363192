package dk.trials.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import db.migration.R__ParticipantPseudonymKey;
import dk.trials.events.Topics;
import dk.trials.platform.cpr.CprKeys;
import dk.trials.platform.cpr.CprNumber;
import dk.trials.platform.cpr.CprPseudonymiser;
import dk.trials.platform.cpr.KeyMaterial;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestPostgres;
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Participants are published under per-trial pseudonyms with a key id; one allocation per citizen holds on the citizen
 * pseudonym, from which a key rotation re-keys without any CPR number (README, "Pseudonyms and keys").
 */
@QuarkusTest
class PseudonymKeyTest {

    @Inject
    EventCodec codec;
    @Inject
    ObjectMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    CprPseudonymiser pseudonymiser;
    @Inject
    Config config;

    private record Stored(String participant, String citizen) {
    }

    @Test
    void theSameCitizenInTwoTrialsIsPublishedUnderUnrelatedPseudonymsEachWithItsKeyId() throws Exception {
        UUID first = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        UUID second = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String cpr = Citizens.aged(24);

        String inFirst = publishedParticipant(first, enrolled(first, cpr));
        String inSecond = publishedParticipant(second, enrolled(second, cpr));

        assertNotEquals(inFirst, inSecond, "a reader of enrolment-events cannot link the citizen across the trials");
        assertTrue(inFirst.matches("v1:[0-9a-f]{64}") && inSecond.matches("v1:[0-9a-f]{64}"), inFirst + " " + inSecond);
        assertEquals(pseudonymiser.pseudonym(first, cpr(cpr)), inFirst);
        assertEquals(pseudonymiser.pseudonym(second, cpr(cpr)), inSecond);
        String citizen = pseudonymiser.citizen(cpr(cpr));
        assertEquals(inFirst, stored(first, cpr).participant(), "stored with its key id, as published");
        assertEquals(citizen, stored(first, cpr).citizen());
        assertEquals(citizen, stored(second, cpr).citizen(), "the citizen pseudonym is the same in both trials");
        assertFalse(inFirst.contains(citizen) || inSecond.contains(citizen), "and is never published");
    }

    @Test
    void aPseudonymStoredBeforeKeyIdsIsConvertedWithoutTheCprNumberAndTheCitizenKeepsTheAllocation() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String cpr = Citizens.aged(27);
        Response first = enrol(trialId, TestTokens.jobcentre("101"), citizen(cpr, "101"));
        first.then().statusCode(201);
        // A row as migration 6 leaves one enrolled before: participant still HMAC(key, CPR), copied into citizen.
        update("update enrolment set participant = citizen where id = ?", UUID.fromString(first.path("enrolmentId")));
        assertEquals(pseudonymiser.citizen(cpr(cpr)), stored(trialId, cpr).participant());

        int republished = rekeyCountingOutboxRows(pseudonymiser, trialId);

        assertEquals(pseudonymiser.pseudonym(trialId, cpr(cpr)), stored(trialId, cpr).participant(),
                "re-keyed from the stored citizen pseudonym alone, it is what the CPR number gives");
        assertEquals(0, republished, "outcome-service converts its own copies of pseudonyms without key id");
        assertEquals(first.asString(), enrol(trialId, TestTokens.jobcentre("101"), citizen(cpr, "101"))
                .then().statusCode(200).extract().asString());
    }

    @Test
    void aKeyRotationReKeysFromTheCitizenPseudonymAndPublishesTheParticipantAgain() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String cpr = Citizens.aged(23);
        Response first = enrol(trialId, TestTokens.jobcentre("101"), citizen(cpr, "101"));
        first.then().statusCode(201);
        CprPseudonymiser rotated = new CprPseudonymiser(new CprKeys(key("base"),
                Map.of("v1", key("v1"), "v2", "a second trial key, 32 bytes long".getBytes()), "v2"));

        try {
            assertEquals(1, rekeyCountingOutboxRows(rotated, trialId));

            String rekeyed = stored(trialId, cpr).participant();
            assertTrue(rekeyed.startsWith("v2:"), rekeyed);
            assertEquals(rotated.pseudonym(trialId, cpr(cpr)), rekeyed);
            try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
                List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                        .until(() -> probe.recordsWithKey(trialId.toString()), r -> r.size() == 2);
                JsonNode enrolled = json.readTree(records.get(0).value()).path("payload");
                JsonNode again = json.readTree(records.get(1).value()).path("payload");
                assertEquals("PARTICIPANT_ENROLLED", TopicProbe.header(records.get(1), Topics.EVENT_TYPE_HEADER));
                assertEquals(rekeyed, again.path("participant").asText());
                for (String field : List.of("enrolmentId", "arm", "jobcentre", "stratum", "enrolledOn", "sequence")) {
                    assertEquals(enrolled.path(field), again.path(field), field + " is the enrolment's, unchanged");
                }
            }
            assertEquals(first.asString(), enrol(trialId, TestTokens.jobcentre("101"), citizen(cpr, "101"))
                    .then().statusCode(200).extract().asString(), "the citizen is found whatever key they are under");
        } finally {
            rekeyCountingOutboxRows(pseudonymiser, trialId);
        }
    }

    @Test
    void theReKeyMigrationIsRepeatableWithTheCurrentKeyIdAsItsChecksum() throws SQLException {
        try (Connection c = TestPostgres.ownerConnection("enrolments"); PreparedStatement s = c.prepareStatement("""
                select version, checksum, success from flyway_schema_history
                where description = 'participant pseudonym key' order by installed_rank desc limit 1""");
             ResultSet row = s.executeQuery()) {
            assertTrue(row.next(), "Flyway ran R__ParticipantPseudonymKey");
            assertEquals(null, row.getString(1), "repeatable: no version");
            assertEquals("v1".hashCode(), row.getInt(2), "so it runs again when trials.cpr.current-key-id changes");
            assertTrue(row.getBoolean(3));
        }
    }

    /**
     * Runs the re-key as Flyway does: as the tables' owner (the service's role may not update allocations), in one
     * transaction; the trial's outbox rows it wrote, counted before commit
     * (after the relay has sent the earlier ones).
     */
    private int rekeyCountingOutboxRows(CprPseudonymiser keys, UUID trialId) throws SQLException {
        try (Connection c = TestPostgres.ownerConnection("enrolments")) {
            // The relay sends and deletes the trial's earlier rows meanwhile; once they are gone, every row is ours.
            await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows(c, trialId) == 0);
            c.setAutoCommit(false);
            R__ParticipantPseudonymKey.rekey(c, keys, Instant.now());
            int written = outboxRows(c, trialId);
            c.commit();
            return written;
        }
    }

    private static int outboxRows(Connection c, UUID trialId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from outbox_event where message_key = ?")) {
            s.setString(1, trialId.toString());
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private UUID enrolled(UUID trialId, String cpr) {
        return UUID.fromString(enrol(trialId, TestTokens.jobcentre("101"), citizen(cpr, "101"))
                .then().statusCode(201).extract().path("enrolmentId"));
    }

    private String publishedParticipant(UUID trialId, UUID enrolmentId) throws Exception {
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(trialId.toString()), r -> r.size() == 1);
            JsonNode payload = json.readTree(records.get(0).value()).path("payload");
            assertEquals(enrolmentId.toString(), payload.path("enrolmentId").asText());
            return payload.path("participant").asText();
        }
    }

    private Stored stored(UUID trialId, String cpr) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select participant, citizen from enrolment where trial_id = ? and citizen = ?")) {
            s.setObject(1, trialId);
            s.setString(2, pseudonymiser.citizen(cpr(cpr)));
            try (ResultSet row = s.executeQuery()) {
                assertTrue(row.next(), "the citizen is enrolled in the trial");
                return new Stored(row.getString(1), row.getString(2));
            }
        }
    }

    private void update(String sql, UUID id) throws SQLException {
        try (Connection c = TestPostgres.ownerConnection("enrolments"); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            assertEquals(1, s.executeUpdate());
        }
    }

    private byte[] key(String name) {
        return KeyMaterial.decode(config.getValue("trials.cpr.keys." + name, String.class), name);
    }

    private static CprNumber cpr(String digits) {
        return CprNumber.parse(digits).orElseThrow();
    }
}
