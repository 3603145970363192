package dk.trials.enrolment.service;

import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Trials;
import dk.trials.events.Topics;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Enrolments commit unnumbered and are numbered after their commit, in rounds: an enrolment is answered numbered,
 * with its event in the outbox; while another transaction holds the trial's number row (an import) it is still
 * allocated at once, and numbered, without a gap, once that row is free, while other trials' enrolments are numbered
 * as before; a withdrawal of an enrolment still waiting for its number is published after the enrolment.
 */
@QuarkusTest
class EnrolmentNumberingTest {

    @Inject
    EventCodec codec;
    @Inject
    EntityManager entityManager;

    @Test
    void anEnrolmentIsAnsweredNumberedAndNothingWaitsBehindIt() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        for (int i = 0; i < 3; i++) {
            enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(23), "101")).then().statusCode(201);
        }

        assertEquals(List.of(1L, 2L, 3L), numbers(trialId));
        assertEquals(0, waiting(trialId));
    }

    @Test
    void whileTheTrialsNumberRowIsHeldEnrolmentsAreAllocatedAndNumberedWithoutAGapOnceItIsFree() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(23), "101")).then().statusCode(201);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> anImport = holdNumberRow(trialId, release);

        List<String> heldBack = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            heldBack.add(enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(24), "101"))
                    .then().statusCode(201).extract().path("enrolmentId"));
        }
        assertEquals(List.of(1L), numbers(trialId));
        assertEquals(2, waiting(trialId));
        // Withdrawing one of them waits for the row, numbers the trial's waiting enrolments, then withdraws.
        CompletableFuture<Integer> withdrawal = CompletableFuture.supplyAsync(() -> given()
                .auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Moved abroad", "date", LocalDate.now(Citizens.COPENHAGEN).toString()))
                .post("/api/v1/trials/{t}/enrolments/{e}/withdrawal", trialId, heldBack.get(1)).statusCode());

        release.countDown();
        anImport.get(30, TimeUnit.SECONDS);
        assertEquals(200, withdrawal.get(30, TimeUnit.SECONDS));
        assertEquals(List.of(1L, 2L, 3L), numbers(trialId));
        assertEquals(0, waiting(trialId));
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(trialId.toString()), r -> r.size() == 4);
            assertEquals(List.of("PARTICIPANT_ENROLLED", "PARTICIPANT_ENROLLED", "PARTICIPANT_ENROLLED",
                    "PARTICIPANT_WITHDRAWN"), records.stream().map(r -> TopicProbe.header(r, Topics.EVENT_TYPE_HEADER)).toList());
        }
    }

    @Test
    void howeverManyEnrolmentsWaitForAHeldNumberRowOtherTrialsAreNumberedMeanwhile() throws Exception {
        UUID held = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        UUID other = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        enrol(held, TestTokens.jobcentre("101"), citizen(Citizens.aged(23), "101")).then().statusCode(201);
        int queuedBehind = EnrolmentNumbering.BATCH + 100;
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> anImport = holdNumberRow(held, release);
        // More enrolments of the held trial at the head of the queue than a round takes in one statement.
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                            insert into enrolment (id, trial_id, participant, citizen, arm, jobcentre, stratum,
                                                   enrolled_at, enrolled_on, imported, enrolled_by)
                            select gen_random_uuid(), trial_id, participant || '-' || g, citizen || '-' || g, arm,
                                   jobcentre, stratum, enrolled_at, enrolled_on, imported, enrolled_by
                            from enrolment, generate_series(1, ?2) g where trial_id = ?1""")
                    .setParameter(1, held).setParameter(2, queuedBehind).executeUpdate();
            entityManager.createNativeQuery("""
                            insert into unnumbered_enrolment (enrolment_id, trial_id)
                            select id, trial_id from enrolment where trial_id = ?1 and sequence is null order by id""")
                    .setParameter(1, held).executeUpdate();
        });

        enrol(other, TestTokens.jobcentre("101"), citizen(Citizens.aged(24), "101")).then().statusCode(201);
        assertEquals(List.of(1L), numbers(other), "numbered before its answer, past the held trial's queue");
        assertEquals(queuedBehind, waiting(held));

        release.countDown();
        anImport.get(30, TimeUnit.SECONDS);
        List<Long> expected = LongStream.rangeClosed(1, queuedBehind + 1).boxed().toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> numbers(held), expected::equals);
        assertEquals(0, waiting(held));
    }

    /** As an import does: holds the trial's number row in a transaction of its own until released; returns once held. */
    private CompletableFuture<Void> holdNumberRow(UUID trialId, CountDownLatch release) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> transaction = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("select last from enrolment_number where trial_id = ?1 for update")
                    .setParameter(1, trialId).getResultList();
            holding.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> release.await(100, TimeUnit.MILLISECONDS));
        }));
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        return transaction;
    }

    private List<Long> numbers(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select sequence from enrolment where trial_id = ?1 and sequence is not null order by sequence", Long.class)
                .setParameter(1, trialId).getResultList());
    }

    private long waiting(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from unnumbered_enrolment where trial_id = ?1")
                .setParameter(1, trialId).getSingleResult()).longValue());
    }
}
