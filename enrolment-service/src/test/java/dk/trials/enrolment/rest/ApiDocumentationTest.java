package dk.trials.enrolment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.testing.OpenApiConformance;
import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(7, OpenApiConformance.operations(doc).size());
        assertEquals(List.of(), OpenApiConformance.shortfalls(doc));
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
