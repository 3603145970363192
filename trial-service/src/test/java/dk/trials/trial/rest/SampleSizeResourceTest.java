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

/** Planning over HTTP gives R's numbers, and opening a powered trial stores them as the planned events. */
@QuarkusTest
class SampleSizeResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    @Test
    void oneToOneGivesPowerPropTestsParticipantsPerArm() {
        // R: power.prop.test(p1 = 0.30, p2 = 0.35, power = 0.8)$n = 1376.299 (reference/power-reference.json, case 1)
        given().config(DOUBLES).auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(TrialExamples.SAMPLE_SIZE_REQUEST)
                .post("/api/v1/sample-size")
                .then().statusCode(200)
                .body("arms.participants", contains(1377, 1377))
                .body("participants", equalTo(2754))
                .body("comparisons[0].armParticipants", closeTo(1376.29886829072, 1e-8))
                .body("hazardRatioDerived", equalTo(true))
                .body("hazardRatio", closeTo(Math.log(0.65) / Math.log(0.70), 1e-12))
                .body("events", equalTo(881));
    }

    @Test
    void twoToOneHonoursTheWeightsAndAGivenHazardRatio() {
        // R: rpact n1 = 2074.865, n2 = 1037.433 (case 6); Schoenfeld 2:1 at HR 1.2, power 0.8 = 1062.537 events
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialExamples.SAMPLE_SIZE_REQUEST_WEIGHTED)
                .post("/api/v1/sample-size")
                .then().statusCode(200)
                .body("arms.participants", contains(2075, 1038))
                .body("participants", equalTo(3113))
                .body("hazardRatioDerived", equalTo(false))
                .body("events", equalTo(1063));
    }

    @Test
    void aMultiArmTrialComparesEachArmWithTheControlAndKeepsTheWeights() {
        String body = """
                {"assumptions": {"baselineIncidence": 0.3, "minimumDetectableDifference": 0.05, "alpha": 0.05, "power": 0.8},
                 "arms": [{"code": "a", "allocationWeight": 1}, {"code": "b", "allocationWeight": 2},
                          {"code": "control", "allocationWeight": 1, "control": true}]}""";
        // a vs control (1:1) needs 1376.3 per unit of weight, b vs control (2:1) 2074.87 / 2 = 1037.4: a binds.
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sample-size")
                .then().statusCode(200)
                .body("comparisons", hasSize(2))
                .body("comparisons.versus", contains("control", "control"))
                .body("arms.participants", contains(1377, 2753, 1377))
                .body("participants", equalTo(5507));
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
                .body("sampleSize.participants", equalTo(2754))
                .extract().path("id");
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id)
                .then().statusCode(200)
                .body("plannedEvents", equalTo(881))
                .body("sampleSize.events", equalTo(881))
                .body("sampleSize.arms.participants", contains(1377, 1377));
    }

    @Test
    void aTrialWithoutPowerAssumptionsOpensWithoutPlannedEvents() {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id)
                .then().statusCode(200).body("plannedEvents", equalTo(null)).body("sampleSize", equalTo(null));
    }
}
