package dk.trials.trial.rest;

import dk.trials.testing.TestTokens;
import dk.trials.trial.TrialDesigns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.endsWith;

@QuarkusTest
class TrialLifecycleTest {

    static String createDraft() {
        return given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .post("/api/v1/trials")
                .then().statusCode(201).extract().path("id");
    }

    static void step(String id, String step, int expectedStatus) {
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/{step}", id, step)
                .then().statusCode(expectedStatus);
    }

    @Test
    void aNewDesignIsADraftWithItsLocation() {
        var response = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .when().post("/api/v1/trials")
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("id", notNullValue())
                .body("arms[1].control", equalTo(true))
                .body("randomisation.stratifyBy[1]", equalTo("ageBand"))
                .body("createdBy", equalTo("test-trial-designer"))
                .extract();
        assertThat(response.header("Location"), endsWith("/api/v1/trials/" + response.path("id")));
    }

    @Test
    void openingFreezesTheDesignAndRecordsItsHash() {
        String id = createDraft();
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id)
                .then().statusCode(200)
                .body("status", equalTo("RECRUITING"))
                .body("designHash", hasLength(64));
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .put("/api/v1/trials/{id}", id)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theWholeLifecycleRunsInOrder() {
        String id = createDraft();
        step(id, "open", 200);
        step(id, "pause", 200);
        step(id, "resume", 200);
        step(id, "close", 200);
        step(id, "complete", 200);
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}", id)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @ParameterizedTest(name = "{1} from {0} is refused")
    @CsvSource({
            "DRAFT, pause", "DRAFT, resume", "DRAFT, close", "DRAFT, complete",
            "RECRUITING, open", "RECRUITING, resume", "RECRUITING, complete",
            "PAUSED, open", "PAUSED, pause", "PAUSED, complete",
            "FOLLOW_UP, open", "FOLLOW_UP, pause", "FOLLOW_UP, resume", "FOLLOW_UP, close",
            "COMPLETED, open", "COMPLETED, pause", "COMPLETED, resume", "COMPLETED, close", "COMPLETED, complete"})
    void illegalStepsAreConflicts(String from, String step) {
        String id = createDraft();
        switch (from) {
            case "RECRUITING" -> step(id, "open", 200);
            case "PAUSED" -> { step(id, "open", 200); step(id, "pause", 200); }
            case "FOLLOW_UP" -> { step(id, "open", 200); step(id, "close", 200); }
            case "COMPLETED" -> { step(id, "open", 200); step(id, "close", 200); step(id, "complete", 200); }
            default -> { }
        }
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/{step}", id, step)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("title", notNullValue());
        given().auth().oauth2(TestTokens.designer()).get("/api/v1/trials/{id}", id)
                .then().body("status", equalTo(from));
    }

    @Test
    void anUnknownTrialIsNotFound() {
        given().auth().oauth2(TestTokens.designer()).get("/api/v1/trials/{id}", java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
