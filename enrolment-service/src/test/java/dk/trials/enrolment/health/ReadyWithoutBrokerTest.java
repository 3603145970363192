package dk.trials.enrolment.health;

import dk.trials.testing.TestPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Readiness means "can serve": with no broker at all the service is ready (its database answers), and the broker's
 * absence is a wellness detail and the gauge trials_kafka_broker_up 0.
 */
@QuarkusTest
@TestProfile(ReadyWithoutBrokerTest.NoBroker.class)
class ReadyWithoutBrokerTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseOnly.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    public static class DatabaseOnly implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", TestPostgres.jdbcUrl("enrolments_no_broker"),
                    "quarkus.datasource.username", TestPostgres.username(),
                    "quarkus.datasource.password", TestPostgres.password(),
                    "kafka.bootstrap.servers", "127.0.0.1:" + closedPort(),
                    "trials.health.kafka-probe-interval", "1s");
        }

        @Override
        public void stop() {
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theServiceIsReadyWhileTheBrokerIsDownAndSaysSoInWellnessAndMetrics() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Kafka broker' }.data.error", not(equalTo("not probed yet"))));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", not(org.hamcrest.Matchers.hasItem("Kafka broker")));
        given().get("/q/metrics").then().statusCode(200).body(containsString("trials_kafka_broker_up 0.0"));
    }
}
