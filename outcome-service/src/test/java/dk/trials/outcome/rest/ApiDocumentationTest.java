package dk.trials.outcome.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.testing.OpenApiConformance;
import dk.trials.outcome.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation documents an id, a description, examples, its 401/403 and the Problem schema on each 4xx. */
@QuarkusTest
class ApiDocumentationTest extends TestInfrastructure {

    @Test
    void everyOperationIsDocumented() throws Exception {
        JsonNode api = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        int operations = OpenApiConformance.operations(api).size();
        assertTrue(operations >= 6, "operations found: " + operations);
        assertEquals(List.of(), OpenApiConformance.shortfalls(api));
    }
}
