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
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A record that cannot be applied goes after one try to trial-events.enrolment-service.dlq, with SmallRye's
 * reason, original topic, partition and offset in headers; it is counted, listed by the admin endpoint (metadata
 * only) and can be replayed, each replay audited.
 */
@QuarkusTest
class DeadLetterTest {

    private static final String DEAD_LETTERS = "trial-events.enrolment-service.dlq";
    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new StringSerializer());

    @Inject
    EventCodec codec;
    @Inject
    MeterRegistry registry;
    @Inject
    EntityManager entityManager;

    @AfterAll
    static void closeProducer() {
        PRODUCER.close();
    }

    @Test
    void aMalformedRecordIsDeadLetteredOnceCountedListedAndStillRejectedOnReplay() throws Exception {
        double before = deadLetters();
        String key = UUID.randomUUID().toString();
        RecordMetadata sent = send(Topics.TRIAL_EVENTS, key, "{not an envelope", Map.of(Topics.EVENT_TYPE_HEADER, "TRIAL_PAUSED"));

        ConsumerRecord<String, String> letter;
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), DEAD_LETTERS)) {
            letter = await().atMost(Duration.ofSeconds(30)).until(() -> probe.recordsWithKey(key), r -> !r.isEmpty()).get(0);
            assertEquals(1, probe.recordsWithKey(key).size());
        }
        assertEquals("{not an envelope", letter.value());
        assertEquals(Topics.TRIAL_EVENTS, TopicProbe.header(letter, "dead-letter-topic"));
        assertEquals(String.valueOf(sent.partition()), TopicProbe.header(letter, "dead-letter-partition"));
        assertEquals(String.valueOf(sent.offset()), TopicProbe.header(letter, "dead-letter-offset"));
        assertEquals("TRIAL_PAUSED", TopicProbe.header(letter, Topics.EVENT_TYPE_HEADER));
        await().atMost(Duration.ofSeconds(5)).until(() -> deadLetters() == before + 1);

        String entry = "deadLetters.find { it.partition == %d && it.offset == %d }".formatted(sent.partition(), sent.offset());
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/dead-letters").then().statusCode(200)
                .body(entry + ".topic", equalTo(Topics.TRIAL_EVENTS))
                .body(entry + ".eventType", equalTo("TRIAL_PAUSED"))
                .body(entry + ".eventId", nullValue())
                .body(entry + ".failure", equalTo("dk.trials.events.MalformedEventException"))
                .body(entry + ".reason", equalTo(TopicProbe.header(letter, "dead-letter-reason")))
                .body(entry + ".payload", nullValue());

        given().auth().oauth2(TestTokens.admin())
                .post("/api/v1/admin/dead-letters/{topic}/{partition}/{offset}/replay", Topics.TRIAL_EVENTS, sent.partition(), sent.offset())
                .then().statusCode(200)
                .body("result", equalTo("REJECTED"))
                .body("reason", equalTo(TopicProbe.header(letter, "dead-letter-reason")))
                .body("deadLetter.offset", equalTo((int) sent.offset()));
        assertEquals(List.of("REJECTED"), auditedResults(sent));
        assertEquals(before + 1, deadLetters(), "a replay is not a second dead letter");
    }

    @Test
    void aDeadLetterReplayedAfterAFixIsAppliedOnceAndEachReplayIsAudited() throws Exception {
        // As an earlier version of this service would have left it: a sound trial event on the dead-letter topic.
        TrialDesign design = Trials.design(Trials.simple(), Trials.ONE_TO_ONE);
        UUID trialId = UUID.randomUUID();
        EventEnvelope opened = codec.envelope(EventType.TRIAL_OPENED, trialId,
                new TrialSnapshot(trialId, TrialStatus.RECRUITING, design, "0".repeat(64), 120, 0, List.of(), 1L));
        long originalOffset = 1_000_000L + Math.abs(trialId.getLeastSignificantBits() % 1_000_000L);
        send(DEAD_LETTERS, trialId.toString(), codec.encode(opened), Map.of(
                Topics.EVENT_ID_HEADER, opened.eventId().toString(), Topics.EVENT_TYPE_HEADER, opened.type(),
                "dead-letter-topic", Topics.TRIAL_EVENTS, "dead-letter-partition", "1",
                "dead-letter-offset", String.valueOf(originalOffset), "dead-letter-reason", "Unknown version 2",
                "dead-letter-exception-class-name", "dk.trials.events.MalformedEventException"));

        given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/dead-letters").then().statusCode(200)
                .body("deadLetters.eventId", hasItem(opened.eventId().toString()));
        String replay = "/api/v1/admin/dead-letters/trial-events/1/" + originalOffset + "/replay";
        given().auth().oauth2(TestTokens.admin()).post(replay).then().statusCode(200)
                .body("result", equalTo("APPLIED"))
                .body("reason", nullValue())
                .body("deadLetter.eventId", equalTo(opened.eventId().toString()))
                .body("replayedBy", equalTo("test-admin"));
        assertEquals(TrialStatus.RECRUITING, Trials.statusOf(trialId));

        given().auth().oauth2(TestTokens.admin()).post(replay).then().statusCode(200).body("result", equalTo("NO_EFFECT"));
        assertEquals(List.of("APPLIED", "NO_EFFECT"), auditedResults(Topics.TRIAL_EVENTS, 1, originalOffset));
    }

    @Test
    void onlyAnAdminSeesDeadLettersAndABadCoordinateChangesNothing() {
        given().get("/api/v1/admin/dead-letters").then().statusCode(401);
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/admin/dead-letters").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/dead-letters/trial-events/one/5/replay")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("partition"));
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/dead-letters/trial-events/0/-1/replay")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("offset"));
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/dead-letters/enrolment-events/0/1/replay")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/dead-letters/trial-events/0/999999999/replay")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static RecordMetadata send(String topic, String key, String value, Map<String, String> headers) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return PRODUCER.send(record).get();
    }

    private double deadLetters() {
        var counter = registry.find("trials.dead.letters").tags("topic", Topics.TRIAL_EVENTS, "group", "enrolment-service").counter();
        return counter == null ? 0 : counter.count();
    }

    private List<String> auditedResults(RecordMetadata sent) {
        return auditedResults(sent.topic(), sent.partition(), sent.offset());
    }

    @SuppressWarnings("unchecked")
    private List<String> auditedResults(String topic, int partition, long offset) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select result from dead_letter_replay
                        where topic = :topic and record_partition = :partition and record_offset = :offset
                          and replayed_by is not null and replayed_at is not null order by id""")
                .setParameter("topic", topic).setParameter("partition", partition).setParameter("offset", offset)
                .getResultList());
    }
}
