package dk.trials.outcome.messaging;

import dk.trials.events.EventEnvelope;
import dk.trials.events.enrolment.AllocationCheckpoint;
import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * enrolment-service's allocation checkpoints, checked against outcome-service's participants as they arrive behind
 * the enrolments they count: a lost enrolment is named by its number, a doubled or misallocated participant by its
 * enrolment id, and the latest check of each trial is served to admins and counted in a gauge.
 */
@QuarkusTest
class AllocationReconciliationTest extends TestInfrastructure {

    private static final String RECONCILIATION = "/api/v1/trials/{trialId}/reconciliation";
    private static final Instant PUBLISHED = Instant.parse("2027-03-01T08:00:00Z");
    private static final LocalDate ENROLLED_ON = LocalDate.of(2027, 2, 1);

    @Inject
    EventCodec codec;

    @Test
    void aTrialWhoseEveryEnrolmentArrivedIsConsistentUpToTheCheckpointAndLaterEnrolmentsAreNotCounted() throws Exception {
        UUID trialId = trial();
        UUID withdrawn = enrol(trialId, "treatment", 1);
        enrol(trialId, "control", 2);
        enrol(trialId, "treatment", 3);
        Events.withdraw(codec, new ParticipantWithdrawn(withdrawn, trialId, "p-" + withdrawn, ENROLLED_ON.plusDays(9)));
        enrol(trialId, "control", 4);

        check(new AllocationCheckpoint(trialId, 3, Map.of("treatment", 2L, "control", 1L), 1, PUBLISHED, null));

        JsonPath body = reconciliation(trialId);
        assertTrue(body.getBoolean("consistent"));
        assertEquals(3, body.getLong("checkpoint.upToSequence"));
        assertEquals(Map.of("treatment", 2, "control", 1), body.getMap("counted.perArm"));
        assertEquals(1, body.getLong("counted.withdrawn"));
        assertEquals(0, body.getLong("counted.unsequenced"));
        assertEquals(0, body.getLong("missing.count"));
        assertEquals(List.of(), body.getList("missing.sequences"));
        assertEquals(0, body.getLong("extra.count"));
    }

    @Test
    void aLostEnrolmentIsNamedByItsNumberCountedInTheGaugeAndClearedByTheNextCheckpointOnceItArrives() throws Exception {
        double before = inconsistentTrials();
        UUID trialId = trial();
        enrol(trialId, "treatment", 1);
        enrol(trialId, "control", 2);
        ParticipantEnrolled lost = numbered(trialId, "control", 3);
        enrol(trialId, "treatment", 4);

        check(new AllocationCheckpoint(trialId, 4, Map.of("treatment", 2L, "control", 2L), 0, PUBLISHED, null));

        JsonPath body = reconciliation(trialId);
        assertFalse(body.getBoolean("consistent"));
        assertEquals(Map.of("treatment", 2, "control", 1), body.getMap("counted.perArm"));
        assertEquals(1, body.getLong("missing.count"));
        assertEquals(List.of(3), body.getList("missing.sequences"));
        assertEquals(0, body.getLong("extra.count"));
        assertEquals(before + 1, inconsistentTrials());

        Events.enrol(codec, lost).get();
        check(new AllocationCheckpoint(trialId, 4, Map.of("treatment", 2L, "control", 2L), 0, PUBLISHED.plusSeconds(60), null));

        assertTrue(reconciliation(trialId).getBoolean("consistent"));
        assertEquals(before, inconsistentTrials());
    }

    @Test
    void aDoubledNumberAndAParticipantInAnArmWithoutAllocationsAreNamedByEnrolmentId() throws Exception {
        UUID trialId = trial();
        UUID first = new UUID(0, 1);
        UUID doubled = new UUID(0, 2);
        Events.enrol(codec, Events.numbered(Events.enrolled(trialId, first, "p-a", "treatment", "101", ENROLLED_ON), 1)).get();
        Events.enrol(codec, Events.numbered(Events.enrolled(trialId, doubled, "p-b", "treatment", "101", ENROLLED_ON), 1)).get();
        UUID misallocated = enrol(trialId, "placebo", 2);

        check(new AllocationCheckpoint(trialId, 2, Map.of("treatment", 1L, "control", 1L), 0, PUBLISHED, null));

        JsonPath body = reconciliation(trialId);
        assertFalse(body.getBoolean("consistent"));
        assertEquals(Map.of("treatment", 2, "placebo", 1), body.getMap("counted.perArm"));
        assertEquals(0, body.getLong("missing.count"));
        assertEquals(2, body.getLong("extra.count"));
        assertEquals(List.of(doubled.toString(), misallocated.toString()), body.getList("extra.enrolmentIds"));
    }

    @Test
    void participantsEnrolledBeforeNumbersExistedCountUnderEveryCheckpointThoughNoGapCanNameWhoIsMissing() throws Exception {
        UUID trialId = trial();
        Events.enrol(codec, Events.enrolled(trialId, UUID.randomUUID(), "p-old", "control", "101", ENROLLED_ON)).get();
        enrol(trialId, "treatment", 2);

        check(new AllocationCheckpoint(trialId, 3, Map.of("treatment", 2L, "control", 1L), 0, PUBLISHED, null));

        JsonPath body = reconciliation(trialId);
        assertFalse(body.getBoolean("consistent"));
        assertEquals(1, body.getLong("counted.unsequenced"));
        assertEquals(Map.of("treatment", 1, "control", 1), body.getMap("counted.perArm"));
        assertEquals(1, body.getLong("missing.count"));
        assertEquals(List.of(), body.getList("missing.sequences"));
    }

    @Test
    void anOlderCheckpointDeliveredAfterANewerOneLeavesTheNewerResult() throws Exception {
        UUID trialId = trial();
        enrol(trialId, "treatment", 1);
        enrol(trialId, "control", 2);
        check(new AllocationCheckpoint(trialId, 2, Map.of("treatment", 1L, "control", 1L), 0, PUBLISHED, null));

        check(new AllocationCheckpoint(trialId, 1, Map.of("control", 1L), 0, PUBLISHED.plusSeconds(60), null));

        JsonPath body = reconciliation(trialId);
        assertTrue(body.getBoolean("consistent"));
        assertEquals(2, body.getLong("checkpoint.upToSequence"));
        assertEquals(PUBLISHED.toString(), body.getString("checkpoint.publishedAt"));
    }

    @Test
    void aCheckpointThatCountsMoreAllocationsThanNumbersIsDeadLetteredAfterOneTryAndChangesNothing() throws Exception {
        UUID trialId = trial();
        enrol(trialId, "treatment", 1);
        try (TopicProbe dlq = new TopicProbe(TestKafka.bootstrapServers(), "enrolment-events.outcome-service.dlq")) {
            Events.checkpoint(codec, new AllocationCheckpoint(trialId, 1, Map.of("treatment", 2L), 0, PUBLISHED, null));

            await().atMost(Duration.ofSeconds(30)).until(() -> dlq.recordsWithKey(trialId.toString()).size() == 1);
        }
        given().auth().oauth2(TestTokens.admin()).get(RECONCILIATION, trialId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAnAdminReadsTheReconciliation() throws Exception {
        UUID trialId = trial();
        enrol(trialId, "treatment", 1);
        check(new AllocationCheckpoint(trialId, 1, Map.of("treatment", 1L), 0, PUBLISHED, null));

        given().get(RECONCILIATION, trialId).then().statusCode(401);
        given().auth().oauth2(TestTokens.analyst()).get(RECONCILIATION, trialId).then().statusCode(403);
        given().auth().oauth2(TestTokens.jobcentre("101")).get(RECONCILIATION, trialId).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get(RECONCILIATION, UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private UUID trial() {
        return Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), null);
    }

    private ParticipantEnrolled numbered(UUID trialId, String arm, long sequence) {
        UUID enrolmentId = UUID.randomUUID();
        return Events.numbered(Events.enrolled(trialId, enrolmentId, "p-" + enrolmentId, arm, "101", ENROLLED_ON), sequence);
    }

    private UUID enrol(UUID trialId, String arm, long sequence) throws Exception {
        ParticipantEnrolled enrolled = numbered(trialId, arm, sequence);
        Events.enrol(codec, enrolled).get();
        return enrolled.enrolmentId();
    }

    /** Publishes the checkpoint behind the enrolments already sent and waits until it has been checked. */
    private void check(AllocationCheckpoint checkpoint) {
        EventEnvelope sent = Events.checkpoint(codec, checkpoint);
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(sent.eventId()));
    }

    private static JsonPath reconciliation(UUID trialId) {
        return given().auth().oauth2(TestTokens.admin()).get(RECONCILIATION, trialId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static double inconsistentTrials() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("trials_reconciliation_inconsistent_trials "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst().orElseThrow();
    }
}
