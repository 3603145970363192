package dk.trials.enrolment.rest;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventType;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialStatus;
import dk.trials.testing.TestPostgres;
import dk.trials.testing.TestTokens;
import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Trials;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision log is sealed while a trial recruits, opens after, and its replay reproduces every allocation. */
@QuarkusTest
class AllocationLogTest {

    @Inject
    EventCodec codec;
    @Inject
    EntityManager entityManager;

    @Test
    void aMinimisedTrialsLogIsSealedWhileRecruitingAndReplaysAfterwards() {
        TrialDesign design = Trials.design(Trials.minimisation(StratificationFactor.JOBCENTRE, StratificationFactor.AGE_BAND,
                StratificationFactor.GENDER), Trials.ONE_TO_ONE);
        UUID trialId = Trials.open(codec, design);
        List<String> jobcentres = List.of("101", "147", "751");
        for (int i = 0; i < 30; i++) {
            String jobcentre = jobcentres.get(i % 3);
            enrol(trialId, TestTokens.jobcentre(jobcentre), citizen(Citizens.aged(18 + i % 12), jobcentre)).then().statusCode(201);
        }

        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/allocation-log", trialId)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.analyst()).post("/api/v1/trials/{id}/allocation-log/replay", trialId)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/trials/{id}/allocation-log/replay", trialId)
                .then().statusCode(200).body("checked", equalTo(30)).body("reproduced", equalTo(30));

        Trials.publish(codec, EventType.TRIAL_CLOSED, trialId, TrialStatus.FOLLOW_UP, design);

        Response log = given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/allocation-log", trialId);
        log.then().statusCode(200)
                .body("method", equalTo("MINIMISATION"))
                .body("entries", hasSize(30))
                .body("entries[0].sequence", equalTo("*"))
                .body("entries[0].position", equalTo(1))
                .body("entries[29].position", equalTo(30))
                .body("entries[1].stateBefore.counts", not(empty()))
                .body("entries[0].draws", not(empty()));
        List<String> firstLevels = log.path("entries[0].levels");
        assertEquals(List.of("jobcentre=101", "ageBand=18-24"), firstLevels.subList(0, 2));
        assertTrue(firstLevels.get(2).matches("gender=[MF]"));
    }

    @Test
    void aDoctoredAllocationIsNamedByTheReplay() throws SQLException {
        UUID trialId = Trials.open(codec, Trials.design(Trials.blocks(List.of(2, 4), StratificationFactor.AGE_BAND), Trials.ONE_TO_ONE));
        for (int i = 0; i < 12; i++) {
            enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(26), "101")).then().statusCode(201);
        }
        UUID doctored = (UUID) entityManager.createNativeQuery(
                "select enrolment_id from allocation_decision where trial_id = :t and position = 5")
                .setParameter("t", trialId).getSingleResult();
        asOwner("""
                update allocation_decision set arm = case arm when 'treatment' then 'control' else 'treatment' end
                where enrolment_id = ?""", doctored);

        given().auth().oauth2(TestTokens.admin()).post("/api/v1/trials/{id}/allocation-log/replay", trialId)
                .then().statusCode(200)
                .body("checked", equalTo(12))
                .body("reproduced", equalTo(11))
                .body("mismatches[0].enrolmentId", equalTo(doctored.toString()))
                .body("mismatches[0].position", equalTo(5));
    }

    @Test
    void theExportedStateIsTheBlockForPermutedBlocksAndNothingForSimpleRandomisation() {
        TrialDesign blocks = Trials.design(Trials.blocks(List.of(2)), Trials.ONE_TO_ONE);
        TrialDesign simple = Trials.design(Trials.simple(), Trials.ONE_TO_ONE);
        UUID blockTrial = Trials.open(codec, blocks);
        UUID simpleTrial = Trials.open(codec, simple);
        for (int i = 0; i < 2; i++) {
            enrol(blockTrial, TestTokens.jobcentre("101"), citizen(Citizens.aged(22), "101")).then().statusCode(201);
            enrol(simpleTrial, TestTokens.jobcentre("101"), citizen(Citizens.aged(22), "101")).then().statusCode(201);
        }
        Trials.publish(codec, EventType.TRIAL_CLOSED, blockTrial, TrialStatus.FOLLOW_UP, blocks);
        Trials.publish(codec, EventType.TRIAL_CLOSED, simpleTrial, TrialStatus.FOLLOW_UP, simple);

        Response blockLog = given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/allocation-log", blockTrial);
        blockLog.then().statusCode(200)
                .body("entries[0].sequence", equalTo("all"))
                .body("entries[0].stateBefore", equalTo(Map.of("block", List.of(), "position", 0, "blockNumber", 0)))
                .body("entries[1].stateBefore.position", equalTo(1))
                .body("entries[1].stateBefore.blockNumber", equalTo(1))
                .body("entries[0].draws.bound", equalTo(List.of(1, 2)))
                .body("entries[1].draws", empty());
        List<String> block = blockLog.path("entries[1].stateBefore.block");
        assertEquals(List.of("control", "treatment"), block.stream().sorted().toList());
        assertEquals(block.get(1), blockLog.path("entries[1].arm"));

        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/allocation-log", simpleTrial)
                .then().statusCode(200)
                .body("method", equalTo("SIMPLE"))
                .body("entries.sequence", equalTo(Arrays.asList(null, null)))
                .body("entries.position", equalTo(List.of(0, 0)))
                .body("entries[0].stateBefore", equalTo(Map.of()))
                .body("entries[0].draws.bound", equalTo(List.of(2)));
    }

    @Test
    void aRecordedStateTheDesignCannotReadIsAConflictNamingItsEntry() throws SQLException {
        TrialDesign blocks = Trials.design(Trials.blocks(List.of(2)), Trials.ONE_TO_ONE);
        UUID trialId = Trials.open(codec, blocks);
        enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(22), "101")).then().statusCode(201);
        Trials.publish(codec, EventType.TRIAL_CLOSED, trialId, TrialStatus.FOLLOW_UP, blocks);
        UUID doctored = (UUID) entityManager.createNativeQuery("select enrolment_id from allocation_decision where trial_id = :t")
                .setParameter("t", trialId).getSingleResult();
        asOwner("update allocation_decision set state_before = cast('{\"block\": 7}' as jsonb) where enrolment_id = ?", doctored);

        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/allocation-log", trialId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("The recorded state of enrolment " + doctored + " (sequence all, position 1) cannot be"
                        + " read as PERMUTED_BLOCK state; the replay reports where the log and the design part"));
    }

    /** Doctors the decision log as only the database's owner could: the service's own role may not change it. */
    private static void asOwner(String sql, UUID enrolmentId) throws SQLException {
        try (Connection owner = TestPostgres.ownerConnection("enrolments"); PreparedStatement update = owner.prepareStatement(sql)) {
            update.setObject(1, enrolmentId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
