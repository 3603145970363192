package dk.trials.outcome.messaging;

import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialStatus;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.TrialPlan;
import dk.trials.platform.messaging.EventCodec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Trials as trial-events tell them: the event with the greater trialVersion wins whatever the publishing replica's
 * clock said, an older one (a replay, a redelivery overtaken by a later event) never overwrites it, and events
 * published before versions existed keep the occurredAt rule among themselves.
 */
@QuarkusTest
class TrialEventsTest extends TestInfrastructure {

    private static final Instant OPENED = Instant.parse("2027-01-04T08:00:00Z");

    @Inject
    EventCodec codec;

    private final TrialDesign design = Events.design(Events.arms("treatment", "control"), 26);

    /**
     * Two trial-service replicas whose clocks disagree: the pause (version 2) is stamped two minutes before the open
     * (version 1), and a copy of the open delivered afterwards is stamped ten minutes after both.
     */
    @Test
    void anOlderVersionDeliveredAfterANewerOneIsIgnoredEvenWhenItsClockSaysItOccurredLater() {
        UUID trialId = UUID.randomUUID();
        send(event(EventType.TRIAL_OPENED, trialId, TrialStatus.RECRUITING, 400, 1L, OPENED));
        EventEnvelope paused = event(EventType.TRIAL_PAUSED, trialId, TrialStatus.PAUSED, 400, 2L, OPENED.minusSeconds(120));
        send(paused);
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(paused.eventId()));
        assertEquals(TrialStatus.PAUSED, plan(trialId).status);
        assertEquals(2L, plan(trialId).trialVersion);

        EventEnvelope olderVersion = event(EventType.TRIAL_RESUMED, trialId, TrialStatus.RECRUITING, 999, 1L,
                OPENED.plusSeconds(600));
        send(olderVersion);
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(olderVersion.eventId()));
        TrialPlan plan = plan(trialId);
        assertEquals(TrialStatus.PAUSED, plan.status);
        assertEquals(400, plan.plannedEvents);
        assertEquals(2L, plan.trialVersion);
        assertEquals(OPENED.minusSeconds(120), plan.eventOccurredAt);

        // The next version applies, though stamped before everything else.
        EventEnvelope closed = event(EventType.TRIAL_CLOSED, trialId, TrialStatus.FOLLOW_UP, 500, 3L, OPENED.minusSeconds(300));
        send(closed);
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(closed.eventId()));
        assertEquals(TrialStatus.FOLLOW_UP, plan(trialId).status);
        assertEquals(500, plan(trialId).plannedEvents);
        assertEquals(3L, plan(trialId).trialVersion);
    }

    /**
     * A trial opened before the upgrade: its unversioned events keep the occurredAt rule, its first versioned event
     * replaces their state even when stamped earlier, and an unversioned event delivered after that is stale.
     */
    @Test
    void anUnversionedThenVersionedSequenceIsAppliedInOrder() {
        UUID trialId = UUID.randomUUID();
        send(event(EventType.TRIAL_OPENED, trialId, TrialStatus.RECRUITING, 400, null, OPENED));
        EventEnvelope paused = event(EventType.TRIAL_PAUSED, trialId, TrialStatus.PAUSED, 400, null, OPENED.plusSeconds(60));
        send(paused);
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(paused.eventId()));
        assertEquals(TrialStatus.PAUSED, plan(trialId).status);
        assertNull(plan(trialId).trialVersion);

        // Unversioned and older than the pause: the occurredAt rule keeps the pause.
        EventEnvelope replayedOpen = event(EventType.TRIAL_RESUMED, trialId, TrialStatus.RECRUITING, 999, null,
                OPENED.plusSeconds(30));
        send(replayedOpen);
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(replayedOpen.eventId()));
        assertEquals(TrialStatus.PAUSED, plan(trialId).status);
        assertEquals(400, plan(trialId).plannedEvents);

        EventEnvelope resumed = event(EventType.TRIAL_RESUMED, trialId, TrialStatus.RECRUITING, 450, 1L, OPENED.minusSeconds(300));
        send(resumed);
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(resumed.eventId()));
        assertEquals(TrialStatus.RECRUITING, plan(trialId).status);
        assertEquals(450, plan(trialId).plannedEvents);
        assertEquals(1L, plan(trialId).trialVersion);

        EventEnvelope lateUnversioned = event(EventType.TRIAL_CLOSED, trialId, TrialStatus.FOLLOW_UP, 999, null,
                OPENED.plusSeconds(900));
        send(lateUnversioned);
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(lateUnversioned.eventId()));
        assertEquals(TrialStatus.RECRUITING, plan(trialId).status);
        assertEquals(1L, plan(trialId).trialVersion);

        EventEnvelope closed = event(EventType.TRIAL_CLOSED, trialId, TrialStatus.FOLLOW_UP, 500, 2L, OPENED.plusSeconds(120));
        send(closed);
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(closed.eventId()));
        assertEquals(TrialStatus.FOLLOW_UP, plan(trialId).status);
        assertEquals(500, plan(trialId).plannedEvents);
        assertEquals(2L, plan(trialId).trialVersion);
    }

    /** The schema version is the envelope's, checked before the payload is read: a newer one is refused whole. */
    @Test
    void anEnvelopeOfANewerSchemaVersionIsNotAppliedWhateverItsTrialVersion() {
        UUID trialId = UUID.randomUUID();
        send(event(EventType.TRIAL_OPENED, trialId, TrialStatus.RECRUITING, 400, 1L, OPENED));
        EventEnvelope current = event(EventType.TRIAL_PAUSED, trialId, TrialStatus.PAUSED, 400, 5L, OPENED.plusSeconds(60));
        EventEnvelope newerSchema = new EventEnvelope(current.eventId(), current.type(), EventType.CURRENT_VERSION + 1,
                current.occurredAt(), current.trialId(), current.payload());
        send(newerSchema);
        // Records of one trial are consumed in order: once the next one is applied, the refused one was handled.
        EventEnvelope amended = event(EventType.TRIAL_AMENDED, trialId, TrialStatus.RECRUITING, 420, 2L, OPENED.plusSeconds(120));
        send(amended);
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(amended.eventId()));

        assertFalse(Events.processed(newerSchema.eventId()));
        assertEquals(TrialStatus.RECRUITING, plan(trialId).status);
        assertEquals(420, plan(trialId).plannedEvents);
        assertEquals(2L, plan(trialId).trialVersion);
    }

    private EventEnvelope event(EventType type, UUID trialId, TrialStatus status, int plannedEvents, Long trialVersion,
                                Instant occurredAt) {
        return Events.occurredAt(Events.trialEvent(codec, type, trialId, status, design, plannedEvents, trialVersion),
                occurredAt);
    }

    private void send(EventEnvelope event) {
        Events.send(Topics.TRIAL_EVENTS, event.trialId(), codec.encode(event), EventType.valueOf(event.type()));
    }

    private static TrialPlan plan(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> TrialPlan.<TrialPlan>findById(trialId));
    }
}
