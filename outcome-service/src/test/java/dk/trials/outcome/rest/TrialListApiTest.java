package dk.trials.outcome.rest;

import dk.trials.events.EventEnvelope;
import dk.trials.events.enrolment.AllocationCheckpoint;
import dk.trials.events.enrolment.EligibilityScreening;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.events.outcome.OutcomeType;
import dk.trials.outcome.Events;
import dk.trials.outcome.LookTrials;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.service.EnrolmentProjection;
import dk.trials.outcome.service.IncomingOutcome;
import dk.trials.outcome.service.OutcomeIngestion;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/v1/trials, the dashboard's list: each trial's recruitment, the sample-ratio check, the flow by arm and
 * before allocation, with arm counts by jobcentre withheld while the trial can still enrol.
 */
@QuarkusTest
class TrialListApiTest extends TestInfrastructure {

    private static final Instant COUNTED = Instant.parse("2027-03-01T08:00:00Z");

    @Inject
    EventCodec codec;
    @Inject
    EnrolmentProjection enrolments;
    @Inject
    OutcomeIngestion ingestion;

    @Test
    void aRecruitingTrialShowsItsArmsTrialWideButNotByJobcentre() {
        LookTrials.Trial trial = new LookTrials(codec, enrolments, ingestion).open(100, 30);
        enrol(trial.id(), "treatment", "147", 4);

        JsonPath summary = summary(trial.id());
        assertEquals("RECRUITING", summary.getString("status"));
        assertEquals(64, summary.getInt("participants"));
        assertEquals(Map.of("treatment", 34, "control", 30), summary.getMap("byArm"));
        assertTrue(summary.getBoolean("armCountsByJobcentreConcealed"));
        assertEquals(List.of("101", "147"), summary.getList("byJobcentre.jobcentre"));
        assertEquals(List.of(60, 4), summary.getList("byJobcentre.participants"));
        assertNull(summary.get("byJobcentre[0].byArm"));
        assertNull(summary.get("byJobcentre[1].byArm"));
    }

    @Test
    void onceTheTrialNoLongerEnrolsArmCountsByJobcentreAreShown() {
        LookTrials trials = new LookTrials(codec, enrolments, ingestion);
        LookTrials.Trial trial = trials.open(100, 30);
        enrol(trial.id(), "control", "147", 3);
        trials.complete(trial, 100);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(summary(trial.id()).getString("status")));

        JsonPath summary = summary(trial.id());
        assertFalse(summary.getBoolean("armCountsByJobcentreConcealed"));
        assertEquals(Map.of("treatment", 30, "control", 30), summary.getMap("byJobcentre[0].byArm"));
        assertEquals(Map.of("treatment", 0, "control", 3), summary.getMap("byJobcentre[1].byArm"));
    }

    @Test
    void theFlowCountsWithdrawalsJobExitsAndCensoringsWithinTheHorizonAndAnalysesEveryone() {
        LookTrials trials = new LookTrials(codec, enrolments, ingestion);
        LookTrials.Trial trial = trials.open(100, 20);
        trials.ingestBatch(trial.id(), trial.treatment(), 0, 8, "treatment");
        trials.ingestBatch(trial.id(), trial.control(), 0, 5, "control");
        ingestion.ingest(trial.id(), List.of(new IncomingOutcome(trial.id(), trial.control().get(10), null,
                OutcomeType.LOST_TO_FOLLOW_UP, LookTrials.ENROLLED_ON.plusDays(40), "DREAM", "lost-1", null)), false);
        // A job exit after the horizon (182 days) ends follow-up but is not an event of the estimates.
        ingestion.ingest(trial.id(), List.of(new IncomingOutcome(trial.id(), trial.treatment().get(15), null,
                OutcomeType.JOB_EXIT, LookTrials.ENROLLED_ON.plusDays(190), "DREAM", "late-1", null)), false);
        QuarkusTransaction.requiringNew().run(() -> enrolments.withdrawn(new ParticipantWithdrawn(
                trial.treatment().get(0), trial.id(), "pseudonym-" + trial.treatment().get(0), LookTrials.TODAY)));

        JsonPath summary = summary(trial.id());
        assertEquals(List.of("treatment", "control"), summary.getList("flow.arm"));
        assertEquals(List.of(20, 20), summary.getList("flow.allocated"));
        assertEquals(List.of(1, 0), summary.getList("flow.withdrawn"));
        assertEquals(List.of(8, 5), summary.getList("flow.jobExits"));
        assertEquals(List.of(0, 1), summary.getList("flow.censored"));
        assertEquals(List.of(20, 20), summary.getList("flow.analysed"));
        JsonPath estimates = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/estimates", trial.id())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(8, 5), estimates.getList("arms.events"), "the flow's job exits are the estimates' events");
    }

    @Test
    void anAllocationFarFromTheWeightsIsFlaggedAndOneTooSmallToTestIsNot() {
        LookTrials.Trial balanced = new LookTrials(codec, enrolments, ingestion).open(100, 3);
        JsonPath small = summary(balanced.id());
        assertFalse(small.getBoolean("sampleRatioMismatch.testable"), "expected counts below 5");
        assertFalse(small.getBoolean("sampleRatioMismatch.flagged"));

        LookTrials.Trial skewed = new LookTrials(codec, enrolments, ingestion).open(100, 10);
        enrol(skewed.id(), "treatment", "101", 50);
        JsonPath check = summary(skewed.id());
        assertTrue(check.getBoolean("sampleRatioMismatch.testable"));
        assertTrue(check.getBoolean("sampleRatioMismatch.flagged"), "60 against 10 at 1:1");
        // Pearson: expected 35 each, (25² + 25²) / 35.
        assertEquals(1250.0 / 35, check.getDouble("sampleRatioMismatch.chiSquare"), 1e-4);
        assertEquals(1, check.getInt("sampleRatioMismatch.degreesOfFreedom"));
    }

    @Test
    void theFlowBeforeAllocationIsEnrolmentServicesLatestCountOfExclusionsAndUnknownUntilItArrives() {
        LookTrials.Trial trial = new LookTrials(codec, enrolments, ingestion).open(3, 2);
        assertNull(summary(trial.id()).get("screening"), "no count from enrolment-service yet");

        counted(new AllocationCheckpoint(trial.id(), 5, Map.of("treatment", 3L, "control", 2L), 0, COUNTED,
                new EligibilityScreening(4, Map.of("AGE", 3L, "BENEFIT_TYPE", 2L))));
        // Redelivered or overtaken: published before the one kept, so it changes nothing.
        counted(new AllocationCheckpoint(trial.id(), 4, Map.of("treatment", 2L, "control", 2L), 0,
                COUNTED.minusSeconds(60), new EligibilityScreening(1, Map.of("AGE", 1L))));
        // From a producer that counts no exclusions: the last count stands.
        counted(new AllocationCheckpoint(trial.id(), 5, Map.of("treatment", 3L, "control", 2L), 0,
                COUNTED.plusSeconds(60), null));

        JsonPath summary = summary(trial.id());
        assertEquals(9, summary.getLong("screening.assessed"), "5 allocated and 4 excluded");
        assertEquals(4, summary.getLong("screening.excluded"));
        assertEquals(Map.of("AGE", 3, "BENEFIT_TYPE", 2), summary.getMap("screening.excludedByReason"));
        assertEquals(COUNTED.toString(), summary.getString("screening.countedAt"));
    }

    @Test
    void anImpossibleCountOfExclusionsIsDeadLetteredAndChangesNothing() {
        LookTrials.Trial trial = new LookTrials(codec, enrolments, ingestion).open(1, 1);
        try (TopicProbe dlq = new TopicProbe(TestKafka.bootstrapServers(), "enrolment-events.outcome-service.dlq")) {
            Events.checkpoint(codec, new AllocationCheckpoint(trial.id(), 0, Map.of(), 0, COUNTED,
                    new EligibilityScreening(1, Map.of("AGE", 2L))));

            await().atMost(Duration.ofSeconds(30)).until(() -> dlq.recordsWithKey(trial.id().toString()).size() == 1);
        }
        assertNull(summary(trial.id()).get("screening"));
    }

    @Test
    void theListIsForAnalystsDesignersAndAdminsAndNeverForAJobcentre() {
        given().get("/api/v1/trials").then().statusCode(401);
        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials").then().statusCode(403);
        for (String token : List.of(TestTokens.analyst(), TestTokens.designer(), TestTokens.admin())) {
            given().auth().oauth2(token).get("/api/v1/trials").then().statusCode(200);
        }
    }

    private void enrol(UUID trialId, String arm, String jobcentre, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                enrolments.enrolled(List.of(Events.enrolled(trialId, id, "pseudonym-" + id, arm, jobcentre, LookTrials.ENROLLED_ON)));
            }
        });
    }

    /** Publishes an allocation checkpoint and waits until it has been applied. */
    private void counted(AllocationCheckpoint checkpoint) {
        EventEnvelope sent = Events.checkpoint(codec, checkpoint);
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(sent.eventId()));
    }

    private static JsonPath summary(UUID trialId) {
        String body = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials").then().statusCode(200)
                .extract().asString();
        int index = JsonPath.from(body).getList("trials.trialId").indexOf(trialId.toString());
        assertTrue(index >= 0, "the trial is listed");
        return JsonPath.from(body).setRootPath("trials[" + index + "]");
    }
}
