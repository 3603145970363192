package dk.trials.trial.messaging;

import dk.trials.events.Topics;
import dk.trials.testing.StandaloneBroker;
import dk.trials.testing.TestPostgres;
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
import dk.trials.trial.TrialDesigns;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A trial opened while Kafka is down is committed at once, and its event is delivered when the broker returns. */
@QuarkusTest
@TestProfile(OutboxDeliveryAfterBrokerOutageTest.BrokerAway.class)
class OutboxDeliveryAfterBrokerOutageTest {

    static final StandaloneBroker BROKER = new StandaloneBroker();

    public static class BrokerAway implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(UnstartedBroker.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    public static class UnstartedBroker implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", TestPostgres.jdbcUrl("trials_outage"),
                    "quarkus.datasource.username", TestPostgres.username(),
                    "quarkus.datasource.password", TestPostgres.password(),
                    "kafka.bootstrap.servers", BROKER.bootstrapServers(),
                    "trials.outbox.ack-timeout", "3s",
                    "trials.health.kafka-probe-interval", "1s");
        }

        @Override
        public void stop() {
        }
    }

    @Inject
    EntityManager entityManager;
    @Inject
    MeterRegistry registry;

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @Test
    void anEventCommittedWhileTheBrokerIsDownIsDeliveredWhenItReturns() {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        double failedRounds = relayFailures();
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id)
                .then().statusCode(200);

        // The relay tries, fails while the broker is away, and the event waits in the outbox.
        await().atMost(Duration.ofSeconds(30)).until(() -> relayFailures() > failedRounds);
        assertEquals(1, pendingEvents());
        // The outbox bridges the outage, so the service stays ready; the broker's state is a wellness detail.
        given().get("/q/health/ready").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("DOWN")));

        BROKER.start();

        try (TopicProbe probe = new TopicProbe(BROKER.bootstrapServers(), Topics.TRIAL_EVENTS)) {
            var records = await().atMost(Duration.ofSeconds(60)).until(() -> probe.recordsWithKey(id), r -> !r.isEmpty());
            assertEquals("TRIAL_OPENED", TopicProbe.header(records.get(0), Topics.EVENT_TYPE_HEADER));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingEvents() == 0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("UP")));
    }

    /** Rounds in which the outbox relay could not deliver (the relay's own counter). */
    private double relayFailures() {
        return registry.counter("trials.outbox.relay.failures").count();
    }

    private long pendingEvents() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue());
    }
}
