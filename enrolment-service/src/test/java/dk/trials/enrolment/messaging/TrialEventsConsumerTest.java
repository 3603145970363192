package dk.trials.enrolment.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.events.trial.TrialStatus;
import dk.trials.enrolment.Trials;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Trials are learned from trial-events only; repeats, stale events, unknown types and garbage change nothing. */
@QuarkusTest
class TrialEventsConsumerTest {

    @Inject
    EventCodec codec;
    @Inject
    ObjectMapper json;

    private String event(EventType type, UUID trialId, TrialStatus status, TrialDesign design, Instant occurredAt) {
        return codec.encode(new EventEnvelope(UUID.randomUUID(), type.name(), EventType.CURRENT_VERSION, occurredAt, trialId,
                json.valueToTree(new TrialSnapshot(trialId, status, design, "0".repeat(64), 100))));
    }

    @Test
    void repeatedStaleUnknownAndMalformedEventsLeaveTheTrialAsTheLatestEventSaysAndConsumptionGoesOn() {
        TrialDesign design = Trials.design(Trials.simple(), Trials.ONE_TO_ONE);
        UUID trialId = Trials.open(codec, design);
        Instant now = Instant.now();
        String paused = event(EventType.TRIAL_PAUSED, trialId, TrialStatus.PAUSED, design, now);
        Trials.send(trialId.toString(), paused, EventType.TRIAL_PAUSED);

        // An older event that arrives late, the same pause delivered again, an event type from a newer producer and
        // a record that is not an event at all: none of them may change what is known.
        Trials.send(trialId.toString(), event(EventType.TRIAL_RESUMED, trialId, TrialStatus.RECRUITING, design, now.minusSeconds(60)),
                EventType.TRIAL_RESUMED);
        Trials.send(trialId.toString(), paused, EventType.TRIAL_PAUSED);
        Trials.send(trialId.toString(), paused.replace("\"TRIAL_PAUSED\"", "\"TRIAL_RENAMED\"")
                .replace("\"PAUSED\"", "\"RECRUITING\""), EventType.TRIAL_PAUSED);
        Trials.send(trialId.toString(), "{not json", EventType.TRIAL_PAUSED);

        // A marker behind them in the same partition (same key): once it is known, all of the above were consumed.
        UUID marker = UUID.randomUUID();
        Trials.send(trialId.toString(), event(EventType.TRIAL_OPENED, marker, TrialStatus.RECRUITING, design, Instant.now()),
                EventType.TRIAL_OPENED);
        await().atMost(Duration.ofSeconds(30)).until(() -> Trials.statusOf(marker) == TrialStatus.RECRUITING);
        assertEquals(TrialStatus.PAUSED, Trials.statusOf(trialId));
    }
}
