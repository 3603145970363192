package dk.trials.outcome.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The estimates body keeps the contract's names and nesting field for field (plus the documented extra fields),
 * in GET /estimates and in every daily point of GET /estimates/history, whatever type carries it inside the service.
 */
@QuarkusTest
class EstimateContractTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every field of the body, as a path; [] stands for each element of a list of objects. */
    private static final Set<String> ESTIMATE_FIELDS = new TreeSet<>(Set.of(
            "trialId", "asOf", "horizonDays", "computedAt",
            "arms[].arm", "arms[].control", "arms[].participants", "arms[].events", "arms[].atRiskAtHorizon",
            "arms[].cumulativeIncidence.estimate", "arms[].cumulativeIncidence.ci95",
            "arms[].cumulativeIncidence.reason", "arms[].standardError",
            "arms[].restrictedMeanTimeToJobExit.estimate", "arms[].restrictedMeanTimeToJobExit.standardError",
            "arms[].restrictedMeanTimeToJobExit.ci95", "arms[].restrictedMeanTimeToJobExit.tau",
            "arms[].restrictedMeanTimeToJobExit.reason",
            "comparisons[].arm", "comparisons[].versus",
            "comparisons[].riskDifference.estimate", "comparisons[].riskDifference.standardError",
            "comparisons[].riskDifference.ci95", "comparisons[].riskDifference.repeatedCi95",
            "comparisons[].riskDifference.reason",
            "comparisons[].hazardRatio.estimate", "comparisons[].hazardRatio.ci95",
            "comparisons[].hazardRatio.repeatedCi95",
            "comparisons[].hazardRatio.logHazardRatio", "comparisons[].hazardRatio.standardError",
            "comparisons[].hazardRatio.pValue", "comparisons[].hazardRatio.ties", "comparisons[].hazardRatio.reason",
            "comparisons[].logRank.chiSquare", "comparisons[].logRank.pValue", "comparisons[].logRank.z",
            "comparisons[].logRank.observedMinusExpected", "comparisons[].logRank.variance",
            "comparisons[].logRank.strata", "comparisons[].logRank.reason",
            "comparisons[].stratifiedLogRank.chiSquare", "comparisons[].stratifiedLogRank.pValue",
            "comparisons[].stratifiedLogRank.z", "comparisons[].stratifiedLogRank.observedMinusExpected",
            "comparisons[].stratifiedLogRank.variance", "comparisons[].stratifiedLogRank.strata",
            "comparisons[].stratifiedLogRank.reason",
            "comparisons[].restrictedMeanDifference.estimate", "comparisons[].restrictedMeanDifference.ci95",
            "comparisons[].restrictedMeanDifference.reason",
            "monitoring.provisional", "monitoring.reason",
            "monitoring.informationFraction", "monitoring.boundaryZ", "monitoring.observedZ", "monitoring.decision",
            "monitoring.comparison", "monitoring.plannedEvents", "monitoring.observedEvents", "monitoring.futility",
            "monitoring.informationRate", "monitoring.alpha", "monitoring.alphaSpent",
            "monitoring.spending.family", "monitoring.spending.gamma", "monitoring.boundaryMethod",
            "monitoring.looksTaken", "monitoring.lastLook", "monitoring.nextLookAt",
            "monitoring.comparisons[].arm", "monitoring.comparisons[].versus",
            "monitoring.comparisons[].informationFraction", "monitoring.comparisons[].boundaryZ",
            "monitoring.comparisons[].observedZ", "monitoring.comparisons[].decision",
            "monitoring.comparisons[].plannedEvents", "monitoring.comparisons[].observedEvents",
            "monitoring.comparisons[].futility",
            "outcomes.pendingEnrolment", "outcomes.rejected"));

    @Inject
    EventCodec codec;

    /**
     * A trial without a futility plan and before its first look (so futility and lastLook are null leaves): the
     * contract's names stand where it puts them, with the documented extra fields beside them.
     */
    @Test
    void theEstimatesAndEachPointOfTheirHistoryKeepTheContractsNamesAndNesting() throws Exception {
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), 10);
        UUID exited = UUID.randomUUID();
        Events.enrol(codec, Events.enrolled(trialId, exited, "contract-1", "treatment", "101", TODAY.minusDays(20))).get();
        Events.enrol(codec, Events.enrolled(trialId, UUID.randomUUID(), "contract-2", "control", "147", TODAY.minusDays(20))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == 2);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("enrolmentId", exited.toString(), "type", "JOB_EXIT", "occurredOn", TODAY.minusDays(5).toString(),
                        "source", "DREAM", "sourceId", "contract-x"))
                .post("/api/v1/trials/{id}/outcomes", trialId).then().statusCode(201);

        JsonNode history = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/v1/trials/{id}/estimates/history", trialId),
                        h -> kinds(h).contains("DAILY") && h.at("/points/0/estimates/arms/0/events").asLong()
                                + h.at("/points/0/estimates/arms/1/events").asLong() == 1);
        for (JsonNode point : history.path("points")) {
            assertEquals(Set.of("asOf", "kind", "look", "computedAt", "estimates"), names(point));
            assertEquals(ESTIMATE_FIELDS, fieldsOf(point.path("estimates"), ""));
        }
        JsonNode estimates = get("/api/v1/trials/{id}/estimates", trialId);
        assertEquals(ESTIMATE_FIELDS, fieldsOf(estimates, ""));
        assertTrue(estimates.at("/monitoring/provisional").asBoolean());
        assertEquals("CONTINUE", estimates.at("/monitoring/decision").asText());
        assertEquals(0.1, estimates.at("/monitoring/informationFraction").asDouble(), 1e-12);
    }

    private static Set<String> kinds(JsonNode history) {
        Set<String> kinds = new TreeSet<>();
        history.path("points").forEach(point -> kinds.add(point.path("kind").asText()));
        return kinds;
    }

    private static JsonNode get(String path, UUID trialId) throws Exception {
        return JSON.readTree(given().auth().oauth2(TestTokens.analyst()).get(path, trialId)
                .then().statusCode(200).extract().asString());
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The paths of the leaves under {@code node}: objects are walked, lists of objects walked element by element. */
    private static Set<String> fieldsOf(JsonNode node, String prefix) {
        Set<String> fields = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                fields.addAll(fieldsOf(value, path + "."));
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                value.forEach(element -> fields.addAll(fieldsOf(element, path + "[].")));
            } else {
                fields.add(path);
            }
        }
        return fields;
    }
}
