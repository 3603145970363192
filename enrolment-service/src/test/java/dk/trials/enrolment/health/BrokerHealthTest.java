package dk.trials.enrolment.health;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** With the broker up, its wellness check is UP with the broker's node count, and the gauge says 1. */
@QuarkusTest
class BrokerHealthTest {

    @Test
    void theBrokerIsAWellnessDetailAndAGauge() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka broker' }.data.nodes", equalTo(1)));
        given().get("/q/metrics").then().statusCode(200).body(containsString("trials_kafka_broker_up 1.0"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
