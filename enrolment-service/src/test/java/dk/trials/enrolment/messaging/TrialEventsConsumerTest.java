package dk.trials.enrolment.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.trial.EnrolmentPeriod;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.events.trial.TrialStatus;
import dk.trials.enrolment.Trials;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
    @Inject
    EntityManager entityManager;

    private String event(EventType type, UUID trialId, TrialStatus status, TrialDesign design, Instant occurredAt) {
        return codec.encode(new EventEnvelope(UUID.randomUUID(), type.name(), EventType.CURRENT_VERSION, occurredAt, trialId,
                json.valueToTree(new TrialSnapshot(trialId, status, design, "0".repeat(64), 100, 0, List.of()))));
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

    private String storedDesign(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select cast(design as text) from known_trial where id = :id")
                .setParameter("id", trialId).getSingleResult());
    }

    @Test
    void anAmendedDesignIsStoredInTheSameShapeAsTheOneFirstLearned() throws Exception {
        TrialDesign design = Trials.design(Trials.minimisation(StratificationFactor.JOBCENTRE), Trials.ONE_TO_ONE);
        UUID trialId = Trials.open(codec, design);
        JsonNode learned = json.readTree(storedDesign(trialId));
        LocalDate newEnd = design.enrolmentPeriod().end().plusDays(10);
        TrialDesign amended = new TrialDesign(design.title(), design.type(), design.targetGroup(), design.arms(),
                design.randomisation(), design.eligibility(), design.jobcentres(), design.primaryOutcome(),
                design.plannedParticipants(), new EnrolmentPeriod(design.enrolmentPeriod().start(), newEnd), design.power(),
                design.monitoringPlan());

        // The first event inserts the row; a later one updates it through the entity.
        Trials.send(trialId.toString(), codec.encode(codec.envelope(EventType.TRIAL_AMENDED, trialId,
                new TrialSnapshot(trialId, TrialStatus.RECRUITING, amended, "1".repeat(64), 120, 1, List.of()))), EventType.TRIAL_AMENDED);
        JsonNode stored = await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(storedDesign(trialId)),
                d -> d.at("/enrolmentPeriod/end").asText().equals(newEnd.toString()));

        ObjectNode expected = learned.deepCopy();
        ((ObjectNode) expected.get("enrolmentPeriod")).put("end", newEnd.toString());
        assertEquals(expected, stored);
        assertEquals(design.enrolmentPeriod().start().toString(), learned.at("/enrolmentPeriod/start").asText());
        assertEquals(0.8, learned.at("/randomisation/minimisationProbability").asDouble());
    }
}
