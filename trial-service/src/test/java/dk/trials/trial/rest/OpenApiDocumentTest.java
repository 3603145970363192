package dk.trials.trial.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.testing.OpenApiConformance;
import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation is documented for client authors, and the request examples it shows are accepted as they stand. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyOperationHasAnIdADescriptionExamplesAndItsErrors() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        assertEquals(List.of(), OpenApiConformance.shortfalls(document));
        int operations = OpenApiConformance.operations(document).size();
        assertTrue(operations >= 16, "found only " + operations + " operations");
    }

    @Test
    void theRequestExamplesAreAccepted() {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialExamples.DESIGN)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id).then().statusCode(200);
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialExamples.AMENDMENT_REQUEST)
                .post("/api/v1/trials/{id}/amendments", id).then().statusCode(201);
        for (String request : List.of(TrialExamples.SAMPLE_SIZE_REQUEST, TrialExamples.SAMPLE_SIZE_REQUEST_WEIGHTED)) {
            given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(request)
                    .post("/api/v1/sample-size").then().statusCode(200);
        }
    }

    @Test
    void theSampleSizeExampleIsWhatTheServiceAnswers() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode answered = json.readTree(given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body(TrialExamples.SAMPLE_SIZE_REQUEST).post("/api/v1/sample-size").then().statusCode(200).extract().asString());
        assertEquals(json.readTree(TrialExamples.SAMPLE_SIZE), answered);
    }
}
