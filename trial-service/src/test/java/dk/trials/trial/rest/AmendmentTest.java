package dk.trials.trial.rest;

import dk.trials.testing.TestTokens;
import dk.trials.trial.TrialAmendment;
import dk.trials.trial.TrialDesigns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** After opening, a design changes only by numbered amendments that widen it; its core never changes. */
@QuarkusTest
class AmendmentTest {

    static String openTrial() {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.POWERED_RCT)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id).then().statusCode(200);
        return id;
    }

    static io.restassured.response.ValidatableResponse amend(String id, String body) {
        return given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/trials/{id}/amendments", id).then();
    }

    @Test
    void anAmendmentWidensTheDesignIsNumberedKeptAndRehashesIt() {
        String id = openTrial();
        String hashAtOpening = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}", id)
                .then().extract().path("designHash");

        amend(id, """
                {"reason": "Aalborg joins", "addJobcentres": ["851"], "enrolmentPeriodEnd": "2028-03-31", "plannedParticipants": 3000}""")
                .statusCode(201)
                .header("Location", endsWith("/api/v1/trials/" + id + "/amendments/1"))
                .body("number", equalTo(1))
                .body("reason", equalTo("Aalborg joins"))
                .body("addedJobcentres", contains("851"))
                .body("addedJobcentreNames.851", equalTo("Aalborg"))
                .body("enrolmentPeriodEndBefore", equalTo("2027-12-31"))
                .body("enrolmentPeriodEnd", equalTo("2028-03-31"))
                .body("plannedParticipantsBefore", equalTo(2000))
                .body("plannedParticipants", equalTo(3000))
                .body("designHashBefore", equalTo(hashAtOpening))
                .body("amendedBy", equalTo("test-trial-designer"));

        String hashAfter = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}", id)
                .then().statusCode(200)
                .body("amendment", equalTo(1))
                .body("jobcentres", contains("101", "147", "751", "851"))
                .body("jobcentreNames.851", equalTo("Aalborg"))
                .body("enrolmentPeriod.end", equalTo("2028-03-31"))
                .body("plannedParticipants", equalTo(3000))
                .body("designHash", not(equalTo(hashAtOpening)))
                .body("plannedEvents", equalTo(899))
                .extract().path("designHash");

        amend(id, "{\"reason\": \"More participants\", \"plannedParticipants\": 3500}")
                .statusCode(201).body("number", equalTo(2)).body("designHashBefore", equalTo(hashAfter));

        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials/{id}/amendments", id)
                .then().statusCode(200)
                .body("number", contains(1, 2))
                .body("reason", contains("Aalborg joins", "More participants"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/amendments/2", id)
                .then().statusCode(200).body("plannedParticipantsBefore", equalTo(3000));
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/amendments/3", id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} never changes after opening")
    @CsvSource(delimiter = '|', value = {
            "arms|[{\"code\": \"treatment\", \"name\": \"X\", \"allocationWeight\": 2}, {\"code\": \"control\", \"name\": \"Y\", \"allocationWeight\": 1, \"control\": true}]|arms never change",
            "randomisation|{\"method\": \"SIMPLE\"}|randomisation never changes",
            "primaryOutcome|{\"type\": \"JOB_EXIT\", \"horizonWeeks\": 52}|primary outcome never changes",
            "power|{\"baselineIncidence\": 0.3, \"minimumDetectableDifference\": 0.1, \"alpha\": 0.05, \"power\": 0.8}|power assumptions never change",
            "eligibility|{\"minAge\": 16}|eligibility is frozen",
            "jobcentres|[\"101\"]|can only be added, with addJobcentres",
            "colour|\"blue\"|is not something an amendment changes"})
    void anAmendmentThatTouchesTheFrozenDesignIsRefused(String field, String value, String message) {
        String id = openTrial();
        String hash = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}", id).then().extract().path("designHash");

        amend(id, "{\"reason\": \"try\", \"plannedParticipants\": 2500, \"" + field + "\": " + value + "}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));

        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}", id)
                .then().body("designHash", equalTo(hash)).body("amendment", equalTo(0)).body("plannedParticipants", equalTo(2000));
        assertEquals(0, TrialAmendment.count("trialId", UUID.fromString(id)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown jobcentre|{\"reason\": \"r\", \"addJobcentres\": [\"999\"]}|addJobcentres[0]|is not a municipality code",
            "a jobcentre already in the trial|{\"reason\": \"r\", \"addJobcentres\": [\"147\"]}|addJobcentres[0]|already takes part",
            "a jobcentre added twice|{\"reason\": \"r\", \"addJobcentres\": [\"851\", \"851\"]}|addJobcentres[1]|listed twice",
            "a shorter enrolment period|{\"reason\": \"r\", \"enrolmentPeriodEnd\": \"2027-06-30\"}|enrolmentPeriodEnd|beyond its current end 2027-12-31",
            "fewer planned participants|{\"reason\": \"r\", \"plannedParticipants\": 1500}|plannedParticipants|above the current 2000",
            "no change at all|{\"reason\": \"r\"}|amendment|changes nothing"})
    void anAmendmentMustWidenTheDesign(String rule, String body, String field, String message) {
        String id = openTrial();
        amend(id, body).statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
        assertEquals(0, TrialAmendment.count("trialId", UUID.fromString(id)));
    }

    @Test
    void anAmendmentNeedsAReason() {
        String id = openTrial();
        amend(id, "{\"plannedParticipants\": 2500}").statusCode(400).body("errors.field", contains("reason"));
    }

    @ParameterizedTest(name = "a {0} trial is not amended")
    @ValueSource(strings = {"DRAFT", "FOLLOW_UP", "COMPLETED"})
    void onlyARecruitingOrPausedTrialIsAmended(String status) {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        if (!status.equals("DRAFT")) {
            TrialLifecycleTest.step(id, "open", 200);
            TrialLifecycleTest.step(id, "close", 200);
        }
        if (status.equals("COMPLETED")) {
            TrialLifecycleTest.step(id, "complete", 200);
        }
        amend(id, "{\"reason\": \"r\", \"plannedParticipants\": 2500}")
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aPausedTrialIsAmended() {
        String id = openTrial();
        TrialLifecycleTest.step(id, "pause", 200);
        amend(id, "{\"reason\": \"r\", \"addJobcentres\": [\"461\"]}").statusCode(201);
    }

    @Test
    void onlyATrialDesignerAmendsAndAnUnknownTrialIsNotFound() {
        String id = openTrial();
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("{\"reason\": \"r\", \"plannedParticipants\": 2500}")
                .post("/api/v1/trials/{id}/amendments", id).then().statusCode(403);
        amend(UUID.randomUUID().toString(), "{\"reason\": \"r\", \"plannedParticipants\": 2500}").statusCode(404);
    }
}
