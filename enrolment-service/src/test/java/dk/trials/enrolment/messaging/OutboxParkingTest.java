package dk.trials.enrolment.messaging;

import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.platform.outbox.Outbox;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A row the broker refuses (a record over its 1 MB limit) is parked after trials.outbox.max-attempts (3) and holds
 * back the later rows of its trial only: another trial's row, written after it, is delivered once and not again.
 */
@QuarkusTest
class OutboxParkingTest {

    @Inject
    Outbox outbox;
    @Inject
    EntityManager entityManager;
    @Inject
    MeterRegistry registry;

    @Test
    void anOversizedRowIsParkedAndHoldsBackItsOwnTrialOnlyWhileOtherTrialsAreDelivered() throws Exception {
        UUID poisoned = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        EventEnvelope[] written = QuarkusTransaction.requiringNew().call(() -> new EventEnvelope[]{
                outbox.publish(EventType.PARTICIPANT_WITHDRAWN, poisoned, Map.of("padding", "x".repeat(1_100_000))),
                outbox.publish(EventType.PARTICIPANT_WITHDRAWN, poisoned, Map.of("reason", "moved")),
                outbox.publish(EventType.PARTICIPANT_WITHDRAWN, other, Map.of("reason", "moved"))});

        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
            var delivered = await().atMost(Duration.ofSeconds(30)).until(() -> probe.recordsWithKey(other.toString()),
                    r -> !r.isEmpty());
            assertEquals(written[2].eventId().toString(), TopicProbe.header(delivered.get(0), Topics.EVENT_ID_HEADER));

            await().atMost(Duration.ofSeconds(30)).until(() -> row(written[0]).get("parked"), parked -> (Boolean) parked);
            Map<String, Object> parked = row(written[0]);
            assertEquals(3, parked.get("attempts"));
            assertTrue(((String) parked.get("lastError")).startsWith("RecordTooLargeException"), (String) parked.get("lastError"));
            assertEquals(Map.of("attempts", 0, "lastError", "none", "parked", false), row(written[1]),
                    "the trial's later row waits, unsent and untried");
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.get("trials.outbox.parked").gauge().value() == 1);
            assertTrue(registry.get("trials.outbox.oldest.unsent.age").gauge().value() > 0);

            assertEquals(List.of(), probe.recordsWithKey(poisoned.toString()));
            assertEquals(1, probe.recordsWithKey(other.toString()).size(), "an acknowledged row is never sent again");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("delete from outbox_event where message_key = :key")
                    .setParameter("key", poisoned.toString()).executeUpdate());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.get("trials.outbox.parked").gauge().value() == 0);
    }

    private Map<String, Object> row(EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) entityManager.createNativeQuery("""
                            select attempts, coalesce(last_error, 'none'), parked_at is not null
                            from outbox_event where event_id = :id""")
                    .setParameter("id", event.eventId()).getSingleResult();
            return Map.of("attempts", ((Number) r[0]).intValue(), "lastError", r[1], "parked", r[2]);
        });
    }
}
