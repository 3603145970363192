package dk.trials.enrolment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.EnrolmentTransfer;
import dk.trials.enrolment.Trials;
import dk.trials.events.Topics;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A citizen who moves municipality is handed to another jobcentre by an admin; the allocation never changes. */
@QuarkusTest
class TransferTest {

    @Inject
    EventCodec codec;
    @Inject
    ObjectMapper json;

    static Response transfer(UUID trialId, String enrolmentId, String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/trials/{t}/enrolments/{e}/transfer", trialId, enrolmentId);
    }

    private static Response read(UUID trialId, String enrolmentId, String token) {
        return given().auth().oauth2(token).get("/api/v1/trials/{t}/enrolments/{e}", trialId, enrolmentId);
    }

    @Test
    void afterATransferTheNewJobcentreActsForTheParticipantAndTheOldOneIsAnyOtherJobcentre() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.blocks(List.of(4, 6), StratificationFactor.JOBCENTRE),
                Trials.ONE_TO_ONE));
        String cpr = Citizens.aged(26);
        Response first = enrol(trialId, TestTokens.jobcentre("101"), citizen(cpr, "101"));
        String enrolmentId = first.then().statusCode(201).extract().path("enrolmentId");

        transfer(trialId, enrolmentId, TestTokens.admin(), Map.of("jobcentre", "147", "reason", "Moved to Frederiksberg"))
                .then().statusCode(200)
                .body("enrolmentId", equalTo(enrolmentId))
                .body("arm", equalTo(first.path("arm")))
                .body("stratum", equalTo("jobcentre=101"))
                .body("jobcentre", equalTo("101"))
                .body("responsibleJobcentre", equalTo("147"));

        assertEquals(first.asString(), enrol(trialId, TestTokens.jobcentre("147"), citizen(cpr, "147"))
                .then().statusCode(200).extract().asString());
        enrol(trialId, TestTokens.jobcentre("101"), citizen(cpr, "101"))
                .then().statusCode(409).body("type", equalTo("urn:trials:problem:enrolled-elsewhere"));
        read(trialId, enrolmentId, TestTokens.jobcentre("147")).then().statusCode(200)
                .body("responsibleJobcentre", equalTo("147"));
        read(trialId, enrolmentId, TestTokens.jobcentre("101")).then().statusCode(403)
                .body(not(containsString("147")));

        Enrolment stored = QuarkusTransaction.requiringNew().call(() -> Enrolment.findById(UUID.fromString(enrolmentId)));
        assertEquals("101", stored.jobcentre);
        assertEquals(first.<String>path("arm"), stored.arm);
        EnrolmentTransfer audit = QuarkusTransaction.requiringNew().call(() ->
                EnrolmentTransfer.<EnrolmentTransfer>find("enrolmentId", UUID.fromString(enrolmentId)).singleResult());
        assertEquals(List.of("101", "147", "Moved to Frederiksberg", "test-admin", 1),
                List.of(audit.fromJobcentre, audit.toJobcentre, audit.reason, audit.transferredBy, audit.number));
        assertNotNull(audit.transferredAt);

        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(trialId.toString()), r -> r.size() == 2);
            assertEquals("PARTICIPANT_TRANSFERRED", TopicProbe.header(records.get(1), Topics.EVENT_TYPE_HEADER));
            JsonNode payload = json.readTree(records.get(1).value()).path("payload");
            assertEquals(enrolmentId, payload.path("enrolmentId").asText());
            assertEquals("101", payload.path("fromJobcentre").asText());
            assertEquals("147", payload.path("toJobcentre").asText());
            assertEquals(json.readTree(records.get(0).value()).at("/payload/participant"), payload.path("participant"));
            List<String> fields = new ArrayList<>();
            payload.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("enrolmentId", "trialId", "participant", "fromJobcentre", "toJobcentre", "transferredAt"),
                    fields, "the reason stays here");
        }
    }

    @Test
    void aParticipantCanBeTransferredOnAndTheWithdrawalIsTheNewJobcentres() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String enrolmentId = enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(26), "101"))
                .then().statusCode(201).extract().path("enrolmentId");
        transfer(trialId, enrolmentId, TestTokens.admin(), Map.of("jobcentre", "147", "reason", "Moved"))
                .then().statusCode(200);
        transfer(trialId, enrolmentId, TestTokens.admin(), Map.of("jobcentre", "751", "reason", "Moved again"))
                .then().statusCode(200).body("responsibleJobcentre", equalTo("751"));

        String today = LocalDate.now(Citizens.COPENHAGEN).toString();
        for (String former : List.of("101", "147")) {
            given().auth().oauth2(TestTokens.jobcentre(former)).contentType(ContentType.JSON)
                    .body(Map.of("reason", "Moved", "date", today))
                    .post("/api/v1/trials/{t}/enrolments/{e}/withdrawal", trialId, enrolmentId)
                    .then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.jobcentre("751")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Moved", "date", today))
                .post("/api/v1/trials/{t}/enrolments/{e}/withdrawal", trialId, enrolmentId)
                .then().statusCode(200).body("responsibleJobcentre", equalTo("751"));
        assertEquals(List.of(1, 2), QuarkusTransaction.requiringNew().call(() ->
                EnrolmentTransfer.<EnrolmentTransfer>find("enrolmentId = ?1 order by number", UUID.fromString(enrolmentId))
                        .stream().map(t -> t.number).toList()));
    }

    @Test
    void onlyAnAdminTransfersAndOnlyToAnotherJobcentreOfTheTrialWithAReasonFreeOfCprNumbers() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String enrolmentId = enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(26), "101"))
                .then().statusCode(201).extract().path("enrolmentId");

        transfer(trialId, enrolmentId, TestTokens.jobcentre("101"), Map.of("jobcentre", "147", "reason", "Moved"))
                .then().statusCode(403).contentType("application/problem+json");
        transfer(trialId, enrolmentId, TestTokens.analyst(), Map.of("jobcentre", "147", "reason", "Moved"))
                .then().statusCode(403);
        transfer(trialId, enrolmentId, TestTokens.admin(), Map.of("jobcentre", "860", "reason", "Moved"))
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("jobcentre"))).body(not(containsString("860")));
        String cpr = Citizens.aged(40);
        transfer(trialId, enrolmentId, TestTokens.admin(), Map.of("jobcentre", cpr, "reason", "Moved"))
                .then().statusCode(422).body("errors.field", equalTo(List.of("jobcentre")))
                .body(not(containsString(cpr.substring(0, 6))));
        String hyphenated = cpr.substring(0, 6) + "-" + cpr.substring(6);
        transfer(trialId, enrolmentId, TestTokens.admin(), Map.of("jobcentre", "147", "reason", "Was " + hyphenated))
                .then().statusCode(422).body("errors.field", equalTo(List.of("reason")))
                .body(not(containsString(cpr.substring(0, 6))));
        transfer(trialId, enrolmentId, TestTokens.admin(), Map.of("jobcentre", "147"))
                .then().statusCode(400).body("errors.field", equalTo(List.of("reason")));
        transfer(trialId, enrolmentId, TestTokens.admin(), Map.of("jobcentre", "101", "reason", "Moved"))
                .then().statusCode(409).contentType("application/problem+json");
        transfer(trialId, UUID.randomUUID().toString(), TestTokens.admin(), Map.of("jobcentre", "147", "reason", "Moved"))
                .then().statusCode(404);
        transfer(UUID.randomUUID(), enrolmentId, TestTokens.admin(), Map.of("jobcentre", "147", "reason", "Moved"))
                .then().statusCode(404);

        assertEquals(0L, QuarkusTransaction.requiringNew().call(() ->
                EnrolmentTransfer.count("enrolmentId", UUID.fromString(enrolmentId))));
    }
}
