package dk.trials.trial.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.events.Topics;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
import dk.trials.trial.TrialAmendment;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dk.trials.trial.rest.AmendmentTest.amend;
import static dk.trials.trial.rest.AmendmentTest.openTrial;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An opened trial's monitoring plan changes only in ways that keep the error controlled: looks added between the
 * planned ones or before the first, another reporting lag or look time. Each such change is a numbered amendment
 * with the plan before and after, audited and published; anything else is refused by name and changes nothing.
 */
@QuarkusTest
class MonitoringPlanAmendmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLookAddedBeforeTheFirstAndANewLagAndLookTimeAreAmendedAuditedAndPublished() throws Exception {
        String id = openTrial();
        String hashAtOpening = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}", id)
                .then().extract().path("designHash");

        amend(id, """
                {"reason": "The committee asks for an early look", "monitoringPlan":
                  {"informationFractions": [0.25, 0.5, 0.75, 1], "reportingLagDays": 7, "lookTime": "07:30"}}""")
                .statusCode(201)
                .body("number", equalTo(1))
                .body("monitoringPlanBefore.informationFractions", contains(0.5f, 0.75f, 1.0f))
                .body("monitoringPlanBefore.reportingLagDays", equalTo(14))
                .body("monitoringPlanBefore.lookTime", equalTo("06:00"))
                .body("monitoringPlan.informationFractions", contains(0.25f, 0.5f, 0.75f, 1.0f))
                .body("monitoringPlan.spending.family", equalTo("asOF"))
                .body("monitoringPlan.reportingLagDays", equalTo(7))
                .body("monitoringPlan.lookTime", equalTo("07:30"))
                .body("plannedParticipants", equalTo(2000))
                .body("designHashBefore", equalTo(hashAtOpening));

        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}", id)
                .then().statusCode(200)
                .body("amendment", equalTo(1))
                .body("designHash", not(equalTo(hashAtOpening)))
                .body("monitoringPlan.informationFractions", contains(0.25f, 0.5f, 0.75f, 1.0f))
                .body("monitoringPlan.legacy", equalTo(false))
                // The planned events were frozen at opening: monitoring keeps dividing by them.
                .body("plannedEvents", equalTo(899));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/audit", id)
                .then().statusCode(200)
                .body("[2].action", equalTo("AMENDED"))
                .body("[2].designHashBefore", equalTo(hashAtOpening))
                .body("[2].detail", equalTo("amendment 1: The committee asks for an early look; monitoring plan "
                        + "informationFractions [0.5, 0.75, 1.0] → [0.25, 0.5, 0.75, 1.0], reportingLagDays 14 → 7, "
                        + "lookTime 06:00 → 07:30"));

        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.TRIAL_EVENTS)) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(id), r -> r.size() == 2);
            assertEquals("TRIAL_AMENDED", TopicProbe.header(records.get(1), Topics.EVENT_TYPE_HEADER));
            JsonNode plan = JSON.readTree(records.get(1).value()).at("/payload/design/monitoringPlan");
            assertEquals(JSON.readTree("[0.25, 0.5, 0.75, 1.0]"), plan.get("informationFractions"));
            assertEquals(7, plan.get("reportingLagDays").asInt());
            assertEquals("asOF", plan.at("/spending/family").asText());
        }
    }

    @Test
    void aLookAddedBetweenPlannedOnesIsAmendedAndTheOthersStay() {
        String id = openTrial();
        amend(id, "{\"reason\": \"A look at 60 %\", \"monitoringPlan\": {\"informationFractions\": [0.5, 0.6, 0.75, 1]}}")
                .statusCode(201)
                .body("monitoringPlan.informationFractions", contains(0.5f, 0.6f, 0.75f, 1.0f))
                .body("monitoringPlan.reportingLagDays", equalTo(14));
    }

    @Test
    void anAmendmentThatLeavesThePlanAloneRecordsNoPlan() {
        String id = openTrial();
        amend(id, "{\"reason\": \"More\", \"plannedParticipants\": 2500}")
                .statusCode(201)
                .body("monitoringPlanBefore", nullValue())
                .body("monitoringPlan", nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "another spending family|{\"spending\": {\"family\": \"asP\"}}|monitoringPlan.spending|the spending family and its γ never change",
            "the same family sent again|{\"spending\": {\"family\": \"asOF\"}}|monitoringPlan.spending|never change once a trial has opened",
            "futility added|{\"futility\": {\"method\": \"CONDITIONAL_POWER\", \"conditionalPowerBelow\": 0.1}}|monitoringPlan.futility|futility never changes",
            "a planned look removed|{\"informationFractions\": [0.5, 1]}|monitoringPlan.informationFractions|removes the planned look at 0.75",
            "a planned look moved|{\"informationFractions\": [0.5, 0.8, 1]}|monitoringPlan.informationFractions|removes the planned look at 0.75",
            "looks that no longer end at 1|{\"informationFractions\": [0.25, 0.5, 0.75]}|monitoringPlan.informationFractions|the last look must be at all the planned information",
            "looks out of order|{\"informationFractions\": [0.5, 0.25, 0.75, 1]}|monitoringPlan.informationFractions[1]|must increase strictly",
            "a look beyond all the information|{\"informationFractions\": [0.5, 0.75, 1, 1.5]}|monitoringPlan.informationFractions[3]|must lie in (0, 1]",
            "a lag of more than a year|{\"reportingLagDays\": 366}|monitoringPlan.reportingLagDays|less than or equal to 365",
            "a look time with seconds|{\"lookTime\": \"06:00:00\"}|monitoringPlan.lookTime|must be a time of day HH:mm",
            "the plan as it is|{\"reportingLagDays\": 14, \"lookTime\": \"06:00\"}|monitoringPlan|changes nothing in the plan",
            "something a plan does not have|{\"colour\": \"blue\"}|monitoringPlan.colour|not something an amendment changes in a plan"})
    void aPlanChangeThatWouldNotKeepTheErrorControlledIsRefusedAndChangesNothing(String rule, String plan, String field,
                                                                               String message) {
        String id = openTrial();
        String hash = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}", id).then().extract().path("designHash");

        amend(id, "{\"reason\": \"try\", \"monitoringPlan\": " + plan + "}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));

        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}", id)
                .then().body("designHash", equalTo(hash)).body("amendment", equalTo(0))
                .body("monitoringPlan.informationFractions", contains(0.5f, 0.75f, 1.0f));
        assertEquals(0, TrialAmendment.count("trialId", UUID.fromString(id)));
    }

    @Test
    void aTrialThatIsNotRandomisedHasNoPlanToAmend() {
        String id = given().auth().oauth2(TestTokens.designer()).contentType("application/json").body(dk.trials.trial.TrialDesigns.PILOT)
                .post("/api/v1/trials").then().statusCode(201).body("monitoringPlan", nullValue()).extract().path("id");
        TrialLifecycleTest.step(id, "open", 200);
        amend(id, "{\"reason\": \"try\", \"monitoringPlan\": {\"reportingLagDays\": 7}}")
                .statusCode(422)
                .body("errors[0].field", equalTo("monitoringPlan"))
                .body("errors[0].message", endsWith("there is no comparison to monitor"));
    }
}
