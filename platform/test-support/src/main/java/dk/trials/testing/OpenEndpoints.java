package dk.trials.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

/**
 * What the contract opens to operators without a token, asserted alike for every service: liveness, readiness with
 * its database and broker checks, Prometheus metrics (the outbox relay's counter among them) and the OpenAPI document.
 */
public final class OpenEndpoints {

    private OpenEndpoints() {
    }

    public static void answerWithoutAToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
        given().get("/q/metrics").then().statusCode(200).body(containsString("trials_outbox_relayed"));
        given().get("/q/openapi").then().statusCode(200);
    }
}
