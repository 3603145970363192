package dk.trials.enrolment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.contracts.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's conventions for this service: open operational endpoints, documented operations, problem+json. */
@QuarkusTest
class ApiDocumentationTest {

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
        given().get("/q/metrics").then().statusCode(200).body(containsString("trials_outbox_relayed"));
    }

    @Test
    void everyOperationHasAnIdADescriptionExamplesAndProblemResponses() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        List<String> shortfalls = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey() + " " + path.getKey();
                operations++;
                if (op.getValue().path("operationId").asText().isBlank() || op.getValue().path("description").asText().isBlank()) {
                    shortfalls.add(where + ": no operationId or description");
                }
                op.getValue().path("responses").fields().forEachRemaining(r -> {
                    if (r.getKey().startsWith("4") && !r.getValue().at("/content/application~1problem+json/schema/$ref").asText().endsWith("/Problem")) {
                        shortfalls.add(where + " " + r.getKey() + ": no Problem schema");
                    }
                    if (r.getKey().startsWith("2") && r.getValue().path("content").toString().indexOf("example") < 0) {
                        shortfalls.add(where + " " + r.getKey() + ": no example");
                    }
                });
            }
        }
        assertEquals(7, operations);
        assertTrue(shortfalls.isEmpty(), String.join("\n", shortfalls));
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
