package dk.trials.enrolment.messaging;

import dk.trials.enrolment.Trials;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.events.trial.TrialStatus;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestPostgres;
import dk.trials.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transient database fault is retried on the same record, never dead-lettered, and the records behind it wait:
 * the consumer's connection is killed by the server (SQLSTATE 57P01, as when PostgreSQL restarts) twice while it
 * waits for a lock, and once the lock is released both trial events are applied, in order.
 */
@QuarkusTest
class TransientDatabaseFaultTest {

    @Inject
    EventCodec codec;
    @Inject
    MeterRegistry registry;
    @Inject
    EntityManager entityManager;

    @Test
    void aConsumerWhoseConnectionIsKilledRetriesTheSameRecordAndAppliesItAndTheNextInOrder() throws Exception {
        TrialDesign design = Trials.design(Trials.simple(), Trials.ONE_TO_ONE);
        UUID trialId = Trials.open(codec, design);
        double deadLettersBefore = count("trials.dead.letters");
        double retriesBefore = count("trials.consumer.retries");
        Instant now = Instant.now();
        // The trial's events 2 and 3, after the open that Trials numbered 1.
        EventEnvelope paused = event(EventType.TRIAL_PAUSED, trialId, TrialStatus.PAUSED, design, 2L, now);
        EventEnvelope resumed = event(EventType.TRIAL_RESUMED, trialId, TrialStatus.RECRUITING, design, 3L, now.plusSeconds(1));

        try (Connection lock = DriverManager.getConnection(TestPostgres.jdbcUrl("enrolments"), TestPostgres.username(),
                TestPostgres.password())) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("lock table known_trial in access exclusive mode");
            }
            Trials.send(trialId.toString(), codec.encode(paused), EventType.TRIAL_PAUSED);
            Trials.send(trialId.toString(), codec.encode(resumed), EventType.TRIAL_RESUMED);

            for (int fault = 0; fault < 2; fault++) {
                long waiting = await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.backendWaitingOnLock(lock), pid -> pid > 0);
                try (Statement s = lock.createStatement()) {
                    s.execute("select pg_terminate_backend(" + waiting + ")");
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.backendWaitingOnLock(lock) != waiting);
            }
            lock.rollback();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(paused.eventId()) && processed(resumed.eventId()));
        assertEquals(TrialStatus.RECRUITING, Trials.statusOf(trialId));
        // Each kill failed one attempt; a pooled connection broken by it may fail one more before the pool drops it.
        assertTrue(count("trials.consumer.retries") - retriesBefore >= 2, "both faults were retried");
        assertEquals(deadLettersBefore, count("trials.dead.letters"));
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), "trial-events.enrolment-service.dlq")) {
            assertEquals(List.of(), probe.recordsWithKey(trialId.toString()));
        }
    }

    private EventEnvelope event(EventType type, UUID trialId, TrialStatus status, TrialDesign design, long trialVersion,
                                Instant occurredAt) {
        EventEnvelope envelope = codec.envelope(type, trialId,
                new TrialSnapshot(trialId, status, design, "0".repeat(64), 120, 0, List.of(), trialVersion));
        return new EventEnvelope(envelope.eventId(), envelope.type(), envelope.version(), occurredAt, trialId, envelope.payload());
    }

    private boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from processed_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue() == 1);
    }

    private double count(String counter) {
        var found = registry.find(counter).tags("topic", Topics.TRIAL_EVENTS, "group", "enrolment-service").counter();
        return found == null ? 0 : found.count();
    }
}
