package dk.trials.outcome.rest;

import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Where a figure cannot be estimated, the object keeps its place with its figures null and a reason, never a
 * number that looks like an answer: an arm without job exits (no hazard ratio, no interval, no standard error),
 * an arm whose every participant exited (no Greenwood variance), a trial without job exits (no log-rank statistic).
 */
@QuarkusTest
class NonEstimableFiguresTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);

    @Inject
    EventCodec codec;

    @Test
    void anArmWithoutJobExitsAndAnArmWhoseEveryParticipantExitedGiveNullFiguresWithTheirReasons() {
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("control", "none", "all"), 26), null);
        enrol(trialId, "control", true);
        enrol(trialId, "control", false);
        enrol(trialId, "none", false);
        enrol(trialId, "none", false);
        enrol(trialId, "all", true);
        enrol(trialId, "all", true);

        JsonPath estimates = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> estimates(trialId), e -> e.getInt("arms.sum { it.events }") == 3);

        String none = "comparisons.find { it.arm == 'none' }.";
        assertNull(estimates.get(none + "hazardRatio.estimate"));
        assertNull(estimates.get(none + "hazardRatio.ci95"));
        assertNull(estimates.get(none + "hazardRatio.pValue"));
        assertEquals("no job exit in arm none", estimates.getString(none + "hazardRatio.reason"));
        assertNotNull(estimates.get(none + "logRank.z"), "the log-rank test needs no job exit in both arms");

        String noneArm = "arms.find { it.arm == 'none' }.";
        assertEquals(0.0, estimates.getDouble(noneArm + "cumulativeIncidence.estimate"));
        assertNull(estimates.get(noneArm + "cumulativeIncidence.ci95"));
        assertNull(estimates.get(noneArm + "standardError"), "not the 0 that Greenwood gives");
        assertEquals("no job exit in arm none by the horizon, so the interval is undefined",
                estimates.getString(noneArm + "cumulativeIncidence.reason"));

        String allArm = "arms.find { it.arm == 'all' }.";
        assertEquals(1.0, estimates.getDouble(allArm + "cumulativeIncidence.estimate"));
        assertNull(estimates.get(allArm + "standardError"));
        String all = "comparisons.find { it.arm == 'all' }.";
        assertNull(estimates.get(all + "riskDifference.estimate"));
        assertEquals("every participant of arm all exited to a job, so Greenwood's variance is undefined",
                estimates.getString(all + "riskDifference.reason"));
        assertNull(estimates.get(all + "riskDifference.repeatedCi95"));

        JsonPath curves = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/survival", trialId)
                .then().statusCode(200).extract().jsonPath();
        assertNull(curves.get("arms.find { it.arm == 'all' }.points[-1].stdErr"), "R: NaN where S reaches 0");
        assertEquals(0.0f, curves.getFloat("arms.find { it.arm == 'all' }.points[-1].surv"));
    }

    @Test
    void aTrialWithoutJobExitsHasNoLogRankStatisticAndNoRiskDifference() {
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), 100);
        enrol(trialId, "control", false);
        enrol(trialId, "treatment", false);

        JsonPath estimates = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> estimates(trialId), e -> e.getInt("arms.sum { it.participants }") == 2);

        assertNull(estimates.get("comparisons[0].logRank.chiSquare"));
        assertNull(estimates.get("comparisons[0].logRank.z"));
        assertEquals("the variance is 0: no job exit while both arms had participants at risk",
                estimates.getString("comparisons[0].logRank.reason"));
        assertEquals("no job exit in either arm by the horizon, so the difference has no variance",
                estimates.getString("comparisons[0].riskDifference.reason"));
        assertEquals("no job exit in arm control", estimates.getString("comparisons[0].hazardRatio.reason"));
        assertNull(estimates.get("monitoring.boundaryZ"));
        assertEquals("no information yet: a comparison has no job exit in its arm or the control",
                estimates.getString("monitoring.reason"));
    }

    /** Enrols a participant 30 days ago; one who exits does so 10 days after enrolment. */
    private void enrol(UUID trialId, String arm, boolean exits) {
        UUID enrolmentId = UUID.randomUUID();
        try {
            Events.enrol(codec, Events.enrolled(trialId, enrolmentId, "p-" + enrolmentId, arm, "101",
                    TODAY.minusDays(30))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (exits) {
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.admin())
                    .contentType(ContentType.JSON)
                    .body(Map.of("enrolmentId", enrolmentId.toString(), "type", "JOB_EXIT",
                            "occurredOn", TODAY.minusDays(20).toString(), "source", "DREAM", "sourceId", "x-" + enrolmentId))
                    .post("/api/v1/trials/{id}/outcomes", trialId).statusCode() == 201);
        }
    }

    private static JsonPath estimates(UUID trialId) {
        return given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/estimates", trialId)
                .then().statusCode(200).extract().jsonPath();
    }
}
