package dk.trials.trial.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.contracts.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
        List<String> gaps = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                for (String field : List.of("operationId", "summary", "description")) {
                    if (operation.path(field).asText().isBlank()) {
                        gaps.add(name + " has no " + field);
                    }
                }
                if (operation.has("requestBody") && !hasExamples(operation.get("requestBody"))) {
                    gaps.add(name + " has no request example");
                }
                boolean documentedError = false;
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.get("responses").fields(); responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    if (response.getKey().startsWith("2") && response.getValue().has("content") && !hasExamples(response.getValue())) {
                        gaps.add(name + " has no example for " + response.getKey());
                    }
                    documentedError |= response.getKey().startsWith("4");
                }
                if (!documentedError || !operation.get("responses").has("401") || !operation.get("responses").has("403")) {
                    gaps.add(name + " does not document its 4xx answers");
                }
            }
        }
        assertEquals(List.of(), gaps);
        assertTrue(operations >= 16, "found only " + operations + " operations");
        assertTrue(document.at("/components/schemas/Problem").isObject());
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

    private static boolean hasExamples(JsonNode holder) {
        for (JsonNode media : holder.path("content")) {
            if (media.has("examples") || media.has("example")) {
                return true;
            }
        }
        return false;
    }
}
