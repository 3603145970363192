package dk.trials.outcome.service;

import dk.trials.events.EventType;
import dk.trials.events.trial.ArmDesign;
import dk.trials.events.trial.ComparisonPlan;
import dk.trials.events.trial.FutilityPlan;
import dk.trials.events.trial.MonitoringPlan;
import dk.trials.events.trial.PowerAssumptions;
import dk.trials.events.trial.SpendingPlan;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialStatus;
import dk.trials.outcome.Events;
import dk.trials.outcome.LookDocuments;
import dk.trials.outcome.LookInputs;
import dk.trials.outcome.LookTrials;
import dk.trials.outcome.MonitoringDecision;
import dk.trials.outcome.MonitoringLook;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.TrialPlan;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Formal looks as the schedule and the service take them: at the plan's look time on frozen cuts, never by the
 * refresh; waiting for uploads in flight; read back unchanged after late outcomes.
 */
@QuarkusTest
class FormalLooksTest extends TestInfrastructure {

    @Inject
    EventCodec codec;
    @Inject
    EnrolmentProjection enrolments;
    @Inject
    OutcomeIngestion ingestion;
    @Inject
    StoredLooks looks;
    @Inject
    ScheduledLooks schedule;
    @Inject
    LookTaking taking;
    @Inject
    LookReports reports;
    @Inject
    UploadsInFlight uploads;
    @Inject
    RollingEstimates rolling;

    private LookTrials trials;

    @BeforeEach
    void fixtures() {
        trials = new LookTrials(codec, enrolments, ingestion);
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(TrialsClock.ZONE).toInstant();
    }

    @Test
    void aTrialEventTeachesThePlanItsMonitoringPlanAndTheRulesFollowIt() {
        UUID trialId = UUID.randomUUID();
        MonitoringPlan plan = new MonitoringPlan(List.of(0.4, 1.0), new SpendingPlan(SpendingPlan.KIM_DEMETS, 2.5),
                new FutilityPlan(FutilityPlan.FutilityMethod.BETA_SPENDING, "bsOF", null, null), 7, LocalTime.of(5, 30));
        TrialDesign design = Events.design(List.of(new ArmDesign("a", "a", 2, false), new ArmDesign("b", "b", 1, false),
                new ArmDesign("control", "control", 1, true)), 26, new PowerAssumptions(0.3, 0.05, 0.025, 0.9, null), plan);
        Events.publishTrial(codec, EventType.TRIAL_OPENED, trialId, TrialStatus.RECRUITING, design, 900, List.of(
                new ComparisonPlan("a", "control", 0.0125, 500, 1000, 500),
                new ComparisonPlan("b", "control", 0.0125, 400, 500, 500)));

        MonitoringRules rules = looks.rules(QuarkusTransaction.requiringNew().call(() -> TrialPlan.findById(trialId)));

        assertEquals(0.1, rules.beta(), 1e-12, "1 - power");
        assertEquals(new MonitoringRules(0.025, List.of(0.4, 1.0), "asKD", 2.5, plan.futility(), rules.beta(), 1.0,
                List.of(new MonitoringRules.ComparisonRule("a", "control", 2.0, 500),
                        new MonitoringRules.ComparisonRule("b", "control", 1.0, 400))), rules);
    }

    @Test
    void anOldEventWithoutPlanOrComparisonPlansIsMonitoredByTheLegacyPlanWithTheTrialsPlannedEventsForEachComparison() {
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("a", "b", "control"), 26), 300);

        MonitoringRules rules = looks.rules(QuarkusTransaction.requiringNew().call(() -> TrialPlan.findById(trialId)));

        assertEquals(MonitoringPlan.legacy().informationFractions(), rules.informationFractions());
        assertEquals(SpendingPlan.LAN_DEMETS_CLASSIC, rules.spendingFamily());
        assertEquals(0.05, rules.alpha());
        assertEquals(List.of(new MonitoringRules.ComparisonRule("a", "control", 1.0, 300),
                new MonitoringRules.ComparisonRule("b", "control", 1.0, 300)), rules.comparisons());
    }

    @Test
    void oneArmsJobExitsReportedBeforeTheOthersInATrialWithNoDifferenceCrossNoBoundary() {
        LookTrials.Trial trial = trials.open(100, 100);
        // The treatment arm's case system reports first, a whole file at once ...
        LookTrials.postInBulk(trial.id(), trial.treatment(), 40, "treatment-team");
        awaitRefreshed(trial.id());
        assertEquals(List.of(), looks.all(trial.id()), "the refresh takes no look, however lopsided the figures");

        // ... then the control arm's, one post at a time, exactly alike: no true difference.
        LookTrials.postOneByOne(trial.id(), trial.control(), 40, "control-team");
        awaitRefreshed(trial.id());
        assertEquals(List.of(), looks.all(trial.id()));

        assertEquals(ScheduledLooks.Check.NOT_YET_TIME,
                schedule.check(trial.id(), at(LookTrials.TODAY, LookTrials.lookTime().minusMinutes(1))));
        assertEquals(ScheduledLooks.Check.TAKEN,
                schedule.check(trial.id(), at(LookTrials.TODAY, LookTrials.lookTime())));
        assertEquals(ScheduledLooks.Check.CHECKED_BEFORE,
                schedule.check(trial.id(), at(LookTrials.TODAY, LookTrials.lookTime().plusHours(3))));
        assertEquals(ScheduledLooks.Check.NOT_DUE,
                schedule.check(trial.id(), at(LookTrials.TODAY.plusDays(1), LookTrials.lookTime())),
                "80 of 100 planned events: the ¾ look was taken, the next is at all of them");

        List<MonitoringLook> taken = looks.all(trial.id());
        assertEquals(1, taken.size());
        MonitoringLook look = taken.get(0);
        assertEquals(LookTaking.SCHEDULE, look.requestedBy);
        assertEquals(LookTrials.TODAY.minusDays(14), look.cutDate);
        assertEquals(MonitoringDecision.CONTINUE, look.decision);
        assertEquals(List.of(), look.crossedArms);
        assertEquals(0.0, look.observedZ, 1e-12);
        assertEquals(0.8, look.informationRate, 1e-12);
        assertEquals(80, look.events);
    }

    @Test
    void aLookWaitsForTheTrialsUploadInFlightAndThenSeesAllOfIt() throws Exception {
        LookTrials.Trial trial = trials.open(100, 100);
        UUID upload = uploads.begin(trial.id());
        trials.ingestBatch(trial.id(), trial.treatment(), 0, 30, "file");

        CompletableFuture<MonitoringLook> look = CompletableFuture.supplyAsync(() -> taking.request(trial.id(),
                LookTrials.TODAY.minusDays(14), "test-admin", "Interim analysis while a file loads"));
        await().atMost(Duration.ofSeconds(30)).until(() -> taking.waitingForUploads() > 0);
        assertFalse(look.isDone());
        trials.ingestBatch(trial.id(), trial.treatment(), 30, 60, "file");
        uploads.end(upload);

        MonitoringLook taken = look.get(30, TimeUnit.SECONDS);
        assertEquals(60, taken.events, "the look saw the whole file, not its first batch");
    }

    @Test
    void anUploadEntryNotKeptAliveIsTakenForACrashedProcessAndHoldsNoLookUp() {
        LookTrials.Trial trial = trials.open(100, 100);
        trials.ingestBatch(trial.id(), trial.treatment(), 0, 60, "file");
        QuarkusTransaction.requiringNew().run(() -> TrialPlan.getEntityManager().createNativeQuery("""
                        insert into upload_in_flight (id, trial_id, started_at, alive_at)
                        values (gen_random_uuid(), ?1, now() - interval '2 hours', now() - interval '1 hour')""")
                .setParameter(1, trial.id()).executeUpdate());

        MonitoringLook taken = taking.request(trial.id(), null, "test-admin", "After a crashed upload");

        assertEquals(60, taken.events);
        assertEquals(LookTrials.TODAY.minusDays(14), taken.cutDate, "the default cut: today minus the lag");
    }

    @Test
    void aLookReadBackAfterLateOutcomesForEarlierDatesHasTheSameNumbersAndHash() {
        LookTrials.Trial trial = trials.open(100, 100);
        trials.ingestBatch(trial.id(), trial.treatment(), 0, 35, "treatment-first");
        trials.ingestBatch(trial.id(), trial.control(), 0, 25, "control-first");
        MonitoringLook taken = taking.request(trial.id(), LookTrials.TODAY.minusDays(20), "test-admin", "Interim");
        LookReport before = reports.one(trial.id(), taken.look);

        // A month's late reports: job exits dated long before the cut, received after the look.
        trials.ingestBatch(trial.id(), trial.control(), 25, 60, "late");

        LookReport after = reports.one(trial.id(), taken.look);
        assertEquals(before, after);
        assertEquals(taken.sha256, after.sha256());
        assertEquals(LookDocuments.sha256(LookDocuments.canonical(after.inputs()), LookDocuments.canonical(after.result())),
                after.sha256(), "the hash is that of the canonical inputs and result as read back");
        assertEquals(60, after.result().arms().stream().mapToLong(a -> a.events()).sum());
        LookTaking.Attempt now = QuarkusTransaction.requiringNew().call(() -> taking.attempt(trial.id(),
                LookTrials.TODAY.minusDays(20), "test-admin", "the same cut again", false));
        assertNotEquals(after.sha256(), now.look().sha256, "a new look on the same cut sees the late outcomes");
        assertEquals(95, now.look().events);
    }

    @Test
    void aCompletedTrialGetsItsFinalLookOnceAndNoLookFollowsIt() {
        LookTrials.Trial trial = trials.open(100, 100);
        trials.ingestBatch(trial.id(), trial.treatment(), 0, 20, "treatment-file");
        trials.ingestBatch(trial.id(), trial.control(), 0, 20, "control-file");
        trials.complete(trial, 100);

        assertEquals(ScheduledLooks.Check.TAKEN, schedule.check(trial.id(), at(LookTrials.TODAY, LookTrials.lookTime())));
        MonitoringLook last = looks.all(trial.id()).get(0);
        assertTrue(last.finalLook, "40 of 100 planned events, but the trial is over: all remaining alpha is spent");
        assertEquals(ScheduledLooks.Check.NO_LOOK_POSSIBLE,
                schedule.check(trial.id(), at(LookTrials.TODAY.plusDays(1), LookTrials.lookTime())));
        assertEquals(1, looks.all(trial.id()).size());
        assertNull(looks.takenBy(trial.id(), LookTrials.TODAY.minusDays(1)).stream().findFirst().orElse(null),
                "takenBy counts looks by the day they were taken");
    }

    @Test
    void twoReplicasCheckingATrialAtOnceTakeOneLook() throws Exception {
        LookTrials.Trial trial = trials.open(100, 100);
        trials.ingestBatch(trial.id(), trial.treatment(), 0, 30, "treatment");
        trials.ingestBatch(trial.id(), trial.control(), 0, 30, "control");
        Instant lookTime = at(LookTrials.TODAY, LookTrials.lookTime());

        CompletableFuture<ScheduledLooks.Check> one = CompletableFuture.supplyAsync(() -> schedule.check(trial.id(), lookTime));
        CompletableFuture<ScheduledLooks.Check> other = CompletableFuture.supplyAsync(() -> schedule.check(trial.id(), lookTime));

        assertEquals(java.util.Set.of(ScheduledLooks.Check.TAKEN, ScheduledLooks.Check.CHECKED_BEFORE),
                java.util.Set.of(one.get(30, TimeUnit.SECONDS), other.get(30, TimeUnit.SECONDS)));
        assertEquals(1, looks.all(trial.id()).size());
        assertTrue(schedule.monitoredTrials().contains(trial.id()));
    }

    @Test
    void aLegacyLookTakenOnLiveDataStaysAsHistoryWithoutAFrozenReportAndCountsAsATakenLook() {
        LookTrials.Trial trial = trials.open(100, 100);
        QuarkusTransaction.requiringNew().run(() -> TrialPlan.getEntityManager().createNativeQuery("""
                        insert into monitoring_look (trial_id, look, taken_on, taken_at, events, information_fraction,
                                                     boundary_z, observed_z, comparison_arm, decision, information_rate,
                                                     requested_by, reason)
                        values (?1, 1, ?2, now(), 10, 0.1, 6.0937, 0.4, 'treatment', 'CONTINUE', 0.1, 'rolling-refresh',
                                'Taken on live data by the rolling refresh')""")
                .setParameter(1, trial.id()).setParameter(2, LookTrials.TODAY.minusDays(3)).executeUpdate());

        LookReport legacy = reports.one(trial.id(), 1);
        assertFalse(legacy.frozen());
        assertNull(legacy.sha256());
        assertNull(legacy.inputs());
        assertEquals(List.of(new PriorLook(1, 0.1, List.of())),
                looks.takenBy(trial.id(), LookTrials.TODAY).stream().map(LookSummary::prior).toList());

        trials.ingestBatch(trial.id(), trial.treatment(), 0, 30, "treatment");
        MonitoringLook next = taking.request(trial.id(), null, "test-admin", "First look on a frozen cut");
        assertEquals(2, next.look);
        assertEquals(List.of(new LookInputs.FormerLook(1, 0.1, List.of())),
                LookDocuments.read(next.inputs, LookInputs.class).priorLooks());
    }

    private void awaitRefreshed(UUID trialId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> rolling.currentFor(trialId, LookTrials.TODAY).isPresent());
    }
}
