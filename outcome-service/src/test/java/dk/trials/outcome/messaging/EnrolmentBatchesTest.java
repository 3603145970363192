package dk.trials.outcome.messaging;

import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestPostgres;
import dk.trials.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * enrolment-events are applied a poll's records at a time, in one transaction, with the outcome each record would
 * have on its own: one record that cannot be applied is dead-lettered alone, a record sent twice counts once, a
 * withdrawal behind its enrolment finds it, and a transient fault retries the records without losing their order.
 */
@QuarkusTest
class EnrolmentBatchesTest extends TestInfrastructure {

    private static final LocalDate ENROLLED_ON = LocalDate.of(2027, 2, 1);
    private static final String DEAD_LETTERS = "enrolment-events.outcome-service.dlq";

    @Inject
    EventCodec codec;
    @Inject
    MeterRegistry registry;
    @Inject
    EntityManager entityManager;

    @Test
    void anEnrolmentThatBreaksARuleAmongOthersIsDeadLetteredAloneAndEveryOtherEventHasItsEffectOnce() throws Exception {
        UUID trialId = trial();
        double deadLettersBefore = count("trials.dead.letters");
        List<ParticipantEnrolled> enrolments = new ArrayList<>();
        for (long sequence = 1; sequence <= 5; sequence++) {
            enrolments.add(numbered(trialId, sequence));
        }
        ParticipantEnrolled unnumbered = numbered(trialId, 0);
        EventEnvelope twice = codec.envelope(EventType.PARTICIPANT_ENROLLED, trialId, enrolments.get(1));
        EventEnvelope withdrawal = codec.envelope(EventType.PARTICIPANT_WITHDRAWN, trialId,
                new ParticipantWithdrawn(enrolments.get(4).enrolmentId(), trialId, "p-withdrawn", ENROLLED_ON.plusDays(3)));

        try (TopicProbe dlq = new TopicProbe(TestKafka.bootstrapServers(), DEAD_LETTERS)) {
            List<Future<?>> sent = new ArrayList<>();
            sent.add(Events.enrol(codec, enrolments.get(0)));
            sent.add(Events.enrol(codec, unnumbered));
            enrolments.subList(2, 5).forEach(e -> sent.add(Events.enrol(codec, e)));
            for (Future<?> each : sent) {
                each.get();
            }
            Events.send(Topics.ENROLMENT_EVENTS, trialId, codec.encode(twice), EventType.PARTICIPANT_ENROLLED);
            Events.send(Topics.ENROLMENT_EVENTS, trialId, codec.encode(twice), EventType.PARTICIPANT_ENROLLED);
            Events.send(Topics.ENROLMENT_EVENTS, trialId, codec.encode(withdrawal), EventType.PARTICIPANT_WITHDRAWN);

            await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(withdrawal.eventId())
                    && dlq.recordsWithKey(trialId.toString()).size() == 1);
            List<ConsumerRecord<String, String>> dead = dlq.recordsWithKey(trialId.toString());
            assertTrue(dead.get(0).value().contains(unnumbered.enrolmentId().toString()), dead.get(0).value());
        }
        assertEquals(5, Events.participants(trialId));
        assertEquals(5L, number("select sum(participants) from enrolment_count where trial_id = ?1", trialId));
        assertEquals(1L, number("select count(*) from participant where trial_id = ?1 and withdrawn_on is not null", trialId));
        assertEquals(deadLettersBefore + 1, count("trials.dead.letters"));
    }

    @Test
    void enrolmentsWhoseConnectionIsKilledAreRetriedAndAppliedInTheirOrder() throws Exception {
        UUID trialId = trial();
        double deadLettersBefore = count("trials.dead.letters");
        double retriesBefore = count("trials.consumer.retries");
        ParticipantEnrolled first = numbered(trialId, 1);
        ParticipantEnrolled second = numbered(trialId, 2);
        EventEnvelope withdrawal = codec.envelope(EventType.PARTICIPANT_WITHDRAWN, trialId,
                new ParticipantWithdrawn(first.enrolmentId(), trialId, "p-withdrawn", ENROLLED_ON.plusDays(3)));

        // As the tables' owner: the service's role may not lock them.
        try (Connection lock = TestPostgres.ownerConnection("outcomes")) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                // Holds back the consumer's first statement, the recording of the records' event ids.
                s.execute("lock table processed_event in share mode");
            }
            Events.enrol(codec, first).get();
            Events.send(Topics.ENROLMENT_EVENTS, trialId, codec.encode(withdrawal), EventType.PARTICIPANT_WITHDRAWN);
            Events.enrol(codec, second).get();

            for (int fault = 0; fault < 2; fault++) {
                long waiting = await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.backendWaitingOnLock(lock), pid -> pid > 0);
                try (Statement s = lock.createStatement()) {
                    s.execute("select pg_terminate_backend(" + waiting + ")");
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.backendWaitingOnLock(lock) != waiting);
            }
            lock.rollback();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(withdrawal.eventId())
                && Events.participants(trialId) == 2);
        assertEquals(1L, number("select count(*) from participant where trial_id = ?1 and withdrawn_on is not null", trialId));
        assertEquals(2L, number("select sum(participants) from enrolment_count where trial_id = ?1", trialId));
        // Each kill failed one attempt; a pooled connection broken by it may fail one more before the pool drops it.
        assertTrue(count("trials.consumer.retries") - retriesBefore >= 2, "both faults were retried");
        assertEquals(deadLettersBefore, count("trials.dead.letters"));
    }

    private UUID trial() {
        return Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), null);
    }

    private static ParticipantEnrolled numbered(UUID trialId, long sequence) {
        UUID enrolmentId = UUID.randomUUID();
        return Events.numbered(Events.enrolled(trialId, enrolmentId, "p-" + enrolmentId, "treatment", "101", ENROLLED_ON),
                sequence);
    }

    private long number(String sql, UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, trialId).getSingleResult()).longValue());
    }

    private double count(String counter) {
        var found = registry.find(counter).tags("topic", Topics.ENROLMENT_EVENTS, "group", "outcome-service").counter();
        return found == null ? 0 : found.count();
    }
}
