package dk.trials.enrolment.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.AllocationDecision;
import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Trials;
import dk.trials.events.trial.BenefitType;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.platform.cpr.CprNumber;
import dk.trials.platform.cpr.CprPseudonymiser;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replica keeps the state of the sequences it allocates from, but the database decides: replicas taking turns in
 * one stratum, each starting from a state the other has moved past, still fill every position of the sequence once
 * and keep the blocks whole; allocations waiting at once are written together; and an allocation refused because
 * the citizen is already enrolled leaves its sequence where it was.
 */
@QuarkusTest
class AllocationSequencesTest {

    @Inject
    EventCodec codec;
    @Inject
    KnownTrials trials;
    @Inject
    CprPseudonymiser pseudonymiser;
    @Inject
    EntityManager entityManager;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** A randomiser with sequences of its own, as another replica of the service has. */
    private Randomiser replica() {
        return new Randomiser(entityManager, dataSource, new AllocationSequences(dataSource, json), json,
                new SecureRandom(), clock);
    }

    private UUID blockTrial() {
        return Trials.open(codec, Trials.design(Trials.blocks(List.of(4, 6), StratificationFactor.JOBCENTRE), Trials.ONE_TO_ONE));
    }

    private void enrol(Randomiser randomiser, ActiveTrial trial, String cpr, String jobcentre) {
        CprNumber citizen = CprNumber.parse(cpr).orElseThrow();
        ParticipantProfile profile = new ParticipantProfile(jobcentre, 30, citizen.gender(), BenefitType.DAGPENGE, 3);
        randomiser.enrol(trial, pseudonymiser.inTrial(trial.id(), citizen), jobcentre, trial.levels(profile), "test");
    }

    @Test
    void twoReplicasTakingTurnsInOneStratumFillEveryPositionOnceAndKeepTheBlocksWhole() {
        UUID trialId = blockTrial();
        ActiveTrial trial = trials.require(trialId);
        List<Randomiser> replicas = List.of(replica(), replica());

        for (int i = 0; i < 60; i++) {
            enrol(replicas.get(i % 2), trial, Citizens.aged(30), "101");
        }

        assertWholeBlocksAtPositions(trialId, 60);
    }

    @Test
    void twoReplicasAllocatingAtOnceInOneStratumFillEveryPositionOnce() throws Exception {
        UUID trialId = blockTrial();
        ActiveTrial trial = trials.require(trialId);
        List<Randomiser> replicas = List.of(replica(), replica());
        List<String> cprs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            cprs.add(Citizens.aged(30));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < cprs.size(); i++) {
                Randomiser randomiser = replicas.get(i % 2);
                String cpr = cprs.get(i);
                all.add(CompletableFuture.runAsync(() -> enrol(randomiser, trial, cpr, "101"), pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }

        assertWholeBlocksAtPositions(trialId, 100);
    }

    @Test
    void manyAllocationsAtOnceInAMinimisedTrialAreWrittenTogetherAndOnlyTheCitizensAlreadyEnrolledAreRefused()
            throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.minimisation(StratificationFactor.JOBCENTRE), Trials.ONE_TO_ONE));
        ActiveTrial trial = trials.require(trialId);
        Randomiser randomiser = replica();
        String enrolled = Citizens.aged(30);
        enrol(randomiser, trial, enrolled, "101");
        List<String> cprs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            cprs.add(i % 5 == 0 ? enrolled : Citizens.aged(30));
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<CompletableFuture<Boolean>> all = new ArrayList<>();
        try {
            for (int i = 0; i < cprs.size(); i++) {
                String cpr = cprs.get(i);
                String jobcentre = Trials.JOBCENTRES.get(i % 3);
                all.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        enrol(randomiser, trial, cpr, jobcentre);
                        return true;
                    } catch (AlreadyEnrolledException refused) {
                        return false;
                    }
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }

        for (int i = 0; i < cprs.size(); i++) {
            assertEquals(!cprs.get(i).equals(enrolled), all.get(i).get(), "allocation " + i);
        }
        List<AllocationDecision> decisions = QuarkusTransaction.requiringNew().call(() -> AllocationDecision.ofTrial(trialId));
        assertEquals(LongStream.rangeClosed(1, 81).boxed().toList(),
                decisions.stream().map(d -> d.position).sorted().toList(), "every position of the sequence is taken once");
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/trials/{id}/allocation-log/replay", trialId)
                .then().statusCode(200).body("checked", equalTo(81)).body("reproduced", equalTo(81));
    }

    @Test
    void aCitizenAlreadyEnrolledElsewhereInTheTrialLeavesTheOtherStratumsSequenceWhereItWas() {
        UUID trialId = blockTrial();
        ActiveTrial trial = trials.require(trialId);
        Randomiser randomiser = replica();
        String cpr = Citizens.aged(30);
        enrol(randomiser, trial, Citizens.aged(30), "147");
        enrol(randomiser, trial, cpr, "101");

        assertThrows(AlreadyEnrolledException.class, () -> enrol(randomiser, trial, cpr, "147"));

        assertEquals(1L, allocations(trialId, "jobcentre=147"), "the refused allocation did not advance the sequence");
        enrol(randomiser, trial, Citizens.aged(30), "147");
        assertEquals(2L, allocations(trialId, "jobcentre=147"));
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/trials/{id}/allocation-log/replay", trialId)
                .then().statusCode(200).body("checked", equalTo(3)).body("reproduced", equalTo(3));
    }

    private long allocations(UUID trialId, String lockKey) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select allocations from allocation_sequence where trial_id = :trialId and lock_key = :key")
                .setParameter("trialId", trialId).setParameter("key", lockKey).getSingleResult()).longValue());
    }

    private void assertWholeBlocksAtPositions(UUID trialId, int count) {
        List<AllocationDecision> decisions = QuarkusTransaction.requiringNew().call(() -> AllocationDecision.ofTrial(trialId));
        assertEquals(LongStream.rangeClosed(1, count).boxed().toList(),
                decisions.stream().map(d -> d.position).sorted().toList(), "every position of the sequence is taken once");
        int lead = 0;
        for (AllocationDecision d : decisions.stream().sorted((a, b) -> Long.compare(a.position, b.position)).toList()) {
            lead += d.arm.equals("treatment") ? 1 : -1;
            assertTrue(Math.abs(lead) <= 3, "after " + d.position + " allocations one arm leads by " + Math.abs(lead));
        }
        assertEquals((long) count, allocations(trialId, "jobcentre=101"));
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/trials/{id}/allocation-log/replay", trialId)
                .then().statusCode(200).body("checked", equalTo(count)).body("reproduced", equalTo(count));
    }
}
