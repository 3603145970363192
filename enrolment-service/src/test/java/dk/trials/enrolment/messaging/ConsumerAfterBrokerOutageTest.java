package dk.trials.enrolment.messaging;

import dk.trials.enrolment.Trials;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.events.trial.TrialStatus;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.StandaloneBroker;
import dk.trials.testing.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The trial-events consumer goes on by itself after the broker was away for longer than the Kafka client's API
 * timeout, and learns every trial, the ones it had fetched before the outage and the ones sent after it. The fault
 * suite found a consumer that died instead: the connector looked up the last committed offset of a partition the
 * first time a record of it reached the channel, and when that lookup outlasted {@code default.api.timeout.ms}
 * because the broker was away, the channel failed for good. The test shortens that timeout to 2 s, which is what a
 * longer outage does to the default 60 s.
 */
@QuarkusTest
@TestProfile(ConsumerAfterBrokerOutageTest.ShortApiTimeout.class)
class ConsumerAfterBrokerOutageTest {

    static final StandaloneBroker BROKER = new StandaloneBroker();
    static final String DATABASE = "enrolments_outage";
    static final Duration API_TIMEOUT = Duration.ofSeconds(2);

    public static class ShortApiTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.trial-events.default.api.timeout.ms",
                    String.valueOf(API_TIMEOUT.toMillis()));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnBroker.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    public static class OwnBroker implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            BROKER.start();
            return Map.of(
                    "quarkus.datasource.jdbc.url", TestPostgres.jdbcUrl(DATABASE),
                    "quarkus.datasource.username", TestPostgres.username(),
                    "quarkus.datasource.password", TestPostgres.password(),
                    "quarkus.flyway.username", TestPostgres.ownerUsername(),
                    "quarkus.flyway.password", TestPostgres.ownerPassword(),
                    "kafka.bootstrap.servers", BROKER.bootstrapServers(),
                    "trials.health.kafka-probe-interval", "1s");
        }

        @Override
        public void stop() {
        }
    }

    @Inject
    EventCodec codec;
    @Inject
    EntityManager entityManager;
    @Inject
    MeterRegistry registry;

    private final TrialDesign design = Trials.design(Trials.simple(), Trials.ONE_TO_ONE);
    /** Made for the test (Quarkus instantiates a test class more than once) and closed after it. */
    private KafkaProducer<String, String> producer;

    @BeforeEach
    void openProducer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @Test
    void theConsumerLearnsWhatItHadFetchedAndWhatCameAfterOnceTheBrokerReturns() throws Exception {
        EventEnvelope applying;
        EventEnvelope fetched;
        try (Connection lock = TestPostgres.ownerConnection(DATABASE); Statement statement = lock.createStatement()) {
            // The consumer takes a record of partition 0 and waits on the lock; behind it, it fetches one of
            // partition 1, a partition it has had no record of yet.
            lock.setAutoCommit(false);
            statement.execute("lock table processed_event in exclusive mode");
            applying = send(0, opened());
            await().atMost(Duration.ofSeconds(60)).until(() -> waitingOnTheLock(statement) == 1);
            fetched = send(1, opened());
            // A consumer fetches continuously (a fetch waits at most 500 ms), so the record is in its queue.
            Thread.sleep(3000);
            BROKER.stop();
            lock.commit();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(applying));
        // Away for longer than any lookup the consumer may make of the broker.
        Thread.sleep(API_TIMEOUT.multipliedBy(3).toMillis());
        assertEquals(0.0, registry.get("trials.kafka.broker.up").gauge().value());

        BROKER.start();
        EventEnvelope sentAfter = send(2, opened());
        await().atMost(Duration.ofSeconds(90)).until(() -> processed(fetched) && processed(sentAfter));
        assertEquals(TrialStatus.RECRUITING, Trials.statusOf(fetched.trialId()));
        assertEquals(TrialStatus.RECRUITING, Trials.statusOf(sentAfter.trialId()));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        assertEquals(0.0, registry.get("trials.messaging.channels.failed").gauge().value());
    }

    private EventEnvelope opened() {
        UUID trialId = UUID.randomUUID();
        return codec.envelope(EventType.TRIAL_OPENED, trialId,
                new TrialSnapshot(trialId, TrialStatus.RECRUITING, design, "0".repeat(64), 100, 0, List.of(), 1L));
    }

    private EventEnvelope send(int partition, EventEnvelope event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TRIAL_EVENTS, partition,
                event.trialId().toString(), codec.encode(event));
        record.headers().add(Topics.EVENT_TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
        return event;
    }

    private boolean processed(EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                .setParameter(1, event.eventId()).getSingleResult()).longValue() == 1);
    }

    private static long waitingOnTheLock(Statement statement) throws Exception {
        try (var rows = statement.executeQuery(
                "select count(*) from pg_locks where relation = 'processed_event'::regclass and not granted")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
