package dk.trials.trial.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.contracts.events.Topics;
import dk.trials.contracts.testing.TestKafka;
import dk.trials.contracts.testing.TestTokens;
import dk.trials.contracts.testing.TopicProbe;
import dk.trials.trial.TrialDesigns;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TrialEventPublicationTest {

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager entityManager;

    @Test
    void eachLifecycleStepIsPublishedInOrderKeyedByTrialWithItsFrozenDesign() throws Exception {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        for (String step : List.of("open", "pause", "resume", "close")) {
            given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/{step}", id, step)
                    .then().statusCode(200);
        }

        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.TRIAL_EVENTS)) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(id), r -> r.size() == 4);

            assertEquals(List.of("TRIAL_OPENED", "TRIAL_PAUSED", "TRIAL_RESUMED", "TRIAL_CLOSED"),
                    records.stream().map(r -> TopicProbe.header(r, Topics.EVENT_TYPE_HEADER)).toList());
            JsonNode opened = json.readTree(records.get(0).value());
            assertEquals(TopicProbe.header(records.get(0), Topics.EVENT_ID_HEADER), opened.get("eventId").asText());
            assertEquals(id, opened.get("trialId").asText());
            assertEquals(1, opened.get("version").asInt());
            assertEquals("RECRUITING", opened.at("/payload/status").asText());
            assertEquals(64, opened.at("/payload/designHash").asText().length());
            assertEquals("control", opened.at("/payload/design/arms/1/code").asText());
            assertEquals(26, opened.at("/payload/design/primaryOutcome/horizonWeeks").asInt());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue()) == 0);
    }
}
