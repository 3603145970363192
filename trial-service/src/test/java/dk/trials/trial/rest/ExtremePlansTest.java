package dk.trials.trial.rest;

import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Numbers at the very edge of what each field accepts, alone or together, are computed with or refused as a rule
 * broken: a sample size is never a 5xx, whatever the assumptions and the plan.
 */
@QuarkusTest
class ExtremePlansTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the smallest baseline a double holds|4.9e-324|0.05|0.05|0.8|null|null|422",
            "a baseline a hair below one|0.9999999999|-0.5|0.05|0.8|null|null|200",
            "a treatment incidence a hair above zero|0.5|-0.4999999999|0.05|0.8|null|null|422",
            "a treatment incidence a hair above zero, with a hazard ratio|0.5|-0.4999999999|0.05|0.8|0.01|null|200",
            "the smallest alpha a double holds|0.3|0.05|4.9e-324|0.8|null|null|422",
            "a power a hair below one|0.3|0.05|0.05|0.9999999999|null|null|200",
            "the smallest hazard ratio a double holds|0.3|-0.05|0.05|0.8|4.9e-324|null|422",
            "the smallest hazard ratio accepted|0.3|-0.05|0.05|0.8|0.01|null|200",
            "the largest hazard ratio accepted|0.3|0.05|0.05|0.8|100|null|200",
            "a hazard ratio a hair above one|0.3|0.05|0.05|0.8|1.0000000001|null|422",
            "a first look at almost no information|0.3|0.05|0.05|0.8|null|[1e-300, 1]|200",
            "looks a hair apart|0.3|0.05|0.05|0.8|null|[0.9999999999, 1]|200",
            "ten looks|0.3|0.05|0.05|0.8|null|[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]|200"})
    void anExtremePlanIsComputedOrRefusedNeverAFailure(String what, String baseline, String difference, String alpha,
                                                      String power, String hazardRatio, String fractions, int status) {
        String body = "{\"assumptions\": {\"baselineIncidence\": " + baseline + ", \"minimumDetectableDifference\": "
                + difference + ", \"alpha\": " + alpha + ", \"power\": " + power + ", \"hazardRatio\": " + hazardRatio + "}"
                + ("null".equals(fractions) ? "" : ", \"monitoringPlan\": {\"informationFractions\": " + fractions + "}") + "}";
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sample-size")
                .then().statusCode(status)
                .contentType(status == 200 ? "application/json" : "application/problem+json")
                .body(status == 200 ? "participants" : "status", status == 200 ? org.hamcrest.Matchers.greaterThan(0)
                        : equalTo(status));
    }

    @ParameterizedTest(name = "γ {1} of {0}")
    @CsvSource({"asKD, 4.9e-324", "asKD, 10", "asHSD, -10", "asHSD, 10", "asHSD, 4.9e-324", "asHSD, -4.9e-324"})
    void anExtremeSpendingParameterIsComputedOrRefusedNeverAFailure(String family, String gamma) {
        String body = "{\"assumptions\": {\"baselineIncidence\": 0.3, \"minimumDetectableDifference\": 0.05, \"alpha\": 0.05, "
                + "\"power\": 0.8}, \"monitoringPlan\": {\"spending\": {\"family\": \"" + family + "\", \"gamma\": " + gamma + "}}}";
        int status = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sample-size").then().extract().statusCode();
        org.junit.jupiter.api.Assertions.assertTrue(status == 200 || status == 422, "answered " + status);
    }
}
