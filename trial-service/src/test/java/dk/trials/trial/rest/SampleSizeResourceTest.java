package dk.trials.trial.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trials.testing.TestTokens;
import dk.trials.trial.TrialDesigns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Planning over HTTP gives rpact's numbers for the monitoring plan (the default plan when none is sent), and opening a
 * powered trial stores them as the planned events.
 */
@QuarkusTest
class SampleSizeResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    @Test
    void oneToOneUnderTheDefaultPlanGivesRpactsGroupSequentialSize() {
        // rpact, design asOF at 0.5, 0.75, 1: n1 = n2 = 1403.319, 898.26 events, inflation factor 1.01963
        // (reference/plan-sample-size-reference.json, case 1); the fixed design needed 1376.3 and 880.96.
        given().config(DOUBLES).auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(TrialExamples.SAMPLE_SIZE_REQUEST)
                .post("/api/v1/sample-size")
                .then().statusCode(200)
                .body("arms.participants", contains(1404, 1404))
                .body("participants", equalTo(2808))
                .body("comparisons[0].armParticipants", closeTo(1403.31904140749, 1403.31904140749 * 1e-7))
                .body("comparisons[0].eventsExact", closeTo(898.259736136263, 898.259736136263 * 1e-7))
                .body("comparisons[0].alpha", closeTo(0.05, 1e-15))
                .body("comparisons[0].inflationFactor", closeTo(1.01963248952629, 1.01963248952629 * 1e-7))
                .body("hazardRatioDerived", equalTo(true))
                .body("hazardRatio", closeTo(Math.log(0.65) / Math.log(0.70), 1e-12))
                .body("events", equalTo(899));
    }

    @Test
    void aSingleLookIsTheFixedDesignOfPowerPropTest() {
        // R: power.prop.test(p1 = 0.30, p2 = 0.35, power = 0.8)$n = 1376.299 (reference/power-reference.json, case 1)
        given().config(DOUBLES).auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("""
                        {"assumptions": {"baselineIncidence": 0.30, "minimumDetectableDifference": 0.05, "alpha": 0.05, "power": 0.8},
                         "monitoringPlan": {"informationFractions": [1]}}""")
                .post("/api/v1/sample-size")
                .then().statusCode(200)
                .body("arms.participants", contains(1377, 1377))
                .body("comparisons[0].armParticipants", closeTo(1376.29886829072, 1e-8))
                .body("comparisons[0].inflationFactor", closeTo(1, 0))
                .body("events", equalTo(881));
    }

    @Test
    void twoToOneHonoursTheWeightsAndAGivenHazardRatio() {
        // rpact under the default plan: n1 = 2115.600, n2 = 1057.800, 1083.40 events at HR 1.2 (case 2)
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialExamples.SAMPLE_SIZE_REQUEST_WEIGHTED)
                .post("/api/v1/sample-size")
                .then().statusCode(200)
                .body("arms.participants", contains(2116, 1058))
                .body("participants", equalTo(3174))
                .body("hazardRatioDerived", equalTo(false))
                .body("events", equalTo(1084));
    }

    @Test
    void aMultiArmTrialComparesEachArmWithTheControlAtAlphaOverJAndKeepsTheWeights() {
        String body = """
                {"assumptions": {"baselineIncidence": 0.3, "minimumDetectableDifference": 0.05, "alpha": 0.05, "power": 0.8},
                 "arms": [{"code": "a", "allocationWeight": 1}, {"code": "b", "allocationWeight": 2},
                          {"code": "control", "allocationWeight": 1, "control": true}]}""";
        // Each at 0.025: a vs control (1:1) needs 1689.85 per unit of weight, b vs control (2:1) 2549.40 / 2 = 1274.7,
        // so a binds; b's comparison needs the most events, 1216.78 (case 3).
        given().config(DOUBLES).auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sample-size")
                .then().statusCode(200)
                .body("comparisons", hasSize(2))
                .body("comparisons.versus", contains("control", "control"))
                .body("comparisons.alpha", contains(closeTo(0.025, 1e-15), closeTo(0.025, 1e-15)))
                .body("comparisons.events", contains(1082, 1217))
                .body("arms.participants", contains(1690, 3380, 1690))
                .body("participants", equalTo(6760))
                .body("events", equalTo(1217));
    }

    @Test
    void aPlanWithMoreEarlySpendingAndBetaSpendingFutilityNeedsMore() {
        // rpact asP at 0.25, 0.5, 0.75, 1 with non-binding bsOF futility: inflation 1.28462, 1768.02 per arm (case 4)
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialExamples.SAMPLE_SIZE_REQUEST_PLANNED)
                .post("/api/v1/sample-size")
                .then().statusCode(200)
                .body("arms.participants", contains(1769, 1769))
                .body("events", equalTo(1132));
    }

    @Test
    void aPlanThatBreaksARuleIsRefusedNamingTheField() {
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body("""
                        {"assumptions": {"baselineIncidence": 0.3, "minimumDetectableDifference": 0.05, "alpha": 0.05, "power": 0.8},
                         "monitoringPlan": {"informationFractions": [0.5, 0.9], "spending": {"family": "asKD"}}}""")
                .post("/api/v1/sample-size")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("monitoringPlan.informationFractions", "monitoringPlan.spending.gamma"));
    }

    @Test
    void armsWithoutOneControlOrImpossibleAssumptionsAreRefused() {
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body("""
                        {"assumptions": {"baselineIncidence": 0.9, "minimumDetectableDifference": 0.2, "alpha": 0.05, "power": 0.8},
                         "arms": [{"code": "a", "allocationWeight": 1}, {"code": "b", "allocationWeight": 1}]}""")
                .post("/api/v1/sample-size")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("arms"));
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body("""
                        {"assumptions": {"baselineIncidence": 0.9, "minimumDetectableDifference": 0.2, "alpha": 0.05, "power": 0.8}}""")
                .post("/api/v1/sample-size")
                .then().statusCode(422).body("errors.field", contains("assumptions.minimumDetectableDifference"));
        given().auth().oauth2(TestTokens.jobcentre("101")).contentType(ContentType.JSON).body(TrialExamples.SAMPLE_SIZE_REQUEST)
                .post("/api/v1/sample-size").then().statusCode(403);
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"baselineIncidence", "minimumDetectableDifference", "alpha", "power"})
    void anAssumptionLeftOutCannotBeRead(String assumption) throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(TrialExamples.SAMPLE_SIZE_REQUEST);
        ((ObjectNode) request.get("assumptions")).remove(assumption);
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(request.toString())
                .post("/api/v1/sample-size")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("assumptions." + assumption))
                .body("errors[0].message", equalTo("must not be null"));
    }

    @Test
    void anAssumptionOutOfRangeBreaksARule() {
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body("""
                        {"assumptions": {"baselineIncidence": 0.3, "minimumDetectableDifference": 0.05, "alpha": 0.05, "power": 1.5}}""")
                .post("/api/v1/sample-size")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("assumptions.power"));
    }

    @Test
    void openingAPoweredTrialStoresItsSampleSizeAndPlannedEvents() {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.POWERED_RCT)
                .post("/api/v1/trials").then().statusCode(201)
                .body("plannedEvents", equalTo(null))
                .body("sampleSize.participants", equalTo(2808))
                .extract().path("id");
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id)
                .then().statusCode(200)
                .body("plannedEvents", equalTo(899))
                .body("sampleSize.events", equalTo(899))
                .body("sampleSize.arms.participants", contains(1404, 1404));
    }

    @Test
    void aTrialWithoutPowerAssumptionsOpensWithoutPlannedEvents() {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id)
                .then().statusCode(200).body("plannedEvents", equalTo(null)).body("sampleSize", equalTo(null));
    }
}
