package dk.trials.platform.outbox;

import dk.trials.events.Topics;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A row committed after the relay's last round (here: its poll an hour away, and the row written without the
 * wake-up) is sent when the service stops, not left for the next start.
 */
@QuarkusTest
@TestProfile(ShutdownFlushTest.RelayAsleep.class)
class ShutdownFlushTest {

    public static class RelayAsleep implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trials.outbox.poll-interval", "1h", "trials.outbox.retry-delay", "1h");
        }
    }

    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager entityManager;

    @Test
    void stoppingTheRelaySendsWhatIsCommittedBeforeItStops() throws Exception {
        UUID trial = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                            insert into outbox_event (event_id, topic, message_key, type, envelope)
                            values (:eventId, :topic, :key, 'ParticipantWithdrawn', '{}')""")
                    .setParameter("eventId", eventId)
                    .setParameter("topic", Topics.ENROLMENT_EVENTS)
                    .setParameter("key", trial.toString())
                    .executeUpdate());
            assertEquals(1, pending(), "the sleeping relay has not sent it");

            relay.stop(null);

            assertEquals(0, pending(), "sent and deleted before stop returned");
            var delivered = await().atMost(Duration.ofSeconds(10))
                    .until(() -> probe.recordsWithKey(trial.toString()), r -> !r.isEmpty());
            assertEquals(eventId.toString(), TopicProbe.header(delivered.get(0), Topics.EVENT_ID_HEADER));
        }
    }

    private long pending() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue());
    }
}
