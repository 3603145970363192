package dk.trials.outcome.rest;

import dk.trials.outcome.LookTrials;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.service.EnrolmentProjection;
import dk.trials.outcome.service.OutcomeIngestion;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /estimates' monitoring through the service: figures beyond the boundary decide nothing until a formal look is
 * taken on a cut, and once a look crossed the decision stays crossed whatever the figures do after it.
 */
@QuarkusTest
class EstimateMonitoringApiTest extends TestInfrastructure {

    @Inject
    EventCodec codec;
    @Inject
    EnrolmentProjection enrolments;
    @Inject
    OutcomeIngestion ingestion;

    @Test
    void figuresBeyondTheBoundaryDecideNothingUntilALookCrossesAndThenTheDecisionStaysCrossed() {
        LookTrials.Trial trial = new LookTrials(codec, enrolments, ingestion).open(100, 100);
        // The treatment arm's job exits are reported first, as a case system reporting team by team would.
        LookTrials.postInBulk(trial.id(), trial.treatment(), 60, "treatment");

        JsonPath between = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> estimates(trial.id()), e -> e.getInt("arms.sum { it.events }") == 60);
        assertTrue(between.getBoolean("monitoring.provisional"));
        assertEquals("CONTINUE", between.getString("monitoring.decision"));
        assertTrue(between.getDouble("monitoring.observedZ") > between.getDouble("monitoring.boundaryZ"),
                "Z " + between.getDouble("monitoring.observedZ") + " beyond " + between.getDouble("monitoring.boundaryZ"));
        assertEquals(0.6, between.getDouble("monitoring.informationFraction"), 1e-12);
        assertEquals("asOF", between.getString("monitoring.spending.family"));
        assertEquals(0, between.getInt("monitoring.looksTaken"));
        assertEquals(0.5, between.getDouble("monitoring.nextLookAt"));
        assertEquals("no job exit in arm control", between.getString("comparisons[0].hazardRatio.reason"));
        assertNull(between.get("comparisons[0].hazardRatio.repeatedCi95"));
        assertNotNull(between.get("comparisons[0].riskDifference.repeatedCi95"));

        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"cutDate\": \"" + LookTrials.TODAY + "\", \"reason\": \"Unscheduled review\"}")
                .post("/api/v1/trials/{id}/looks", trial.id()).then().statusCode(201);
        // The control arm's job exits arrive: the arms end identical, with Z = 0.
        LookTrials.postInBulk(trial.id(), trial.control(), 60, "control");

        JsonPath after = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> estimates(trial.id()), e -> e.getInt("arms.sum { it.events }") == 120);
        assertEquals(0.0, after.getDouble("monitoring.observedZ"), 1e-9);
        assertEquals("EFFICACY_BOUNDARY_CROSSED", after.getString("monitoring.decision"));
        assertEquals("EFFICACY_BOUNDARY_CROSSED", after.getString("monitoring.comparisons[0].decision"));
        assertEquals(1, after.getInt("monitoring.looksTaken"));
        assertEquals(1, after.getInt("monitoring.lastLook.number"));
        assertEquals(LookTrials.TODAY.toString(), after.getString("monitoring.lastLook.cutDate"));
        assertEquals("every comparison crossed at an earlier look: monitoring has ended", after.getString("monitoring.reason"));
        assertNull(after.get("monitoring.nextLookAt"));
    }

    private static JsonPath estimates(UUID trialId) {
        return JsonPath.from(given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/estimates", trialId)
                        .then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }
}
