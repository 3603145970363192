package dk.trials.enrolment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.trial.RandomisationDesign;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialStatus;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
public class EnrolmentApiTest {

    @Inject
    EventCodec codec;
    @Inject
    ObjectMapper json;

    public static Response enrol(UUID trialId, String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/trials/{id}/enrolments", trialId);
    }

    public static Map<String, Object> citizen(String cpr, String jobcentre) {
        return Map.of("cpr", cpr, "jobcentre", jobcentre, "benefitType", "DAGPENGE", "weeksUnemployed", 3);
    }

    @Test
    void anEligibleCitizenIsAllocatedOnceAndARepeatGetsTheVeryFirstBody() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.blocks(List.of(4, 6), StratificationFactor.JOBCENTRE,
                StratificationFactor.AGE_BAND), Trials.ONE_TO_ONE));
        String cpr = Citizens.aged(26);

        Response first = enrol(trialId, TestTokens.jobcentre("101"), citizen(cpr, "101"));
        first.then().statusCode(201)
                .body("trialId", equalTo(trialId.toString()))
                .body("arm", oneOf("treatment", "control"))
                .body("stratum", equalTo("jobcentre=101|ageBand=25-29"))
                .body("enrolledAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        String enrolmentId = first.path("enrolmentId");
        assertEquals("/api/v1/trials/" + trialId + "/enrolments/" + enrolmentId,
                java.net.URI.create(first.header("Location")).getPath());

        Response again = enrol(trialId, TestTokens.jobcentre("101"), citizen(cpr.substring(0, 6) + "-" + cpr.substring(6), "101"));
        again.then().statusCode(200);
        assertEquals(first.asString(), again.asString());

        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials/{t}/enrolments/{e}", trialId, enrolmentId)
                .then().statusCode(200)
                .body("arm", equalTo(first.path("arm")))
                .body("jobcentre", equalTo("101"))
                .body("enrolledOn", equalTo(LocalDate.now(Citizens.COPENHAGEN).toString()))
                .body("imported", equalTo(false));
        given().auth().oauth2(TestTokens.jobcentre("147")).get("/api/v1/trials/{t}/enrolments/{e}", trialId, enrolmentId)
                .then().statusCode(403).contentType("application/problem+json");

        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(trialId.toString()), r -> r.size() == 1);
            assertEquals("PARTICIPANT_ENROLLED", TopicProbe.header(records.get(0), Topics.EVENT_TYPE_HEADER));
            JsonNode event = json.readTree(records.get(0).value()).path("payload");
            assertEquals(enrolmentId, event.path("enrolmentId").asText());
            assertEquals(first.path("arm"), event.path("arm").asText());
            assertEquals("101", event.path("jobcentre").asText());
            assertEquals(LocalDate.now(Citizens.COPENHAGEN).toString(), event.path("enrolledOn").asText());
            assertFalse(event.path("imported").asBoolean());
            assertTrue(event.path("participant").asText().matches("v1:[0-9a-f]{64}"),
                    "the participant is the per-trial HMAC pseudonym with its key id");
        }
    }

    @Test
    void aTrialThatWasNeverPublishedIsUnknown() {
        enrol(UUID.randomUUID(), TestTokens.jobcentre("101"), citizen(Citizens.aged(22), "101"))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPausedTrialDoesNotEnrolButStillAnswersForThoseEnrolled() {
        TrialDesign design = Trials.design(Trials.simple(), Trials.ONE_TO_ONE);
        UUID trialId = Trials.open(codec, design);
        String enrolled = Citizens.aged(22);
        String first = enrol(trialId, TestTokens.jobcentre("101"), citizen(enrolled, "101")).then().statusCode(201)
                .extract().asString();

        Trials.publish(codec, EventType.TRIAL_PAUSED, trialId, TrialStatus.PAUSED, design);

        enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(22), "101"))
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(first, enrol(trialId, TestTokens.jobcentre("101"), citizen(enrolled, "101"))
                .then().statusCode(200).extract().asString());

        Trials.publish(codec, EventType.TRIAL_RESUMED, trialId, TrialStatus.RECRUITING, design);
        enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(22), "101")).then().statusCode(201);
    }

    @Test
    void everyFailedCriterionIsOneError() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        enrol(trialId, TestTokens.jobcentre("147"),
                Map.of("cpr", Citizens.aged(34), "jobcentre", "147", "benefitType", "KONTANTHJAELP", "weeksUnemployed", 60))
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("benefitType", "weeksUnemployed", "cpr"))
                .body("errors.find { it.field == 'cpr' }.message", equalTo("the citizen is 34 on "
                        + LocalDate.now(Citizens.COPENHAGEN) + "; the trial enrols up to age 29"));
        enrol(trialId, TestTokens.jobcentre("147"), Map.of("cpr", Citizens.aged(17), "jobcentre", "147"))
                .then().statusCode(422)
                .body("errors.field", containsInAnyOrder("benefitType", "weeksUnemployed", "cpr"));
    }

    @Test
    void aJobcentreActsOnlyForItselfAndOnlyInItsTrials() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        enrol(trialId, TestTokens.jobcentre("147"), citizen(Citizens.aged(22), "101"))
                .then().statusCode(403).contentType("application/problem+json");
        enrol(trialId, TestTokens.jobcentre("860"), citizen(Citizens.aged(22), "860"))
                .then().statusCode(403).contentType("application/problem+json");
        enrol(trialId, TestTokens.analyst(), citizen(Citizens.aged(22), "101"))
                .then().statusCode(403);
        enrol(trialId, TestTokens.admin(), citizen(Citizens.aged(22), "751")).then().statusCode(201);
    }

    @Test
    void aCprNumberWithoutARealBirthDateIsRefusedWithoutEchoingIt() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        // A CPR number is read as a string; not ten digits or no real birth date breaks the CPR rule: 422, not 400.
        for (String bad : List.of("3102994123", "01019912", "0101991234x", "010199-12345")) {
            String body = enrol(trialId, TestTokens.jobcentre("101"), citizen(bad, "101"))
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("cpr"))
                    .extract().asString();
            assertFalse(body.contains(bad.replace("-", "").substring(0, 6)), body);
        }
        enrol(trialId, TestTokens.jobcentre("101"), Map.of("jobcentre", "101"))
                .then().statusCode(400).body("errors.field", hasItem("cpr"));
    }

    @Test
    void aDesignThatCannotBeRandomisedIsRefusedAsAConflictNotAFailure() {
        UUID trialId = Trials.open(codec, Trials.design(new RandomisationDesign(RandomisationMethod.MINIMISATION, null,
                null, null, List.of(StratificationFactor.JOBCENTRE), 1.5), Trials.ONE_TO_ONE));
        enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(22), "101"))
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void enrolmentNeedsAToken() {
        given().contentType(ContentType.JSON).body(citizen(Citizens.aged(22), "101"))
                .post("/api/v1/trials/{id}/enrolments", UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }
}
