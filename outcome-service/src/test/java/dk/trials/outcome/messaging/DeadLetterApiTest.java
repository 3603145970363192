package dk.trials.outcome.messaging;

import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
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
import java.time.LocalDate;
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
 * outcome-service's dead letters, from all three topics it consumes, are listed to an admin (metadata only) and can be
 * replayed through the consumer of the topic they came from, each replay audited in {@code dead_letter_replay}.
 */
@QuarkusTest
class DeadLetterApiTest extends TestInfrastructure {

    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";
    private static final String REPLAY = DEAD_LETTERS + "/{topic}/{partition}/{offset}/replay";
    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new StringSerializer());

    @Inject
    EventCodec codec;
    @Inject
    EntityManager entityManager;

    @AfterAll
    static void closeProducer() {
        PRODUCER.close();
    }

    @Test
    void malformedRecordsOnEachConsumedTopicAreListedByTheirOwnTopicAndAReplayOfOneIsRejectedAndAudited() throws Exception {
        String key = UUID.randomUUID().toString();
        RecordMetadata enrolment = send(Topics.ENROLMENT_EVENTS, key, "{not an envelope",
                Map.of(Topics.EVENT_TYPE_HEADER, "PARTICIPANT_ENROLLED"));
        RecordMetadata outcome = send(Topics.OUTCOME_EVENTS, key, "{not an envelope either",
                Map.of(Topics.EVENT_TYPE_HEADER, "OUTCOME_REPORTED"));
        ConsumerRecord<String, String> letter = deadLetterWithKey("enrolment-events.outcome-service.dlq", key);
        deadLetterWithKey("outcome-events.outcome-service.dlq", key);

        String enrolmentEntry = entry(Topics.ENROLMENT_EVENTS, enrolment);
        String outcomeEntry = entry(Topics.OUTCOME_EVENTS, outcome);
        given().auth().oauth2(TestTokens.admin()).get(DEAD_LETTERS).then().statusCode(200)
                .body(enrolmentEntry + ".eventType", equalTo("PARTICIPANT_ENROLLED"))
                .body(enrolmentEntry + ".eventId", nullValue())
                .body(enrolmentEntry + ".failure", equalTo("dk.trials.events.MalformedEventException"))
                .body(enrolmentEntry + ".reason", equalTo(TopicProbe.header(letter, "dead-letter-reason")))
                .body(enrolmentEntry + ".payload", nullValue())
                .body(outcomeEntry + ".eventType", equalTo("OUTCOME_REPORTED"));

        given().auth().oauth2(TestTokens.admin())
                .post(REPLAY, Topics.ENROLMENT_EVENTS, enrolment.partition(), enrolment.offset())
                .then().statusCode(200)
                .body("result", equalTo("REJECTED"))
                .body("reason", equalTo(TopicProbe.header(letter, "dead-letter-reason")))
                .body("deadLetter.topic", equalTo(Topics.ENROLMENT_EVENTS))
                .body("deadLetter.offset", equalTo((int) enrolment.offset()))
                .body("replayedBy", equalTo("test-admin"));
        assertEquals(List.of("REJECTED"), auditedResults(Topics.ENROLMENT_EVENTS, enrolment.partition(), enrolment.offset()));
    }

    @Test
    void anEnrolmentDeadLetteredBeforeAFixIsCountedOnceWhenReplayedAndEachReplayIsAudited() throws Exception {
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), null);
        UUID enrolmentId = UUID.randomUUID();
        ParticipantEnrolled enrolled = Events.numbered(Events.enrolled(trialId, enrolmentId, "p-" + enrolmentId,
                "treatment", "101", LocalDate.of(2027, 2, 1)), 1);
        EventEnvelope envelope = codec.envelope(EventType.PARTICIPANT_ENROLLED, trialId, enrolled);
        // As an earlier version of this service would have left it: a sound enrolment event on the dead-letter topic.
        long originalOffset = 1_000_000L + Math.abs(trialId.getLeastSignificantBits() % 1_000_000L);
        send("enrolment-events.outcome-service.dlq", trialId.toString(), codec.encode(envelope), Map.of(
                Topics.EVENT_ID_HEADER, envelope.eventId().toString(), Topics.EVENT_TYPE_HEADER, envelope.type(),
                "dead-letter-topic", Topics.ENROLMENT_EVENTS, "dead-letter-partition", "2",
                "dead-letter-offset", String.valueOf(originalOffset), "dead-letter-reason", "Unknown version 2",
                "dead-letter-exception-class-name", "dk.trials.events.MalformedEventException"));

        given().auth().oauth2(TestTokens.admin()).get(DEAD_LETTERS).then().statusCode(200)
                .body("deadLetters.eventId", hasItem(envelope.eventId().toString()));
        given().auth().oauth2(TestTokens.admin()).post(REPLAY, Topics.ENROLMENT_EVENTS, 2, originalOffset)
                .then().statusCode(200)
                .body("result", equalTo("APPLIED"))
                .body("reason", nullValue())
                .body("deadLetter.eventId", equalTo(envelope.eventId().toString()))
                .body("deadLetter.eventType", equalTo("PARTICIPANT_ENROLLED"));
        assertEquals(1, Events.participants(trialId));

        given().auth().oauth2(TestTokens.admin()).post(REPLAY, Topics.ENROLMENT_EVENTS, 2, originalOffset)
                .then().statusCode(200).body("result", equalTo("NO_EFFECT"));
        assertEquals(1, Events.participants(trialId));
        assertEquals(List.of("APPLIED", "NO_EFFECT"), auditedResults(Topics.ENROLMENT_EVENTS, 2, originalOffset));
    }

    @Test
    void onlyAnAdminSeesOrReplaysDeadLettersAndABadCoordinateIsAProblemThatAuditsNothing() {
        long audited = auditRows();
        given().get(DEAD_LETTERS).then().statusCode(401);
        given().auth().oauth2(TestTokens.analyst()).get(DEAD_LETTERS).then().statusCode(403);
        given().auth().oauth2(TestTokens.jobcentre("101")).get(DEAD_LETTERS).then().statusCode(403);
        given().auth().oauth2(TestTokens.jobcentre("101")).post(REPLAY, Topics.TRIAL_EVENTS, 0, 0).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).post(REPLAY, Topics.TRIAL_EVENTS, "one", 5)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("partition"));
        given().auth().oauth2(TestTokens.admin()).post(REPLAY, Topics.OUTCOME_EVENTS, 0, -1)
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("offset"));
        given().auth().oauth2(TestTokens.admin()).post(REPLAY, Topics.MONITORING_EVENTS, 0, 1)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).post(REPLAY, Topics.TRIAL_EVENTS, 0, 999_999_999)
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(audited, auditRows());
    }

    private static String entry(String topic, RecordMetadata sent) {
        return "deadLetters.find { it.topic == '%s' && it.partition == %d && it.offset == %d }"
                .formatted(topic, sent.partition(), sent.offset());
    }

    private static ConsumerRecord<String, String> deadLetterWithKey(String deadLetterTopic, String key) {
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), deadLetterTopic)) {
            return await().atMost(Duration.ofSeconds(30)).until(() -> probe.recordsWithKey(key), r -> !r.isEmpty()).get(0);
        }
    }

    private static RecordMetadata send(String topic, String key, String value, Map<String, String> headers) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return PRODUCER.send(record).get();
    }

    @SuppressWarnings("unchecked")
    private List<String> auditedResults(String topic, int partition, long offset) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select result from dead_letter_replay
                        where topic = :topic and record_partition = :partition and record_offset = :offset
                          and replayed_by = 'test-admin' and replayed_at is not null order by id""")
                .setParameter("topic", topic).setParameter("partition", partition).setParameter("offset", offset)
                .getResultList());
    }

    private long auditRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from dead_letter_replay").getSingleResult()).longValue());
    }
}
