package dk.trials.trial.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trials.testing.OpenEndpoints;
import dk.trials.testing.TestTokens;
import dk.trials.trial.Trial;
import dk.trials.trial.TrialDesigns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The contract's conventions: bearer tokens, problem+json for every error, and bad input changes nothing. */
@QuarkusTest
class ApiConventionsTest {

    @Test
    void aRequestWithoutATokenIsUnauthorisedAndChangesNothing() {
        long before = Trial.count();
        given().contentType(ContentType.JSON).body(TrialDesigns.RCT).post("/api/v1/trials")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
        assertEquals(before, Trial.count());
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthorised() {
        String forged = TestTokens.designer();
        String tampered = forged.substring(0, forged.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(tampered).get("/api/v1/trials")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aValidTokenWithoutTheRoleIsForbidden() {
        long before = Trial.count();
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .post("/api/v1/trials")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        assertEquals(before, Trial.count());
    }

    @Test
    void malformedJsonIsABadRequestAndChangesNothing() {
        long before = Trial.count();
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body("{\"title\": \"unclosed")
                .post("/api/v1/trials")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", not(containsString("at ")));
        assertEquals(before, Trial.count());
    }

    @Test
    void aWrongTypeNamesTheField() {
        String wrongType = TrialDesigns.RCT.replace("\"allocationWeight\": 1},", "\"allocationWeight\": \"one\"},");
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(wrongType)
                .post("/api/v1/trials")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("arms[0].allocationWeight"));
    }

    @Test
    void aValueOutsideAClosedSetBreaksARuleAndNamesTheField() {
        String unknownType = TrialDesigns.RCT.replace("\"type\": \"RCT\"", "\"type\": \"LOTTERY\"");
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(unknownType)
                .post("/api/v1/trials")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("type"));
    }

    @Test
    void missingFieldsAreEachListed() {
        String noTitle = TrialDesigns.RCT.replace("\"title\": \"Early intensive contact for young dagpenge recipients\",", "")
                .replace("\"plannedParticipants\": 2000,", "");
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(noTitle)
                .post("/api/v1/trials")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("plannedParticipants"));
    }

    @Test
    void aMissingFieldMakesTheAnswerABadRequestEvenBesideABrokenRule() {
        String design = TrialDesigns.rct(d -> {
            d.remove("plannedParticipants");
            ((ObjectNode) d.get("arms").get(0)).put("allocationWeight", 0);
        });
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(design)
                .post("/api/v1/trials")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:trials:problem:validation"))
                .body("errors.field", contains("arms[0].allocationWeight", "plannedParticipants"));
    }

    @Test
    void aReadableFieldOutOfRangeIsUnprocessable() {
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body(TrialDesigns.rct(d -> d.put("plannedParticipants", 0)))
                .post("/api/v1/trials")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:trials:problem:unprocessable"))
                .body("errors.field", contains("plannedParticipants"));
    }

    @Test
    void anIdThatIsNoUuidCannotBeReadRatherThanNotFound() {
        given().auth().oauth2(TestTokens.designer()).get("/api/v1/trials/{id}", "trial-42")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:trials:problem:malformed"))
                .body("errors.field", contains("id"))
                .body(org.hamcrest.Matchers.not(containsString("trial-42")));
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        given().auth().oauth2(TestTokens.designer()).get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        OpenEndpoints.answerWithoutAToken();
    }
}
