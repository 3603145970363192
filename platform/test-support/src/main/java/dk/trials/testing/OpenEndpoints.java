package dk.trials.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What the contract opens to operators without a token, asserted alike for every service: liveness, readiness with
 * its database and broker checks, Prometheus metrics (the outbox relay's counter among them) and the OpenAPI document.
 */
public final class OpenEndpoints {

    private OpenEndpoints() {
    }

    public static void answerWithoutAToken() {
        given().get("/q/health/live").then().statusCode(200);
        // Readiness is the service's own database only; the broker is a wellness detail (it must not make a service
        // unready: the outbox bridges an outage).
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", not(hasItem(containsString("Kafka"))));
        given().get("/q/health/well").then().body("checks.name", hasItem("Kafka broker"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("trials_outbox_relayed"));
        given().get("/q/openapi").then().statusCode(200);
    }
}
