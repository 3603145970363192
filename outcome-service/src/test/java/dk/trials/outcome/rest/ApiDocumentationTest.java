package dk.trials.outcome.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.outcome.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation documents an id, a description, examples of success, and the Problem schema on each 4xx. */
@QuarkusTest
class ApiDocumentationTest extends TestInfrastructure {

    @Test
    void everyOperationIsDocumented() throws Exception {
        JsonNode api = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        List<String> shortfalls = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey() + " " + path.getKey();
                JsonNode operation = op.getValue();
                operations++;
                if (operation.path("operationId").asText().isBlank() || operation.path("description").asText().isBlank()) {
                    shortfalls.add(where + ": operationId or description missing");
                }
                boolean successExample = false;
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    JsonNode content = response.getValue().path("content");
                    if (response.getKey().startsWith("2")) {
                        for (JsonNode media : content) {
                            successExample |= media.has("example") || media.has("examples");
                        }
                    }
                    if (response.getKey().startsWith("4") && !content.path("application/problem+json").path("schema")
                            .path("$ref").asText().endsWith("/Problem")) {
                        shortfalls.add(where + ": " + response.getKey() + " without the Problem schema");
                    }
                }
                if (!successExample) {
                    shortfalls.add(where + ": no example of success");
                }
            }
        }
        assertTrue(operations >= 6, "operations found: " + operations);
        assertTrue(shortfalls.isEmpty(), String.join("\n", shortfalls));
    }
}
