package dk.trials.enrolment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialStatus;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.EnrolmentImport;
import dk.trials.enrolment.Trials;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ImportTest {

    @Inject
    EventCodec codec;
    @Inject
    ObjectMapper json;

    private static Response importBatch(UUID trialId, String token, List<Map<String, Object>> lines) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("enrolments", lines))
                .post("/api/v1/trials/{id}/enrolments/import", trialId);
    }

    private static Map<String, Object> line(String cpr, String jobcentre, String arm, LocalDate on) {
        Map<String, Object> line = new HashMap<>(Map.of("cpr", cpr, "jobcentre", jobcentre, "arm", arm, "enrolledOn", on.toString()));
        line.put("benefitType", "DAGPENGE");
        return line;
    }

    @Test
    void oneBadLineRejectsTheWholeBatchAndEveryBadLineIsNamed() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        // Within the trial's enrolment period, which started 30 days ago.
        LocalDate earlier = LocalDate.now(Citizens.COPENHAGEN).minusDays(20);
        String twice = Citizens.aged(30);
        List<Map<String, Object>> lines = List.of(
                line(Citizens.aged(25), "101", "control", earlier),
                line(twice, "101", "treatment", earlier),
                line(Citizens.aged(25), "860", "control", earlier),
                line(Citizens.aged(25), "101", "placebo", earlier),
                line("3102991234", "101", "control", earlier),
                line(twice, "147", "control", LocalDate.now(Citizens.COPENHAGEN).plusDays(2)));

        importBatch(trialId, TestTokens.admin(), lines)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("enrolments[2].jobcentre", "enrolments[3].arm",
                        "enrolments[4].cpr", "enrolments[5].enrolledOn", "enrolments[5].cpr"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Enrolment.count("trialId", trialId)));
        importBatch(trialId, TestTokens.jobcentre("101"), lines.subList(0, 1)).then().statusCode(403);
        importBatch(UUID.randomUUID(), TestTokens.admin(), lines.subList(0, 1)).then().statusCode(404);
    }

    @Test
    void aBatchIsTakenOverOnceAuditedAndPublishedAsImported() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        LocalDate enrolledOn = LocalDate.now(Citizens.COPENHAGEN).minusDays(20);
        String alreadyHere = Citizens.aged(22);
        enrol(trialId, TestTokens.jobcentre("101"), citizen(alreadyHere, "101")).then().statusCode(201);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(line(Citizens.aged(20 + i % 8), i % 2 == 0 ? "101" : "751", i % 3 == 0 ? "treatment" : "control", enrolledOn));
        }
        lines.add(line(alreadyHere, "101", "control", enrolledOn));

        importBatch(trialId, TestTokens.admin(), lines).then().statusCode(200)
                .body("imported", equalTo(20)).body("alreadyEnrolled", equalTo(1));
        importBatch(trialId, TestTokens.admin(), lines).then().statusCode(200)
                .body("imported", equalTo(0)).body("alreadyEnrolled", equalTo(21));

        assertEquals(21L, QuarkusTransaction.requiringNew().call(() -> Enrolment.count("trialId", trialId)));
        List<EnrolmentImport> audit = QuarkusTransaction.requiringNew().call(() -> EnrolmentImport.list("trialId", trialId));
        assertEquals(2, audit.size());
        assertTrue(audit.stream().allMatch(a -> a.importedBy.equals("test-admin") && a.submitted == 21));
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.ENROLMENT_EVENTS)) {
            var records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(trialId.toString()), r -> r.size() == 21);
            JsonNode imported = json.readTree(records.get(1).value()).path("payload");
            assertTrue(imported.path("imported").asBoolean());
            assertEquals(enrolledOn.toString(), imported.path("enrolledOn").asText());
            assertEquals(lines.get(0).get("arm"), imported.path("arm").asText());
        }
    }

    @Test
    void aCompletedTrialTakesOverNoAllocations() {
        TrialDesign design = Trials.design(Trials.simple(), Trials.ONE_TO_ONE);
        UUID trialId = Trials.open(codec, design);
        Trials.publish(codec, EventType.TRIAL_CLOSED, trialId, TrialStatus.FOLLOW_UP, design);
        LocalDate enrolledOn = LocalDate.now(Citizens.COPENHAGEN).minusDays(20);
        importBatch(trialId, TestTokens.admin(), List.of(line(Citizens.aged(24), "101", "control", enrolledOn)))
                .then().statusCode(200).body("imported", equalTo(1));

        Trials.publish(codec, EventType.TRIAL_COMPLETED, trialId, TrialStatus.COMPLETED, design);

        importBatch(trialId, TestTokens.admin(), List.of(line(Citizens.aged(24), "101", "control", enrolledOn)))
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Enrolment.count("trialId", trialId)));
    }
}
