package dk.trials.outcome.messaging;

import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.outcome.OutcomeReported;
import dk.trials.events.outcome.OutcomeType;
import dk.trials.events.trial.TrialStatus;
import dk.trials.outcome.Events;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every consumer of the service goes on by itself after the broker was away for longer than the Kafka client's API
 * timeout, and applies every record, the ones it had fetched before the outage and the ones sent after it. The fault
 * suite found a consumer that died instead: the connector looked up the last committed offset of a partition the
 * first time a record of it reached the channel, and when that lookup outlasted {@code default.api.timeout.ms}
 * because the broker was away, the channel failed for good. The test shortens that timeout to 2 s, which is what a
 * longer outage does to the default 60 s.
 */
@QuarkusTest
@TestProfile(ConsumersAfterBrokerOutageTest.ShortApiTimeout.class)
class ConsumersAfterBrokerOutageTest {

    static final StandaloneBroker BROKER = new StandaloneBroker();
    static final String DATABASE = "outcomes_outage";
    static final Duration API_TIMEOUT = Duration.ofSeconds(2);
    static final List<String> CHANNELS = List.of(Topics.TRIAL_EVENTS, Topics.ENROLMENT_EVENTS, Topics.OUTCOME_EVENTS);
    static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);

    public static class ShortApiTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new java.util.HashMap<>();
            CHANNELS.forEach(channel -> overrides.put("mp.messaging.incoming." + channel + ".default.api.timeout.ms",
                    String.valueOf(API_TIMEOUT.toMillis())));
            return overrides;
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

    /** Numbers this test's events: their sources, and the trial's versions after the opening one (1). */
    private final AtomicLong sequence = new AtomicLong(1);
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
    void everyConsumerAppliesWhatItHadFetchedAndWhatCameAfterOnceTheBrokerReturns() throws Exception {
        UUID trialId = UUID.randomUUID();
        EventEnvelope opened = Events.trialEvent(codec, EventType.TRIAL_OPENED, trialId, TrialStatus.RECRUITING,
                Events.design(Events.arms("treatment", "control"), 26), null, 1L);
        send(Topics.TRIAL_EVENTS, 0, opened);
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(opened));

        List<EventEnvelope> applying = new ArrayList<>();
        List<EventEnvelope> fetched = new ArrayList<>();
        try (Connection lock = TestPostgres.ownerConnection(DATABASE); Statement statement = lock.createStatement()) {
            // Each consumer takes a record of partition 0 and waits on the lock; behind it, it fetches one of
            // partition 1, a partition none of them has had a record of yet.
            lock.setAutoCommit(false);
            statement.execute("lock table processed_event in exclusive mode");
            for (String topic : CHANNELS) {
                applying.add(send(topic, 0, event(topic, trialId, "applying")));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnTheLock(statement) == CHANNELS.size());
            for (String topic : CHANNELS) {
                fetched.add(send(topic, 1, event(topic, trialId, "fetched")));
            }
            // A consumer fetches continuously (a fetch waits at most 500 ms), so the records are in its queue.
            Thread.sleep(3000);
            BROKER.stop();
            lock.commit();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> applying.stream().allMatch(this::processed));
        // Away for longer than any lookup the consumers may make of the broker.
        Thread.sleep(API_TIMEOUT.multipliedBy(3).toMillis());
        assertEquals(0.0, registry.get("trials.kafka.broker.up").gauge().value());

        BROKER.start();
        List<EventEnvelope> sentAfter = new ArrayList<>();
        for (String topic : CHANNELS) {
            sentAfter.add(send(topic, 2, event(topic, trialId, "after")));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> fetched.stream().allMatch(this::processed)
                && sentAfter.stream().allMatch(this::processed));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        assertEquals(0.0, registry.get("trials.messaging.channels.failed").gauge().value());
    }

    /** An event each channel's consumer applies (and records as delivered) in the one open trial. */
    private EventEnvelope event(String topic, UUID trialId, String label) {
        long number = sequence.incrementAndGet();
        String source = label + "-" + number;
        return switch (topic) {
            case Topics.TRIAL_EVENTS -> Events.trialEvent(codec, EventType.TRIAL_AMENDED, trialId,
                    TrialStatus.RECRUITING, Events.design(Events.arms("treatment", "control"), 26), null, number);
            case Topics.ENROLMENT_EVENTS -> codec.envelope(EventType.PARTICIPANT_ENROLLED, trialId, Events.enrolled(
                    trialId, UUID.randomUUID(), source, "treatment", "101", TODAY.minusDays(30)));
            case Topics.OUTCOME_EVENTS -> codec.envelope(EventType.OUTCOME_REPORTED, trialId, new OutcomeReported(
                    trialId, null, source, OutcomeType.JOB_EXIT, TODAY.minusDays(5), "DREAM", source));
            default -> throw new IllegalArgumentException(topic);
        };
    }

    private EventEnvelope send(String topic, int partition, EventEnvelope event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, event.trialId().toString(),
                codec.encode(event));
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
