package dk.trials.outcome.service;

import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The re-matching of pending outcomes runs on one replica at a time: while another replica holds its round, a
 * replica's round matches nothing; once the round is free, the outcome is matched.
 */
@QuarkusTest
class PendingOutcomeRematchTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);

    @Inject
    EventCodec codec;
    @Inject
    PendingOutcomeRematch rematch;
    @Inject
    ScheduledRoundLock rounds;
    @Inject
    ParticipantStore participants;

    @Test
    void aReplicaSkipsTheRematchWhileAnotherReplicaRunsIt() throws Exception {
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), 400);
        UUID enrolmentId = UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"enrolmentId\":\"" + enrolmentId + "\",\"type\":\"JOB_EXIT\",\"occurredOn\":\""
                        + TODAY.minusDays(2) + "\",\"source\":\"DREAM\",\"sourceId\":\"rematch-" + enrolmentId + "\"}")
                .post("/api/v1/trials/{id}/outcomes", trialId).then().statusCode(202);
        // The race the rematch is for: the participant committed without seeing the outcome waiting for it.
        QuarkusTransaction.requiringNew().run(() -> participants.addAll(List.of(new ParticipantStore.NewParticipant(
                enrolmentId, trialId, "rematch-" + enrolmentId, "treatment", "101", "all", TODAY.minusDays(30), null))));

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> otherReplica = CompletableFuture.supplyAsync(
                () -> rounds.runAlone(PendingOutcomeRematch.ROUND, () -> {
                    holding.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertTrue(holding.await(30, TimeUnit.SECONDS));

        rematch.rematch();
        assertEquals(1, unmatched(trialId), "skipped: the other replica holds the round");

        release.countDown();
        assertTrue(otherReplica.get(30, TimeUnit.SECONDS));
        rematch.rematch();
        await().atMost(Duration.ofSeconds(30)).until(() -> unmatched(trialId) == 0);
    }

    private static long unmatched(UUID trialId) {
        return given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/outcomes/unmatched", trialId)
                .then().statusCode(200).extract().jsonPath().getLong("count");
    }
}
