package dk.trials.trial.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
import dk.trials.trial.Trial;
import dk.trials.trial.TrialDesigns;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
class TrialEventPublicationTest {

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager entityManager;
    @Inject
    TrialEventPublisher publisher;

    @Test
    void eachLifecycleStepAndAmendmentIsPublishedInOrderKeyedByTrialWithTheFullDesign() throws Exception {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.POWERED_RCT)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        for (String step : List.of("open", "pause", "resume")) {
            given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/{step}", id, step)
                    .then().statusCode(200);
        }
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body("{\"reason\": \"Odense joins\", \"addJobcentres\": [\"461\"]}")
                .post("/api/v1/trials/{id}/amendments", id).then().statusCode(201);
        for (String step : List.of("close", "complete")) {
            given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/{step}", id, step)
                    .then().statusCode(200);
        }

        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.TRIAL_EVENTS)) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(id), r -> r.size() == 6);

            assertEquals(List.of("TRIAL_OPENED", "TRIAL_PAUSED", "TRIAL_RESUMED", "TRIAL_AMENDED", "TRIAL_CLOSED", "TRIAL_COMPLETED"),
                    records.stream().map(r -> TopicProbe.header(r, Topics.EVENT_TYPE_HEADER)).toList());
            // Every lifecycle step and the amendment is numbered, one more each, whatever the envelope's schema version.
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), trialVersions(records));
            JsonNode opened = json.readTree(records.get(0).value());
            assertEquals(TopicProbe.header(records.get(0), Topics.EVENT_ID_HEADER), opened.get("eventId").asText());
            assertEquals(id, opened.get("trialId").asText());
            assertEquals(1, opened.get("version").asInt());
            assertEquals("RECRUITING", opened.at("/payload/status").asText());
            assertEquals(64, opened.at("/payload/designHash").asText().length());
            assertEquals("control", opened.at("/payload/design/arms/1/code").asText());
            assertEquals(26, opened.at("/payload/design/primaryOutcome/horizonWeeks").asInt());
            assertEquals(899, opened.at("/payload/plannedEvents").asInt());
            assertEquals(0, opened.at("/payload/amendment").asInt());
            // The plan the trial is monitored by, defaults filled in, and each comparison's frozen size.
            assertEquals(json.readTree("""
                    {"informationFractions": [0.5, 0.75, 1.0], "spending": {"family": "asOF", "gamma": null}, "futility": null,
                     "reportingLagDays": 14, "lookTime": "06:00:00"}"""), opened.at("/payload/design/monitoringPlan"));
            assertEquals(json.readTree("""
                    [{"arm": "treatment", "versus": "control", "alpha": 0.05, "plannedEvents": 899, "armParticipants": 1404,
                      "versusParticipants": 1404}]"""), opened.at("/payload/comparisonPlans"));

            JsonNode amended = json.readTree(records.get(3).value());
            assertEquals(1, amended.at("/payload/amendment").asInt());
            assertEquals("RECRUITING", amended.at("/payload/status").asText());
            assertEquals("461", amended.at("/payload/design/jobcentres/3").asText());
            assertEquals(899, amended.at("/payload/plannedEvents").asInt());
            assertEquals(opened.at("/payload/comparisonPlans"), amended.at("/payload/comparisonPlans"));
            assertEquals(0.05, amended.at("/payload/design/power/minimumDetectableDifference").asDouble());
            String amendedHash = amended.at("/payload/designHash").asText();
            assertNotEquals(opened.at("/payload/designHash").asText(), amendedHash);
            // Consumers read the payload back into the shared record, whole.
            TrialSnapshot snapshot = json.treeToValue(amended.get("payload"), TrialSnapshot.class);
            assertEquals(1, snapshot.amendment());
            assertEquals(4L, snapshot.trialVersion());
            assertEquals(899, snapshot.plannedEvents());
            assertEquals(List.of(0.5, 0.75, 1.0), snapshot.design().monitoringPlan().informationFractions());
            assertEquals(java.time.LocalTime.of(6, 0), snapshot.design().monitoringPlan().lookTime());
            assertEquals(899, snapshot.comparisonPlans().get(0).plannedEvents());
            assertEquals(List.of("101", "147", "751", "461"), snapshot.design().jobcentres());
            assertEquals(0.30, snapshot.design().power().baselineIncidence());
            JsonNode completed = json.readTree(records.get(5).value());
            assertEquals(amendedHash, completed.at("/payload/designHash").asText());
            assertEquals(1, completed.at("/payload/amendment").asInt());
        }
        assertEquals(6, storedTrialVersion(id));
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue()) == 0);
    }

    @Test
    void aDraftPublishesNothingSoItsEditsNumberNoEventAndOpeningPublishesVersionOne() throws Exception {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.POWERED_RCT)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body(TrialDesigns.rct(d -> d.put("plannedParticipants", 3000)))
                .put("/api/v1/trials/{id}", id).then().statusCode(200);
        assertEquals(0, storedTrialVersion(id));

        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id).then().statusCode(200);

        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.TRIAL_EVENTS)) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(id), r -> r.size() == 1);
            assertEquals(List.of(1L), trialVersions(records));
        }
        assertEquals(1, storedTrialVersion(id));
    }

    /**
     * Amendments of one trial sent all at once wait for each other on the trial's row lock, so their versions follow
     * on without a gap or a repeat, in the order the relay sends them (commit order).
     */
    @Test
    void concurrentAmendmentsOfOneTrialAreNumberedWithoutGapsInCommitOrder() throws Exception {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.POWERED_RCT)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id).then().statusCode(200);
        List<String> joining = List.of("151", "153", "155", "157", "159", "161", "163", "165");
        ExecutorService clients = Executors.newFixedThreadPool(joining.size());
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String jobcentre : joining) {
                statuses.add(clients.submit(() -> given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                        .body("{\"reason\": \"" + jobcentre + " joins\", \"addJobcentres\": [\"" + jobcentre + "\"]}")
                        .post("/api/v1/trials/{id}/amendments", id).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(201, status.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }

        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.TRIAL_EVENTS)) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(id), r -> r.size() == 9);
            assertEquals(LongStream.rangeClosed(1, 9).boxed().toList(), trialVersions(records));
            // Amendment n is the trial's event n + 1: numbered under the same lock as the version.
            for (ConsumerRecord<String, String> record : records) {
                JsonNode payload = json.readTree(record.value()).get("payload");
                assertEquals(payload.get("trialVersion").asLong() - 1, payload.get("amendment").asLong());
            }
        }
        assertEquals(9, storedTrialVersion(id));
    }

    @Test
    void aTrialEventIsNeverNumberedWithoutTheTrialsRowLock() {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.POWERED_RCT)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");

        QuarkusTransaction.requiringNew().run(() -> {
            Trial unlocked = Trial.findById(UUID.fromString(id));
            assertThrows(IllegalStateException.class, () -> publisher.publish(EventType.TRIAL_OPENED, unlocked));
            assertEquals(0, unlocked.trialVersion);
        });
        assertEquals(0, storedTrialVersion(id));
    }

    private List<Long> trialVersions(List<ConsumerRecord<String, String>> records) throws Exception {
        List<Long> versions = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            versions.add(json.readTree(record.value()).at("/payload/trialVersion").asLong());
        }
        return versions;
    }

    private long storedTrialVersion(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select trial_version from trial where id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult()).longValue());
    }
}
