package dk.trials.outcome.service;

import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas serve the same estimates: figures one replica computed are not served once another replica has
 * committed a change that moves them. The second replica is a second {@link RollingEstimates} with its own cache on
 * the same database, as another process would be.
 */
@QuarkusTest
class EstimatesAcrossReplicasTest extends TestInfrastructure {

    @Inject
    EventCodec codec;
    @Inject
    EstimateVersions versions;
    @Inject
    EstimateCalculator calculator;
    @Inject
    EstimateHistory history;
    @Inject
    ScheduledRoundLock rounds;
    @Inject
    RollingEstimates rolling;
    @Inject
    Clock clock;

    private UUID trialId;
    private LocalDate today;
    private RollingEstimates otherReplica;

    @BeforeEach
    void openTrialOnTwoReplicas() {
        trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), 400);
        today = LocalDate.now(clock);
        otherReplica = new RollingEstimates(versions, calculator, history, rounds, clock, new SimpleMeterRegistry());
    }

    @Test
    void figuresOneReplicaCachedAreNotServedOnceAnotherReplicaCommitsAnOutcome() {
        UUID participant = enrol("treatment", today.minusDays(30));
        otherReplica.refresh();
        Estimate before = otherReplica.currentFor(trialId, today).orElseThrow();
        assertEquals(0, events(before, "treatment"));

        // Committed through this process's REST resource, as through the first replica.
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"enrolmentId\":\"" + participant + "\",\"type\":\"JOB_EXIT\",\"occurredOn\":\""
                        + today.minusDays(5) + "\",\"source\":\"DREAM\",\"sourceId\":\"replicas-" + participant + "\"}")
                .post("/api/v1/trials/{id}/outcomes", trialId).then().statusCode(201);

        assertEquals(Optional.empty(), otherReplica.currentFor(trialId, today),
                "the other replica's figures are of the change before the outcome");
        otherReplica.refresh();
        assertEquals(1, events(otherReplica.currentFor(trialId, today).orElseThrow(), "treatment"));
        await().atMost(Duration.ofSeconds(30)).until(() -> rolling.currentFor(trialId, today)
                .map(figures -> events(figures, "treatment") == 1).orElse(false));
    }

    @Test
    void theRefreshLagIsTheAgeOfTheLastRoundThatBroughtEveryTrialUpToDate() {
        MovingClock moving = new MovingClock(clock.instant(), clock.getZone());
        RollingEstimates replica = new RollingEstimates(versions, calculator, history, rounds, moving,
                new SimpleMeterRegistry());
        moving.advance(Duration.ofSeconds(90));
        assertEquals(90.0, replica.refreshLagSeconds(), "no round yet: as old as the replica");

        replica.refresh();
        assertEquals(0.0, replica.refreshLagSeconds());
        moving.advance(Duration.ofSeconds(5));
        assertEquals(5.0, replica.refreshLagSeconds());
    }

    /** A clock the test moves on by hand. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;
        private final ZoneId zone;

        MovingClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MovingClock(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void figuresOneReplicaCachedAreNotServedOnceAnotherReplicaCountsAnEnrolment() {
        enrol("treatment", today.minusDays(30));
        otherReplica.refresh();
        assertEquals(1, otherReplica.currentFor(trialId, today).orElseThrow().arms().stream()
                .mapToLong(Estimate.Arm::participants).sum());

        enrol("control", today.minusDays(20));

        assertEquals(Optional.empty(), otherReplica.currentFor(trialId, today));
        otherReplica.refresh();
        assertEquals(2, otherReplica.currentFor(trialId, today).orElseThrow().arms().stream()
                .mapToLong(Estimate.Arm::participants).sum());
    }

    @Test
    void aTrialsChangeNumberRisesOnceForEachCommittedTransactionThatMovesItsFiguresAndNotOnRollback() {
        long before = versions.current(trialId);

        QuarkusTransaction.requiringNew().run(() -> {
            rolling.markChangedOnCommit(trialId);
            rolling.markChangedOnCommit(trialId);
            assertEquals(before, versions.current(trialId), "raised as the transaction's last statement, not before");
        });
        assertEquals(before + 1, versions.current(trialId));

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            rolling.markChangedOnCommit(trialId);
            throw new IllegalStateException("the change fails");
        }));
        assertEquals(before + 1, versions.current(trialId));
    }

    @Test
    void theDaysFiguresAreRecordedInTheHistoryAtTheChangeTheyWereComputedFrom() {
        enrol("control", today.minusDays(10));
        long committed = versions.current(trialId);

        otherReplica.refresh();

        // Whichever replica held the history round, today's point is of the latest change.
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(committed).equals(
                QuarkusTransaction.requiringNew().call(() -> history.recordedOn(today)).get(trialId)));
        List<EstimateHistory.Point> points = QuarkusTransaction.requiringNew().call(() -> history.points(trialId));
        assertTrue(points.stream().anyMatch(point -> point.asOf().equals(today)
                && point.estimate().arms().stream().mapToLong(Estimate.Arm::participants).sum() == 1));
    }

    private UUID enrol(String arm, LocalDate enrolledOn) {
        UUID enrolmentId = UUID.randomUUID();
        long before = Events.participants(trialId);
        try {
            Events.enrol(codec, Events.enrolled(trialId, enrolmentId,
                    HexFormat.of().formatHex(enrolmentId.toString().getBytes(StandardCharsets.UTF_8)), arm, "101",
                    enrolledOn)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == before + 1);
        return enrolmentId;
    }

    private static long events(Estimate estimate, String arm) {
        return estimate.arms().stream().filter(a -> a.arm().equals(arm)).findFirst().orElseThrow().events();
    }
}
