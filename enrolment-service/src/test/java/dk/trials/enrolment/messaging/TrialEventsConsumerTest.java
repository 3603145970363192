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

    private String event(EventType type, UUID trialId, TrialStatus status, TrialDesign design, Long trialVersion,
                         Instant occurredAt) {
        return codec.encode(new EventEnvelope(UUID.randomUUID(), type.name(), EventType.CURRENT_VERSION, occurredAt, trialId,
                json.valueToTree(new TrialSnapshot(trialId, status, design, "0".repeat(64), 100, 0, List.of(), trialVersion))));
    }

    @Test
    void repeatedStaleUnknownAndMalformedEventsLeaveTheTrialAsTheLatestEventSaysAndConsumptionGoesOn() {
        TrialDesign design = Trials.design(Trials.simple(), Trials.ONE_TO_ONE);
        UUID trialId = Trials.open(codec, design);
        Instant now = Instant.now();
        // The trial's event 2, after the open that Trials numbered 1.
        String paused = event(EventType.TRIAL_PAUSED, trialId, TrialStatus.PAUSED, design, 2L, now);
        Trials.send(trialId.toString(), paused, EventType.TRIAL_PAUSED);

        // An older event that arrives late (version 1, though a replica whose clock runs ahead stamped it a minute
        // later), the same pause delivered again, an event type from a newer producer and a record that is not an event
        // at all: none of them may change what is known.
        Trials.send(trialId.toString(), event(EventType.TRIAL_RESUMED, trialId, TrialStatus.RECRUITING, design, 1L, now.plusSeconds(60)),
                EventType.TRIAL_RESUMED);
        Trials.send(trialId.toString(), paused, EventType.TRIAL_PAUSED);
        Trials.send(trialId.toString(), paused.replace("\"TRIAL_PAUSED\"", "\"TRIAL_RENAMED\"")
                .replace("\"PAUSED\"", "\"RECRUITING\""), EventType.TRIAL_PAUSED);
        Trials.send(trialId.toString(), "{not json", EventType.TRIAL_PAUSED);

        // A marker behind them in the same partition (same key): once it is known, all of the above were consumed.
        UUID marker = UUID.randomUUID();
        Trials.send(trialId.toString(), event(EventType.TRIAL_OPENED, marker, TrialStatus.RECRUITING, design, 1L, Instant.now()),
                EventType.TRIAL_OPENED);
        await().atMost(Duration.ofSeconds(30)).until(() -> Trials.statusOf(marker) == TrialStatus.RECRUITING);
        assertEquals(TrialStatus.PAUSED, Trials.statusOf(trialId));
    }

    /**
     * A trial learned before the upgrade: its unversioned events keep the occurredAt rule, its first versioned event
     * replaces their state even when stamped earlier, and an unversioned event delivered after that is stale.
     */
    @Test
    void anUnversionedThenVersionedSequenceIsAppliedInOrder() {
        TrialDesign design = Trials.design(Trials.simple(), Trials.ONE_TO_ONE);
        UUID trialId = UUID.randomUUID();
        Instant opened = Instant.now();
        Trials.send(trialId.toString(), event(EventType.TRIAL_OPENED, trialId, TrialStatus.RECRUITING, design, null, opened),
                EventType.TRIAL_OPENED);
        Trials.send(trialId.toString(), event(EventType.TRIAL_PAUSED, trialId, TrialStatus.PAUSED, design, null,
                opened.plusSeconds(60)), EventType.TRIAL_PAUSED);
        await().atMost(Duration.ofSeconds(30)).until(() -> Trials.statusOf(trialId) == TrialStatus.PAUSED);

        Trials.send(trialId.toString(), event(EventType.TRIAL_RESUMED, trialId, TrialStatus.RECRUITING, design, 1L,
                opened.minusSeconds(300)), EventType.TRIAL_RESUMED);
        await().atMost(Duration.ofSeconds(30)).until(() -> Trials.statusOf(trialId) == TrialStatus.RECRUITING);
        assertEquals(1L, storedTrialVersion(trialId));

        // Unversioned after a versioned one, though stamped later: stale. A marker behind it in the same partition.
        Trials.send(trialId.toString(), event(EventType.TRIAL_PAUSED, trialId, TrialStatus.PAUSED, design, null,
                opened.plusSeconds(900)), EventType.TRIAL_PAUSED);
        UUID marker = UUID.randomUUID();
        Trials.send(trialId.toString(), event(EventType.TRIAL_OPENED, marker, TrialStatus.RECRUITING, design, 1L, Instant.now()),
                EventType.TRIAL_OPENED);
        await().atMost(Duration.ofSeconds(30)).until(() -> Trials.statusOf(marker) == TrialStatus.RECRUITING);
        assertEquals(TrialStatus.RECRUITING, Trials.statusOf(trialId));

        Trials.send(trialId.toString(), event(EventType.TRIAL_CLOSED, trialId, TrialStatus.FOLLOW_UP, design, 2L,
                opened.plusSeconds(120)), EventType.TRIAL_CLOSED);
        await().atMost(Duration.ofSeconds(30)).until(() -> Trials.statusOf(trialId) == TrialStatus.FOLLOW_UP);
        assertEquals(2L, storedTrialVersion(trialId));
    }

    private long storedTrialVersion(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select trial_version from known_trial where id = :id")
                .setParameter("id", trialId).getSingleResult()).longValue());
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
                new TrialSnapshot(trialId, TrialStatus.RECRUITING, amended, "1".repeat(64), 120, 1, List.of(), 2L))),
                EventType.TRIAL_AMENDED);
        JsonNode stored = await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(storedDesign(trialId)),
                d -> d.at("/enrolmentPeriod/end").asText().equals(newEnd.toString()));

        ObjectNode expected = learned.deepCopy();
        ((ObjectNode) expected.get("enrolmentPeriod")).put("end", newEnd.toString());
        assertEquals(expected, stored);
        assertEquals(design.enrolmentPeriod().start().toString(), learned.at("/enrolmentPeriod/start").asText());
        assertEquals(0.8, learned.at("/randomisation/minimisationProbability").asDouble());
    }
}
