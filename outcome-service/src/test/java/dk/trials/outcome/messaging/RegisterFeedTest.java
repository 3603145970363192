package dk.trials.outcome.messaging;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.outcome.OutcomeReported;
import dk.trials.events.outcome.OutcomeType;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.TrialPlan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Register feeds on outcome-events: counted like any outcome, redeliveries ignored, rule breaches kept as rejected. */
@QuarkusTest
class RegisterFeedTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);

    @Inject
    EventCodec codec;

    @Test
    void aRegisterOutcomeCountsOnceEvenWhenTheEventAndTheRecordComeAgain() throws Exception {
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), null);
        UUID enrolmentId = UUID.randomUUID();
        Events.enrol(codec, Events.enrolled(trialId, enrolmentId, "feed-pseudonym-1", "treatment", "101", TODAY.minusDays(60))).get();
        Events.enrol(codec, Events.enrolled(trialId, UUID.randomUUID(), "feed-pseudonym-2", "control", "147", TODAY.minusDays(60))).get();

        OutcomeReported exit = new OutcomeReported(trialId, null, "feed-pseudonym-1", OutcomeType.JOB_EXIT, TODAY.minusDays(20), "DREAM", "r-1");
        EventEnvelope envelope = codec.envelope(EventType.OUTCOME_REPORTED, trialId, exit);
        Events.send(Topics.OUTCOME_EVENTS, trialId, codec.encode(envelope), EventType.OUTCOME_REPORTED);
        Events.send(Topics.OUTCOME_EVENTS, trialId, codec.encode(envelope), EventType.OUTCOME_REPORTED);
        Events.reportOutcome(codec, exit);
        // Dated before the enrolment: kept as rejected, with its reason, and not counted.
        Events.reportOutcome(codec, new OutcomeReported(trialId, enrolmentId, null, OutcomeType.EMIGRATED, TODAY.minusDays(61), "CPR", "r-2"));
        // A later censoring does not undo the earlier job exit.
        Events.reportOutcome(codec, new OutcomeReported(trialId, enrolmentId, null, OutcomeType.DECEASED, TODAY.minusDays(10), "CPR", "r-3"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> estimates(trialId), e -> e.getInt("outcomes.rejected") == 1
                        && e.getInt("arms.find { it.arm == 'treatment' }.events") == 1);
        // The later censoring was sent last on the trial's partition: once it is kept, every event before it is in.
        await().atMost(Duration.ofSeconds(30)).until(() -> keptOutcomes(trialId, "r-3") == 1);
        JsonPath estimates = estimates(trialId);
        assertEquals(1, estimates.getInt("arms.find { it.arm == 'treatment' }.events"));
        assertEquals(1, estimates.getInt("arms.find { it.arm == 'treatment' }.participants"));
        assertEquals(1, estimates.getInt("outcomes.rejected"));
        assertEquals(0, estimates.getInt("outcomes.pendingEnrolment"));
    }

    @Test
    void aRegisterOutcomeThatCannotBeStoredIsNotKeptAndTheFeedGoesOn() throws Exception {
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), null);
        UUID enrolmentId = UUID.randomUUID();
        Events.enrol(codec, Events.enrolled(trialId, enrolmentId, "feed-pseudonym-3", "control", "101", TODAY.minusDays(60))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == 1);

        // A CPR-like number in the source id would be stored in clear; year 0 exists in Java but not in PostgreSQL.
        Events.reportOutcome(codec, new OutcomeReported(trialId, enrolmentId, null, OutcomeType.JOB_EXIT, TODAY.minusDays(5), "DREAM", "dream-0101991234"));
        Events.reportOutcome(codec, new OutcomeReported(trialId, enrolmentId, null, OutcomeType.JOB_EXIT, LocalDate.of(0, 1, 1), "DREAM", "year-0"));
        Events.reportOutcome(codec, new OutcomeReported(trialId, enrolmentId, null, OutcomeType.JOB_EXIT, TODAY.minusDays(10), "DREAM", "r-ok"));

        await().atMost(Duration.ofSeconds(30)).until(() -> keptOutcomes(trialId, "r-ok") == 1);
        assertEquals(0, keptOutcomes(trialId, "dream-0101991234") + keptOutcomes(trialId, "year-0"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> estimates(trialId).getInt("arms.find { it.arm == 'control' }.events") == 1);
        assertEquals(0, estimates(trialId).getInt("outcomes.rejected"));
        String log = java.nio.file.Files.readString(java.nio.file.Path.of("target/outcome-service-test.log"));
        assertFalse(log.contains("0101991234"), "the log names the event and the rule, never the value");
    }

    private static long keptOutcomes(UUID trialId, String sourceId) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) TrialPlan.getEntityManager()
                .createNativeQuery("select count(*) from outcome where trial_id = ?1 and source_id = ?2", Long.class)
                .setParameter(1, trialId).setParameter(2, sourceId).getSingleResult());
    }

    private static JsonPath estimates(UUID trialId) {
        return given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/estimates", trialId)
                .then().statusCode(200).extract().jsonPath();
    }
}
