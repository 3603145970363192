package dk.trials.trial.rest;

import dk.trials.testing.TestTokens;
import dk.trials.trial.TrialDesigns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every change to a trial is in its audit trail, with who made it and the design's hash before and after. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void creationEditsStepsAndAmendmentsAreAuditedInOrderWithLinkedHashes() {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body(TrialDesigns.rct(d -> d.put("title", "Renamed"))).put("/api/v1/trials/{id}", id).then().statusCode(200);
        TrialLifecycleTest.step(id, "open", 200);
        AmendmentTest.amend(id, "{\"reason\": \"More\", \"plannedParticipants\": 2500}").statusCode(201);
        TrialLifecycleTest.step(id, "pause", 200);

        JsonPath trail = given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/audit", id)
                .then().statusCode(200)
                .body("action", contains("CREATED", "EDITED", "OPENED", "AMENDED", "PAUSED"))
                .body("actor", everyItem(equalTo("test-trial-designer")))
                .body("statusAfter", contains("DRAFT", "DRAFT", "RECRUITING", "RECRUITING", "PAUSED"))
                .body("[1].detail", equalTo("changed title"))
                .body("[3].detail", equalTo("amendment 1: More"))
                .extract().jsonPath();

        assertNull(trail.get("[0].designHashBefore"));
        for (int i = 1; i < 5; i++) {
            assertEquals(trail.getString("[" + (i - 1) + "].designHashAfter"), trail.getString("[" + i + "].designHashBefore"),
                    "entry " + i + " starts from the design the entry before left");
        }
        assertNotEquals(trail.getString("[0].designHashAfter"), trail.getString("[1].designHashAfter"), "the edit changed the design");
        String current = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}", id).then().extract().path("designHash");
        assertEquals(current, trail.getString("[4].designHashAfter"));
    }

    @Test
    void theTrailIsNotForJobcentresAndAnUnknownTrialHasNone() {
        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials/{id}/audit", UUID.randomUUID())
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/audit", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
