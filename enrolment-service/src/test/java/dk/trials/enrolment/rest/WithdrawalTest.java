package dk.trials.enrolment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.Topics;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Trials;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class WithdrawalTest {

    @Inject
    EventCodec codec;
    @Inject
    ObjectMapper json;

    private static Response withdraw(UUID trialId, String enrolmentId, String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/trials/{t}/enrolments/{e}/withdrawal", trialId, enrolmentId);
    }

    @Test
    void aWithdrawalIsRecordedBesideTheUnchangedAllocationAndPublished() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        Response enrolled = enrol(trialId, TestTokens.jobcentre("147"), citizen(Citizens.aged(23), "147"));
        String enrolmentId = enrolled.then().statusCode(201).extract().path("enrolmentId");
        String today = LocalDate.now(Citizens.COPENHAGEN).toString();

        withdraw(trialId, enrolmentId, TestTokens.jobcentre("101"), Map.of("reason", "Moved", "date", today))
                .then().statusCode(403);
        withdraw(trialId, enrolmentId, TestTokens.jobcentre("147"), Map.of("reason", "Wrote 010199-1234 here", "date", today))
                .then().statusCode(422).body("errors.field", containsInAnyOrder("reason"))
                .body(not(containsString("010199")));
        withdraw(trialId, enrolmentId, TestTokens.jobcentre("147"),
                Map.of("reason", "Moved", "date", LocalDate.now(Citizens.COPENHAGEN).minusDays(1).toString()))
                .then().statusCode(422).body("errors.field", containsInAnyOrder("date"));
        withdraw(trialId, enrolmentId, TestTokens.jobcentre("147"), Map.of("reason", "Moved"))
                .then().statusCode(400).body("errors[0].field", equalTo("date"));

        withdraw(trialId, enrolmentId, TestTokens.jobcentre("147"), Map.of("reason", "Moved abroad", "date", today))
                .then().statusCode(200)
                .body("arm", equalTo(enrolled.path("arm")))
                .body("withdrawal.date", equalTo(today))
                .body("withdrawal.reason", equalTo("Moved abroad"));
        withdraw(trialId, enrolmentId, TestTokens.admin(), Map.of("reason", "Again", "date", today))
                .then().statusCode(409);
        withdraw(trialId, UUID.randomUUID().toString(), TestTokens.admin(), Map.of("reason", "Who?", "date", today))
                .then().statusCode(404);

        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
            var records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(trialId.toString()), r -> r.size() == 2);
            ConsumerRecord<String, String> withdrawn = records.get(1);
            assertEquals("PARTICIPANT_WITHDRAWN", TopicProbe.header(withdrawn, Topics.EVENT_TYPE_HEADER));
            JsonNode payload = json.readTree(withdrawn.value()).path("payload");
            assertEquals(enrolmentId, payload.path("enrolmentId").asText());
            assertEquals(today, payload.path("withdrawnOn").asText());
            assertEquals(json.readTree(records.get(0).value()).at("/payload/participant"), payload.path("participant"));
        }
    }
}
