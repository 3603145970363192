package dk.trials.outcome.rest;

import db.migration.V7_1__PerTrialPseudonyms;
import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.outcome.OutcomeReported;
import dk.trials.events.outcome.OutcomeType;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.service.ParticipantPseudonyms;
import dk.trials.platform.cpr.CprKeys;
import dk.trials.platform.cpr.CprNumber;
import dk.trials.platform.cpr.CprPseudonymiser;
import dk.trials.platform.cpr.KeyMaterial;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestPostgres;
import dk.trials.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Participants arrive under per-trial pseudonyms with a key id; outcomes by CPR number compute the same; a key rotation
 * re-keys them by enrolment-service publishing them again, and pseudonyms stored or published before key ids existed
 * are converted without any CPR number (README, "Pseudonyms and keys").
 */
@QuarkusTest
class PseudonymKeyTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);

    @Inject
    EventCodec codec;
    @Inject
    CprPseudonymiser pseudonymiser;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Config config;

    private UUID trialId;
    private CprPseudonymiser rotated;

    @BeforeEach
    void openTrial() {
        trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), 400);
        rotated = new CprPseudonymiser(new CprKeys(key("base"),
                Map.of("v1", key("v1"), "v2", "a second trial key, 32 bytes long".getBytes()), "v2"));
    }

    @Test
    void anOutcomeByCprNumberComputesTheParticipantsPerTrialPseudonym() {
        String cpr = OutcomeApiTest.cpr();
        enrol(UUID.randomUUID(), pseudonymiser.pseudonym(trialId, cpr(cpr)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == 1);

        post(cpr, "by-cpr-1").then().statusCode(201).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void anEnrolmentPublishedAgainUnderANewKeyReKeysTheParticipantAndCountsItOnce() throws Exception {
        String cpr = OutcomeApiTest.cpr();
        UUID enrolmentId = UUID.randomUUID();
        enrol(enrolmentId, pseudonymiser.pseudonym(trialId, cpr(cpr)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == 1);
        String rekeyed = rotated.pseudonym(trialId, cpr(cpr));

        enrol(enrolmentId, rekeyed);

        await().atMost(Duration.ofSeconds(30)).until(() -> rekeyed.equals(storedPseudonym(enrolmentId)));
        assertEquals(1, Events.participants(trialId));
        Events.reportOutcome(codec, new OutcomeReported(trialId, null, rekeyed, OutcomeType.JOB_EXIT, TODAY.minusDays(3),
                "DREAM", "feed-under-v2"));
        JsonPath estimates = awaitEstimates(e -> e.getInt("arms.find { it.arm == 'treatment' }.events") == 1);
        assertEquals(1, estimates.getInt("arms.find { it.arm == 'treatment' }.participants"),
                "counted once: the second event re-keyed the participant it already had");
    }

    @Test
    void whileAKeyRotatesAnOutcomeByCprNumberFindsTheParticipantUnderEitherKey() {
        String underOldKey = OutcomeApiTest.cpr();
        String notYetEnrolled = OutcomeApiTest.cpr();
        enrol(UUID.randomUUID(), pseudonymiser.pseudonym(trialId, cpr(underOldKey)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == 1);
        ParticipantPseudonyms duringRotation = new ParticipantPseudonyms(rotated, dataSource);

        assertEquals(pseudonymiser.pseudonym(trialId, cpr(underOldKey)), duringRotation.of(trialId, cpr(underOldKey)),
                "the participant is still under v1 until its re-key arrives");
        assertEquals(rotated.pseudonym(trialId, cpr(notYetEnrolled)), duringRotation.of(trialId, cpr(notYetEnrolled)),
                "a pending outcome waits under the current key, the one its participant will arrive with");
    }

    @Test
    void anEnrolmentPublishedBeforePerTrialPseudonymsIsStoredPerTrialAndMatchesByCprNumber() throws Exception {
        String cpr = OutcomeApiTest.cpr();
        UUID enrolmentId = UUID.randomUUID();

        enrol(enrolmentId, pseudonymiser.citizen(cpr(cpr)));

        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == 1);
        assertEquals(pseudonymiser.pseudonym(trialId, cpr(cpr)), storedPseudonym(enrolmentId));
        post(cpr, "legacy-1").then().statusCode(201).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void migrationSevenOneConvertsParticipantsAndPendingOutcomesWithoutKeyIdAndTheyStillMatch() throws Exception {
        String enrolled = OutcomeApiTest.cpr();
        String pending = OutcomeApiTest.cpr();
        UUID enrolmentId = UUID.randomUUID();
        enrol(enrolmentId, pseudonymiser.pseudonym(trialId, cpr(enrolled)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == 1);
        post(pending, "pending-1").then().statusCode(202).body("status", equalTo("PENDING_ENROLMENT"));
        // The rows as they stood before: HMAC(key, CPR), which is the citizen pseudonym under the base key.
        try (Connection c = TestPostgres.ownerConnection("outcomes")) {
            update(c, "update participant set pseudonym = ? where enrolment_id = ?", pseudonymiser.citizen(cpr(enrolled)),
                    enrolmentId);
            update(c, "update outcome set pseudonym = ? where trial_id = ?", pseudonymiser.citizen(cpr(pending)), trialId);

            assertTrue(V7_1__PerTrialPseudonyms.convert(c, pseudonymiser) >= 2);
        }

        assertEquals(pseudonymiser.pseudonym(trialId, cpr(enrolled)), storedPseudonym(enrolmentId));
        post(enrolled, "after-migration-1").then().statusCode(201).body("status", equalTo("ACCEPTED"));
        enrol(UUID.randomUUID(), pseudonymiser.pseudonym(trialId, cpr(pending)));
        JsonPath estimates = awaitEstimates(e -> e.getInt("outcomes.pendingEnrolment") == 0);
        assertEquals(2, estimates.getInt("arms.find { it.arm == 'treatment' }.events"),
                "the pending outcome, converted, matched its participant when the enrolment arrived");
    }

    private void enrol(UUID enrolmentId, String participant) {
        ParticipantEnrolled event = Events.enrolled(trialId, enrolmentId, participant, "treatment", "101",
                TODAY.minusDays(30));
        try {
            Events.enrol(codec, event).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private io.restassured.response.Response post(String cpr, String sourceId) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(OutcomeApiTest.outcome(cpr, "JOB_EXIT", TODAY.minusDays(5), "DREAM", sourceId))
                .post("/api/v1/trials/{id}/outcomes", trialId);
    }

    private JsonPath awaitEstimates(java.util.function.Predicate<JsonPath> condition) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", TODAY.toString())
                        .get("/api/v1/trials/{id}/estimates", trialId).then().statusCode(200).extract().jsonPath(), condition);
    }

    private String storedPseudonym(UUID enrolmentId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select pseudonym from participant where enrolment_id = ?")) {
            s.setObject(1, enrolmentId);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static void update(Connection c, String sql, String value, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            s.setObject(2, id);
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
