package dk.trials.trial.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trials.testing.TestTokens;
import dk.trials.trial.Trial;
import dk.trials.trial.TrialAuditEntry;
import dk.trials.trial.TrialDesigns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dk.trials.trial.TrialDesigns.object;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each rule of a monitoring plan, broken on its own, is one errors entry naming the field, and nothing is stored
 * (422 for a rule, 400 for what cannot be read); a plan left out, or in part, is stored with the defaults filled in.
 */
@QuarkusTest
class MonitoringPlanValidationTest {

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                // Information fractions
                broken("no looks", "{\"informationFractions\": []}", 422, "monitoringPlan.informationFractions", "1 to 10 looks, found 0"),
                broken("eleven looks", "{\"informationFractions\": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1]}",
                        422, "monitoringPlan.informationFractions", "1 to 10 looks, found 11"),
                broken("a look at no information", "{\"informationFractions\": [0, 0.5, 1]}",
                        422, "monitoringPlan.informationFractions[0]", "must lie in (0, 1]"),
                broken("a look beyond all the information", "{\"informationFractions\": [0.5, 1.2]}",
                        422, "monitoringPlan.informationFractions[1]", "must lie in (0, 1]"),
                broken("a look repeated", "{\"informationFractions\": [0.5, 0.5, 1]}",
                        422, "monitoringPlan.informationFractions[1]", "must increase strictly: this one is not above the one before it"),
                broken("looks that end before all the information", "{\"informationFractions\": [0.5, 0.8]}",
                        422, "monitoringPlan.informationFractions", "the last look must be at all the planned information, 1"),
                broken("fractions that are not numbers", "{\"informationFractions\": [\"half\", 1]}",
                        400, "monitoringPlan.informationFractions[0]", "wrong type"),
                // Spending
                broken("an unknown spending family", "{\"spending\": {\"family\": \"asXY\"}}",
                        422, "monitoringPlan.spending.family", "must be one of asOF, asP, asKD, asHSD, LanDeMetsClassic"),
                broken("spending without a family", "{\"spending\": {\"gamma\": 2}}",
                        400, "monitoringPlan.spending.family", "must not be null"),
                broken("Kim–DeMets without γ", "{\"spending\": {\"family\": \"asKD\"}}",
                        422, "monitoringPlan.spending.gamma", "is required for asKD"),
                broken("Kim–DeMets with a negative γ", "{\"spending\": {\"family\": \"asKD\", \"gamma\": -1}}",
                        422, "monitoringPlan.spending.gamma", "asKD needs γ from 0.4 to 8"),
                broken("Kim–DeMets with γ 0.3", "{\"spending\": {\"family\": \"asKD\", \"gamma\": 0.3}}",
                        422, "monitoringPlan.spending.gamma", "asKD needs γ from 0.4 to 8"),
                broken("Kim–DeMets with γ 10", "{\"spending\": {\"family\": \"asKD\", \"gamma\": 10}}",
                        422, "monitoringPlan.spending.gamma", "asKD needs γ from 0.4 to 8"),
                broken("Hwang–Shih–DeCani with γ 6", "{\"spending\": {\"family\": \"asHSD\", \"gamma\": 6}}",
                        422, "monitoringPlan.spending.gamma", "asHSD needs γ within [−10, 5]"),
                broken("Hwang–Shih–DeCani with the smallest γ a double holds", "{\"spending\": {\"family\": \"asHSD\", \"gamma\": 4.9e-324}}",
                        422, "monitoringPlan.spending.gamma", "at least 0.001 away from 0"),
                broken("Hwang–Shih–DeCani with γ 0", "{\"spending\": {\"family\": \"asHSD\", \"gamma\": 0}}",
                        422, "monitoringPlan.spending.gamma", "asHSD needs γ within [−10, 5]"),
                broken("Hwang–Shih–DeCani with γ 12", "{\"spending\": {\"family\": \"asHSD\", \"gamma\": 12}}",
                        422, "monitoringPlan.spending.gamma", "asHSD needs γ within [−10, 5]"),
                broken("O'Brien–Fleming with γ", "{\"spending\": {\"family\": \"asOF\", \"gamma\": 1}}",
                        422, "monitoringPlan.spending.gamma", "asOF takes no γ"),
                // Futility
                broken("beta spending at a single look", "{\"informationFractions\": [1], \"futility\": {\"method\": \"BETA_SPENDING\", \"betaSpending\": \"bsOF\"}}",
                        422, "monitoringPlan.futility.method", "at least two looks"),
                broken("beta spending without a family", "{\"futility\": {\"method\": \"BETA_SPENDING\"}}",
                        422, "monitoringPlan.futility.betaSpending", "is required for BETA_SPENDING: one of bsOF, bsP, bsKD, bsHSD"),
                broken("an unknown beta family", "{\"futility\": {\"method\": \"BETA_SPENDING\", \"betaSpending\": \"asOF\"}}",
                        422, "monitoringPlan.futility.betaSpending", "must be one of bsOF, bsP, bsKD, bsHSD"),
                broken("bsKD without γ", "{\"futility\": {\"method\": \"BETA_SPENDING\", \"betaSpending\": \"bsKD\"}}",
                        422, "monitoringPlan.futility.gamma", "is required for bsKD"),
                broken("bsOF with γ", "{\"futility\": {\"method\": \"BETA_SPENDING\", \"betaSpending\": \"bsOF\", \"gamma\": 2}}",
                        422, "monitoringPlan.futility.gamma", "bsOF takes no γ"),
                broken("beta spending with a threshold", "{\"futility\": {\"method\": \"BETA_SPENDING\", \"betaSpending\": \"bsOF\", \"conditionalPowerBelow\": 0.1}}",
                        422, "monitoringPlan.futility.conditionalPowerBelow", "only CONDITIONAL_POWER"),
                broken("conditional power without a threshold", "{\"futility\": {\"method\": \"CONDITIONAL_POWER\"}}",
                        422, "monitoringPlan.futility.conditionalPowerBelow", "is required for CONDITIONAL_POWER"),
                broken("a conditional-power threshold of 1", "{\"futility\": {\"method\": \"CONDITIONAL_POWER\", \"conditionalPowerBelow\": 1}}",
                        422, "monitoringPlan.futility.conditionalPowerBelow", "strictly between 0 and 1"),
                broken("conditional power with a beta family", "{\"futility\": {\"method\": \"CONDITIONAL_POWER\", \"conditionalPowerBelow\": 0.1, \"betaSpending\": \"bsOF\"}}",
                        422, "monitoringPlan.futility.betaSpending", "only BETA_SPENDING"),
                broken("an unknown futility method", "{\"futility\": {\"method\": \"HUNCH\"}}",
                        422, "monitoringPlan.futility.method", "must be one of BETA_SPENDING, CONDITIONAL_POWER"),
                broken("futility without a method", "{\"futility\": {\"conditionalPowerBelow\": 0.1}}",
                        400, "monitoringPlan.futility.method", "must not be null"),
                // Lag and look time
                broken("a negative reporting lag", "{\"reportingLagDays\": -1}",
                        422, "monitoringPlan.reportingLagDays", "greater than or equal to 0"),
                broken("a reporting lag of more than a year", "{\"reportingLagDays\": 366}",
                        422, "monitoringPlan.reportingLagDays", "less than or equal to 365"),
                broken("a look time past midnight", "{\"lookTime\": \"25:00\"}",
                        422, "monitoringPlan.lookTime", "must be a time of day HH:mm"),
                broken("a look time with seconds", "{\"lookTime\": \"06:00:00\"}",
                        422, "monitoringPlan.lookTime", "must be a time of day HH:mm"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aBrokenRuleOfThePlanIsOneErrorEntryAndNothingIsStored(String rule, String plan, int status, String field,
                                                               String message) {
        long trials = Trial.count();
        long auditEntries = TrialAuditEntry.count();

        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(powered(plan))
                .post("/api/v1/trials")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));

        assertEquals(trials, Trial.count(), "no trial is stored");
        assertEquals(auditEntries, TrialAuditEntry.count(), "nothing is audited");
    }

    @Test
    void betaSpendingFutilitySpendsBetaFromThePowerSoNeedsPowerAssumptions() {
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body(TrialDesigns.rct(d -> d.set("monitoringPlan",
                        object("{\"futility\": {\"method\": \"BETA_SPENDING\", \"betaSpending\": \"bsOF\"}}"))))
                .post("/api/v1/trials")
                .then().statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("monitoringPlan.futility.method"))
                .body("errors[0].message", containsString("needs power assumptions with power"));
    }

    @Test
    void aDesignThatIsNotRandomisedHasNoComparisonToMonitor() {
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body(TrialDesigns.pilot(d -> d.set("monitoringPlan", object("{\"reportingLagDays\": 7}"))))
                .post("/api/v1/trials")
                .then().statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("monitoringPlan"))
                .body("errors[0].message", containsString("no comparison to monitor"));
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.PILOT)
                .post("/api/v1/trials")
                .then().statusCode(201).body("monitoringPlan", nullValue());
    }

    @Test
    void aRandomisedDesignWithoutAPlanIsStoredWithTheDefaultPlan() {
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .post("/api/v1/trials")
                .then().statusCode(201)
                .body("monitoringPlan.informationFractions", contains(0.5f, 0.75f, 1.0f))
                .body("monitoringPlan.spending.family", equalTo("asOF"))
                .body("monitoringPlan.spending.gamma", nullValue())
                .body("monitoringPlan.futility", nullValue())
                .body("monitoringPlan.reportingLagDays", equalTo(14))
                .body("monitoringPlan.lookTime", equalTo("06:00"))
                .body("monitoringPlan.legacy", equalTo(false));
    }

    @Test
    void whatAPlanLeavesOutTakesTheDefaultAndWhatItNamesIsKept() {
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body(powered("{\"spending\": {\"family\": \"asHSD\", \"gamma\": -4}, "
                        + "\"futility\": {\"method\": \"BETA_SPENDING\", \"betaSpending\": \"bsKD\", \"gamma\": 2}, \"lookTime\": \"07:30\"}"))
                .post("/api/v1/trials")
                .then().statusCode(201)
                .body("monitoringPlan.informationFractions", contains(0.5f, 0.75f, 1.0f))
                .body("monitoringPlan.spending.family", equalTo("asHSD"))
                .body("monitoringPlan.spending.gamma", equalTo(-4.0f))
                .body("monitoringPlan.futility.method", equalTo("BETA_SPENDING"))
                .body("monitoringPlan.futility.betaSpending", equalTo("bsKD"))
                .body("monitoringPlan.futility.gamma", equalTo(2.0f))
                .body("monitoringPlan.reportingLagDays", equalTo(14))
                .body("monitoringPlan.lookTime", equalTo("07:30"));
    }

    @Test
    void anExplicitDefaultPlanIsTheSameDesignAsNoPlanAndHashesAlike() {
        String withoutPlan = openedHash(TrialDesigns.POWERED_RCT);
        String withDefaults = openedHash(powered("""
                {"informationFractions": [0.5, 0.75, 1], "spending": {"family": "asOF"}, "reportingLagDays": 14, "lookTime": "06:00"}"""));
        String withOtherLag = openedHash(powered("{\"reportingLagDays\": 13}"));
        assertEquals(withoutPlan, withDefaults);
        org.junit.jupiter.api.Assertions.assertNotEquals(withoutPlan, withOtherLag, "the plan is part of the hashed design");
    }

    private static String openedHash(String design) {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(design)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        return given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id)
                .then().statusCode(200).extract().path("designHash");
    }

    private static Arguments broken(String rule, String plan, int status, String field, String message) {
        return Arguments.of(rule, plan, status, field, message);
    }

    /** The powered RCT with this plan. */
    private static String powered(String plan) {
        ObjectNode node = object(TrialDesigns.POWERED_RCT);
        node.set("monitoringPlan", object(plan));
        return node.toString();
    }
}
