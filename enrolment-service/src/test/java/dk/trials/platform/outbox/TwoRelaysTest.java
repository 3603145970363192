package dk.trials.platform.outbox;

import dk.trials.events.Topics;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas' relays (here two more relays beside the service's own, all on one database) race for the same backlog:
 * every row reaches the broker once, and each trial's rows in the order they were committed. With small batches and
 * no relay lock, one relay would send a trial's later rows while another still held its earlier ones.
 */
@QuarkusTest
class TwoRelaysTest {

    private static final int TRIALS = 4;
    private static final int ROWS_PER_TRIAL = 40;

    @Inject
    EntityManager entityManager;
    @Inject
    OutboxSender sender;
    @Inject
    Clock clock;

    @Test
    void twoRelaysOnOneDatabaseDeliverEveryRowOnceInCommitOrderPerTrial() throws Exception {
        List<UUID> trials = new ArrayList<>();
        for (int t = 0; t < TRIALS; t++) {
            trials.add(UUID.randomUUID());
        }
        // Written behind the relays' backs (no wake-up), interleaved across trials, so the backlog is there before
        // either relay starts and both compete for it.
        List<UUID> committed = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < ROWS_PER_TRIAL; i++) {
                for (UUID trial : trials) {
                    UUID eventId = UUID.randomUUID();
                    entityManager.createNativeQuery("""
                                    insert into outbox_event (event_id, topic, message_key, type, envelope)
                                    values (:eventId, :topic, :key, 'ParticipantWithdrawn', :envelope)""")
                            .setParameter("eventId", eventId)
                            .setParameter("topic", Topics.ENROLMENT_EVENTS)
                            .setParameter("key", trial.toString())
                            .setParameter("envelope", "{\"seq\":" + i + "}")
                            .executeUpdate();
                    ids.add(eventId);
                }
            }
            return ids;
        });

        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
            List<Future<Void>> running = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                OutboxRelay relay = replica();
                running.add(replicas.submit((Callable<Void>) () -> {
                    while (backlog(trials) > 0) {
                        relay.relayPending();
                    }
                    return null;
                }));
            }
            for (Future<Void> replica : running) {
                replica.get();
            }

            for (UUID trial : trials) {
                List<String> expected = committed.stream()
                        .filter(id -> committed.indexOf(id) % TRIALS == trials.indexOf(trial))
                        .map(UUID::toString).toList();
                List<String> delivered = await().atMost(Duration.ofSeconds(30))
                        .until(() -> eventIds(probe.recordsWithKey(trial.toString())), ids -> ids.size() >= expected.size());
                assertEquals(expected, delivered, "trial " + trial + ": each row once, in commit order");
            }
            Map<String, Long> perEvent = probe.records().stream()
                    .filter(r -> trials.stream().anyMatch(t -> t.toString().equals(r.key())))
                    .collect(Collectors.groupingBy(r -> TopicProbe.header(r, Topics.EVENT_ID_HEADER), Collectors.counting()));
            assertEquals(TRIALS * ROWS_PER_TRIAL, perEvent.size());
            assertEquals(Map.of(), perEvent.entrySet().stream().filter(e -> e.getValue() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "no row sent twice");
        } finally {
            replicas.shutdownNow();
        }
    }

    /** A relay as another replica runs it: same database and broker, its own small batches. */
    private OutboxRelay replica() {
        return new OutboxRelay(entityManager, sender, new SimpleMeterRegistry(), clock, 3, 3,
                Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ZERO);
    }

    private long backlog(List<UUID> trials) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event where message_key in (:keys)")
                .setParameter("keys", trials.stream().map(UUID::toString).toList())
                .getSingleResult()).longValue());
    }

    private static List<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TopicProbe.header(r, Topics.EVENT_ID_HEADER)).toList();
    }
}
