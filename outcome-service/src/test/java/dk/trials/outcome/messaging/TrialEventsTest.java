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

/** Trials as trial-events tell them: the latest event wins, and an older one (a replay) never overwrites it. */
@QuarkusTest
class TrialEventsTest extends TestInfrastructure {

    @Inject
    EventCodec codec;

    @Test
    void anOlderTrialEventNeverOverwritesANewerOne() {
        TrialDesign design = Events.design(Events.arms("treatment", "control"), 26);
        UUID trialId = UUID.randomUUID();
        Instant opened = Instant.parse("2027-01-04T08:00:00Z");
        send(Events.occurredAt(Events.trialEvent(codec, EventType.TRIAL_OPENED, trialId, TrialStatus.RECRUITING, design, 400), opened));
        send(Events.occurredAt(Events.trialEvent(codec, EventType.TRIAL_PAUSED, trialId, TrialStatus.PAUSED, design, 400),
                opened.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).until(() -> plan(trialId) != null && plan(trialId).status == TrialStatus.PAUSED);

        // A replayed resume that occurred between the two: older than the pause, so the pause stands.
        EventEnvelope replayed = Events.occurredAt(
                Events.trialEvent(codec, EventType.TRIAL_RESUMED, trialId, TrialStatus.RECRUITING, design, 999), opened.plusSeconds(30));
        send(replayed);
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(replayed.eventId()));
        TrialPlan plan = plan(trialId);
        assertEquals(TrialStatus.PAUSED, plan.status);
        assertEquals(400, plan.plannedEvents);
        assertEquals(opened.plusSeconds(60), plan.eventOccurredAt);

        // A later event applies.
        send(Events.occurredAt(Events.trialEvent(codec, EventType.TRIAL_CLOSED, trialId, TrialStatus.FOLLOW_UP, design, 500),
                opened.plusSeconds(90)));
        await().atMost(Duration.ofSeconds(30)).until(() -> plan(trialId).status == TrialStatus.FOLLOW_UP);
        assertEquals(500, plan(trialId).plannedEvents);
    }

    private void send(EventEnvelope event) {
        Events.send(Topics.TRIAL_EVENTS, event.trialId(), codec.encode(event), EventType.valueOf(event.type()));
    }

    private static TrialPlan plan(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> TrialPlan.<TrialPlan>findById(trialId));
    }
}
