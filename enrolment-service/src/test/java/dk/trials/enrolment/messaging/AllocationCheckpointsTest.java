package dk.trials.enrolment.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Trials;
import dk.trials.enrolment.service.AllocationCheckpoints;
import dk.trials.enrolment.service.AllocationCount;
import dk.trials.enrolment.service.ExclusionReason;
import dk.trials.enrolment.service.Exclusions;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.enrolment.AllocationCheckpoint;
import dk.trials.events.enrolment.EligibilityScreening;
import dk.trials.events.trial.TrialStatus;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every enrolment is numbered within its trial, 1, 2, 3 ... without gaps, randomised or imported, and the number
 * travels on its event; a checkpoint of each trial with new enrolments or withdrawals counts the allocations per arm
 * and the withdrawals up to the trial's last number, behind those enrolments on enrolment-events, once per round
 * across replicas; and the citizens found not eligible, for the trial's CONSORT flow.
 */
@QuarkusTest
class AllocationCheckpointsTest {

    @Inject
    EventCodec codec;
    @Inject
    ObjectMapper json;
    @Inject
    AllocationCheckpoints checkpoints;
    @Inject
    EntityManager entityManager;

    @Test
    void aCheckpointCountsTheTrialsAllocationsPerArmAndWithdrawalsUpToItsLastNumberBehindItsEnrolments() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        Map<String, Long> perArm = new HashMap<>();
        String first = null;
        for (int i = 0; i < 3; i++) {
            var enrolled = enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(23), "101"))
                    .then().statusCode(201).extract();
            perArm.merge(enrolled.path("arm"), 1L, Long::sum);
            first = first == null ? enrolled.path("enrolmentId") : first;
        }
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Moved abroad", "date", LocalDate.now(Citizens.COPENHAGEN).toString()))
                .post("/api/v1/trials/{t}/enrolments/{e}/withdrawal", trialId, first).then().statusCode(200);

        AllocationCount published = ofTrial(checkpoints.publishDue(), trialId);

        assertEquals(3, published.upToSequence());
        assertEquals(perArm, published.perArm());
        assertEquals(1, published.withdrawn());
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(trialId.toString()), r -> r.size() == 5);
            assertEquals(List.of("PARTICIPANT_ENROLLED", "PARTICIPANT_ENROLLED", "PARTICIPANT_ENROLLED",
                    "PARTICIPANT_WITHDRAWN", "ALLOCATION_CHECKPOINT"),
                    records.stream().map(r -> TopicProbe.header(r, Topics.EVENT_TYPE_HEADER)).toList());
            assertEquals(List.of(1L, 2L, 3L), records.subList(0, 3).stream().map(r -> payload(r).path("sequence").asLong()).toList());
            assertEquals(new AllocationCheckpoint(trialId, 3, perArm, 1, published.countedAt(), new EligibilityScreening(0, Map.of())),
                    json.treeToValue(payload(records.get(4)), AllocationCheckpoint.class));
        }
    }

    @Test
    void aTrialWithoutNewEnrolmentsOrWithdrawalsGetsNoNewCheckpointAndTheNextCoversTheNextNumber() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(23), "101")).then().statusCode(201);
        assertEquals(1, ofTrial(checkpoints.publishDue(), trialId).upToSequence());

        assertTrue(checkpoints.publishDue().stream().noneMatch(c -> c.trialId().equals(trialId)));

        enrol(trialId, TestTokens.jobcentre("147"), citizen(Citizens.aged(24), "147")).then().statusCode(201);
        assertEquals(2, ofTrial(checkpoints.publishDue(), trialId).upToSequence());
    }

    @Test
    void importedAllocationsTakeTheNextNumbersAndACitizenAlreadyEnrolledLeavesNoGap() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String enrolledCpr = Citizens.aged(23);
        enrol(trialId, TestTokens.jobcentre("101"), citizen(enrolledCpr, "101")).then().statusCode(201);
        LocalDate on = LocalDate.now(Citizens.COPENHAGEN).minusDays(3);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("enrolments", List.of(line(Citizens.aged(25), "control", on), line(enrolledCpr, "control", on),
                        line(Citizens.aged(26), "treatment", on))))
                .post("/api/v1/trials/{id}/enrolments/import", trialId).then().statusCode(200);
        enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(27), "101")).then().statusCode(201);

        assertEquals(List.of(1L, 2L, 3L, 4L), QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select sequence from enrolment where trial_id = ?1 order by sequence", Long.class)
                .setParameter(1, trialId).getResultList()));
        assertEquals(4, ofTrial(checkpoints.publishDue(), trialId).upToSequence());
    }

    @Test
    void aRoundIsSkippedWhileAnotherReplicaRunsIt() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(23), "101")).then().statusCode(201);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> otherReplica = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('scheduled-round'), "
                    + "hashtext('allocation-checkpoints'))").getSingleResult();
            held.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> release.await(100, TimeUnit.MILLISECONDS));
        }));
        assertTrue(held.await(30, TimeUnit.SECONDS));

        assertEquals(List.of(), checkpoints.publishDue());

        release.countDown();
        otherReplica.get(30, TimeUnit.SECONDS);
        assertEquals(1, ofTrial(checkpoints.publishDue(), trialId).upToSequence());
    }

    @Test
    void aCheckpointCountsTheCitizensFoundNotEligibleEachOnceByTheReasonsOfTheirLatestRefusal() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String tooOld = Citizens.aged(40);
        String refusedTwice = Citizens.aged(23);
        String enrolledLater = Citizens.aged(24);
        enrol(trialId, TestTokens.jobcentre("101"), citizen(tooOld, "101")).then().statusCode(422);
        enrol(trialId, TestTokens.jobcentre("101"), with(citizen(refusedTwice, "101"), "weeksUnemployed", 60))
                .then().statusCode(422);
        // The same citizen again, from another jobcentre, now failing two criteria: counted once, by both.
        enrol(trialId, TestTokens.jobcentre("147"), with(with(citizen(refusedTwice, "147"), "weeksUnemployed", 60),
                "benefitType", "KONTANTHJAELP")).then().statusCode(422);
        enrol(trialId, TestTokens.jobcentre("101"), with(citizen(enrolledLater, "101"), "weeksUnemployed", 60))
                .then().statusCode(422);
        enrol(trialId, TestTokens.jobcentre("101"), citizen(enrolledLater, "101")).then().statusCode(201);

        AllocationCount published = ofTrial(checkpoints.publishDue(), trialId);

        assertEquals(new Exclusions(2, Map.of(ExclusionReason.AGE, 1L, ExclusionReason.UNEMPLOYMENT_DURATION, 1L,
                ExclusionReason.BENEFIT_TYPE, 1L)), published.excluded());
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
            ConsumerRecord<String, String> checkpoint = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(trialId.toString()), r -> r.size() == 2).get(1);
            assertEquals(new EligibilityScreening(2, Map.of("AGE", 1L, "UNEMPLOYMENT_DURATION", 1L, "BENEFIT_TYPE", 1L)),
                    json.treeToValue(payload(checkpoint), AllocationCheckpoint.class).screening());
        }
        List<?> stored = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select citizen from eligibility_screening where trial_id = ?1").setParameter(1, trialId).getResultList());
        assertEquals(3, stored.size());
        assertTrue(stored.stream().map(String::valueOf).noneMatch(c -> c.contains(tooOld) || c.contains(refusedTwice)),
                "only pseudonyms are kept");
    }

    @Test
    void aNewExclusionAloneMakesACheckpointDueAndATrialWithNoEnrolmentYetGetsOneFromNumberZero() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(17), "101")).then().statusCode(422);

        AllocationCount first = ofTrial(checkpoints.publishDue(), trialId);
        assertEquals(0, first.upToSequence());
        assertEquals(new Exclusions(1, Map.of(ExclusionReason.AGE, 1L)), first.excluded());
        assertTrue(checkpoints.publishDue().stream().noneMatch(c -> c.trialId().equals(trialId)));

        enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(41), "101")).then().statusCode(422);
        assertEquals(2, ofTrial(checkpoints.publishDue(), trialId).excluded().citizens());
    }

    @Test
    void aTrialThatIsNotRecruitingAssessesNoOne() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        Trials.publish(codec, EventType.TRIAL_PAUSED, trialId, TrialStatus.PAUSED,
                Trials.design(Trials.simple(), Trials.ONE_TO_ONE));

        enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(17), "101")).then().statusCode(409);

        assertTrue(checkpoints.publishDue().stream().noneMatch(c -> c.trialId().equals(trialId)));
    }

    private static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(request);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> line(String cpr, String arm, LocalDate on) {
        return Map.of("cpr", cpr, "jobcentre", "101", "arm", arm, "enrolledOn", on.toString(), "benefitType", "DAGPENGE");
    }

    private static AllocationCount ofTrial(List<AllocationCount> published, UUID trialId) {
        List<AllocationCount> ofTrial = published.stream().filter(c -> c.trialId().equals(trialId)).toList();
        assertEquals(1, ofTrial.size(), "checkpoints of the trial in the round");
        return ofTrial.get(0);
    }

    private JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value()).path("payload");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
