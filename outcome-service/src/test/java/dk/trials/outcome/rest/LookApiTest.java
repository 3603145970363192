package dk.trials.outcome.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.monitoring.LookFlagged;
import dk.trials.events.trial.FutilityPlan;
import dk.trials.events.trial.MonitoringPlan;
import dk.trials.events.trial.SpendingPlan;
import dk.trials.outcome.LookDocuments;
import dk.trials.outcome.LookTrials;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.service.EnrolmentProjection;
import dk.trials.outcome.service.OutcomeIngestion;
import dk.trials.outcome.service.UploadsInFlight;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TestTokens;
import dk.trials.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The looks API: who may take and read looks, what is refused, the report as JSON and CSV, and sign-off. */
@QuarkusTest
class LookApiTest extends TestInfrastructure {

    private static final String LOOKS = "/api/v1/trials/{id}/looks";
    private static final String CUT = LookTrials.TODAY.minusDays(20).toString();

    @Inject
    EventCodec codec;
    @Inject
    EnrolmentProjection enrolments;
    @Inject
    OutcomeIngestion ingestion;
    @Inject
    UploadsInFlight uploads;

    private LookTrials trials;
    private LookTrials.Trial trial;

    @BeforeEach
    void aTrialWithJobExitsInBothArms() {
        trials = new LookTrials(codec, enrolments, ingestion);
        trial = trials.open(100, 100);
        trials.ingestBatch(trial.id(), trial.treatment(), 0, 30, "treatment");
        trials.ingestBatch(trial.id(), trial.control(), 0, 28, "control");
    }

    @Test
    void anAdminTakesALookOnACutAndGetsItsReportWithLocation() {
        Response taken = take(TestTokens.admin(), "{\"cutDate\": \"" + CUT + "\", \"reason\": \"Planned interim\"}");
        taken.then().statusCode(201);
        assertTrue(taken.header("Location").endsWith("/api/v1/trials/" + trial.id() + "/looks/1"), taken.header("Location"));
        JsonPath report = taken.jsonPath();
        assertEquals(1, report.getInt("look"));
        assertEquals(CUT, report.getString("cutDate"));
        assertEquals("test-admin", report.getString("requestedBy"));
        assertEquals("Planned interim", report.getString("reason"));
        assertEquals(true, report.getBoolean("frozen"));
        assertEquals(58, report.getInt("result.comparisons[0].events"));
        assertEquals(0.58, report.getDouble("result.comparisons[0].informationFraction"), 1e-12);
        assertEquals("CONTINUE", report.getString("decision"));
        assertEquals(List.of(), report.getList("signOffs"));

        assertEquals(report.getString("sha256"), given().auth().oauth2(TestTokens.analyst()).get(LOOKS + "/1", trial.id())
                .then().statusCode(200).extract().jsonPath().getString("sha256"));
        assertEquals(1, given().auth().oauth2(TestTokens.analyst()).get(LOOKS, trial.id())
                .then().statusCode(200).extract().jsonPath().getList("looks").size());
    }

    @Test
    void theHashCanBeRecomputedFromTheReportAlone() throws Exception {
        take(TestTokens.admin(), "{\"reason\": \"Interim\"}").then().statusCode(201);
        JsonNode report = new ObjectMapper().readTree(given().auth().oauth2(TestTokens.analyst())
                .get(LOOKS + "/1", trial.id()).then().statusCode(200).extract().asString());

        assertEquals(report.get("sha256").asText(), LookDocuments.sha256(LookDocuments.canonical(report.get("inputs")),
                LookDocuments.canonical(report.get("result"))));
    }

    @Test
    void onlyAdminsTakeLooksAndOnlyAdminsAndAnalystsReadThem() {
        given().contentType("application/json").body("{\"reason\": \"x\"}").post(LOOKS, trial.id()).then().statusCode(401);
        take(TestTokens.analyst(), "{\"reason\": \"x\"}").then().statusCode(403);
        take(TestTokens.designer(), "{\"reason\": \"x\"}").then().statusCode(403);
        take(TestTokens.admin(), "{\"reason\": \"x\"}").then().statusCode(201);
        given().auth().oauth2(TestTokens.designer()).get(LOOKS, trial.id()).then().statusCode(403);
        given().auth().oauth2(TestTokens.jobcentre("101")).get(LOOKS + "/1", trial.id()).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get(LOOKS + "/1", trial.id()).then().statusCode(200);
        given().auth().oauth2(TestTokens.analyst()).get(LOOKS + "/2", trial.id()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anUnreadableRequestIs400AndOneThatBreaksARuleIs422AndNeitherTakesALook() {
        take(TestTokens.admin(), "{\"cutDate\": \"" + CUT + "\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        take(TestTokens.admin(), "{\"cutDate\": \"2027-13-01\", \"reason\": \"x\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("cutDate"));
        take(TestTokens.admin(), "{\"reason\": ").then().statusCode(400);
        take(TestTokens.admin(), "{\"reason\": \"   \"}").then().statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        take(TestTokens.admin(), "{\"cutDate\": \"" + LookTrials.TODAY.plusDays(1) + "\", \"reason\": \"x\"}")
                .then().statusCode(422).body("errors[0].field", equalTo("cutDate"));
        take(TestTokens.admin(), "{\"cutDate\": \"" + LookTrials.TODAY.minusYears(6) + "\", \"reason\": \"x\"}")
                .then().statusCode(422).body("errors[0].message",
                        startsWith("must not be before the trial's enrolment began"));

        assertEquals(List.of(), given().auth().oauth2(TestTokens.admin()).get(LOOKS, trial.id())
                .then().statusCode(200).extract().jsonPath().getList("looks"));
    }

    @Test
    void aCutOutsideTheCenturiesTakenOrACprNumberInAReasonOrCommentIs422NamingTheFieldAndNeverEchoed() {
        for (String cut : List.of("0000-01-01", "-5000-01-01", "+10000-01-01")) {
            take(TestTokens.admin(), "{\"cutDate\": \"" + cut + "\", \"reason\": \"x\"}").then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", equalTo(List.of("cutDate")));
        }
        String refused = take(TestTokens.admin(), "{\"reason\": \"Citizen 010199-1234 asked for it\"}").then()
                .statusCode(422).body("errors.field", equalTo(List.of("reason")))
                .body("errors[0].message", equalTo("must not contain a CPR number")).extract().asString();
        assertFalse(refused.contains("010199"), refused);
        assertEquals(List.of(), given().auth().oauth2(TestTokens.admin()).get(LOOKS, trial.id())
                .then().statusCode(200).extract().jsonPath().getList("looks"));

        take(TestTokens.admin(), "{\"cutDate\": \"" + CUT + "\", \"reason\": \"Interim\"}").then().statusCode(201);
        String sha = given().auth().oauth2(TestTokens.analyst()).get(LOOKS + "/1", trial.id()).jsonPath().getString("sha256");
        String comment = signOff(TestTokens.analyst(), "{\"decision\": \"CONTINUE\", \"comment\": \"about 0101991234\", "
                + "\"sha256\": \"" + sha + "\"}").then().statusCode(422).body("errors.field", equalTo(List.of("comment")))
                .extract().asString();
        assertFalse(comment.contains("0101991234"), comment);
        assertEquals(0, given().auth().oauth2(TestTokens.admin()).get(LOOKS + "/1", trial.id()).jsonPath()
                .getList("signOffs").size());
    }

    @Test
    void noLookFollowsTheFinalLookAndNoneIsTakenWithoutNewInformation() {
        take(TestTokens.admin(), "{\"cutDate\": \"" + CUT + "\", \"reason\": \"Interim\"}").then().statusCode(201);
        take(TestTokens.admin(), "{\"cutDate\": \"" + CUT + "\", \"reason\": \"Again\"}").then().statusCode(409);

        trials.complete(trial, 100);
        trials.ingestBatch(trial.id(), trial.control(), 28, 32, "more");
        take(TestTokens.admin(), "{\"cutDate\": \"" + CUT + "\", \"reason\": \"Final\"}").then().statusCode(201)
                .body("finalLook", equalTo(true));
        take(TestTokens.admin(), "{\"cutDate\": \"" + CUT + "\", \"reason\": \"After the end\"}").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void theReportAsCsvHasOneRowPerFigure() {
        take(TestTokens.admin(), "{\"cutDate\": \"" + CUT + "\", \"reason\": \"Interim\"}").then().statusCode(201);
        String sha = given().auth().oauth2(TestTokens.analyst()).get(LOOKS + "/1", trial.id()).jsonPath().getString("sha256");

        String csv = given().auth().oauth2(TestTokens.analyst()).accept("text/csv").get(LOOKS + "/1", trial.id())
                .then().statusCode(200).contentType("text/csv").extract().asString();

        List<String> lines = csv.lines().toList();
        assertEquals("trialId,look,cutDate,takenAt,sha256,arm,versus,figure,value", lines.get(0));
        String prefix = trial.id() + ",1," + CUT + ",";
        assertTrue(lines.stream().skip(1).allMatch(l -> l.startsWith(prefix) && l.contains("," + sha + ",")), csv);
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(",treatment,control,events,58")), csv);
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(",control,,events,28")), csv);
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(",,,decision,CONTINUE")), csv);
        assertEquals(csv, given().auth().oauth2(TestTokens.analyst()).accept("text/csv").get(LOOKS, trial.id())
                .then().statusCode(200).extract().asString(), "the list of one look is that look's rows");
    }

    @Test
    void aCommitteeMemberSignsOffTheReportByItsHashAndASignOffOfAnotherHashIsRefused() {
        take(TestTokens.admin(), "{\"cutDate\": \"" + CUT + "\", \"reason\": \"Interim\"}").then().statusCode(201);
        String sha = given().auth().oauth2(TestTokens.analyst()).get(LOOKS + "/1", trial.id()).jsonPath().getString("sha256");

        signOff(TestTokens.analyst(), "{\"decision\": \"CONTINUE\", \"sha256\": \"" + "0".repeat(64) + "\"}")
                .then().statusCode(409).contentType("application/problem+json");
        signOff(TestTokens.analyst(), "{\"decision\": \"MAYBE\", \"sha256\": \"" + sha + "\"}").then().statusCode(422)
                .body("errors[0].field", equalTo("decision"));
        signOff(TestTokens.analyst(), "{\"decision\": \"CONTINUE\", \"sha256\": \"ABC\"}").then().statusCode(422)
                .body("errors[0].field", equalTo("sha256"));
        signOff(TestTokens.analyst(), "{\"decision\": \"CONTINUE\"}").then().statusCode(400);
        signOff(TestTokens.designer(), "{\"decision\": \"CONTINUE\", \"sha256\": \"" + sha + "\"}").then().statusCode(403);

        JsonPath signed = signOff(TestTokens.analyst(),
                "{\"decision\": \"CONTINUE\", \"comment\": \"No concerns\", \"sha256\": \"" + sha + "\"}")
                .then().statusCode(201).extract().jsonPath();
        assertEquals("test-analyst", signed.getString("signedBy"));
        assertEquals("CONTINUE", signed.getString("decision"));

        JsonPath report = given().auth().oauth2(TestTokens.admin()).get(LOOKS + "/1", trial.id()).jsonPath();
        assertEquals(1, report.getList("signOffs").size());
        assertEquals("No concerns", report.getString("signOffs[0].comment"));
        assertEquals(sha, report.getString("sha256"), "signing changes nothing of what was signed");
    }

    @Test
    void aLookThatCrossesPublishesItOnMonitoringEventsAndCountsItForAlerts() {
        LookTrials.Trial strong = trials.open(100, 100);
        trials.ingestBatch(strong.id(), strong.treatment(), 0, 70, "treatment");
        trials.ingestBatch(strong.id(), strong.control(), 0, 10, "control");

        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.MONITORING_EVENTS)) {
            JsonPath report = take(strong.id(), TestTokens.admin(), "{\"cutDate\": \"" + CUT + "\", \"reason\": \"Interim\"}")
                    .then().statusCode(201).extract().jsonPath();
            assertEquals("EFFICACY_BOUNDARY_CROSSED", report.getString("decision"));
            assertEquals(List.of("treatment"), report.getList("crossedArms"));

            List<ConsumerRecord<String, String>> published = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(strong.id().toString()), records -> !records.isEmpty());
            assertEquals(1, published.size());
            EventEnvelope envelope = codec.decode(published.get(0).value());
            assertEquals(EventType.LOOK_BOUNDARY_CROSSED.name(), envelope.type());
            LookFlagged flagged = codec.payload(envelope, LookFlagged.class);
            assertEquals(new LookFlagged(strong.id(), 1, LookTrials.TODAY.minusDays(20), flagged.takenAt(),
                    "EFFICACY_BOUNDARY_CROSSED", List.of("treatment"), List.of(), report.getString("sha256")), flagged);
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("trials_monitoring_looks_crossed_total{trial=\"" + strong.id() + "\"} 1.0"), metrics);
        assertTrue(metrics.contains("trials_monitoring_looks_total{decision=\"EFFICACY_BOUNDARY_CROSSED\",trial=\""
                + strong.id() + "\"} 1.0"), metrics);
    }

    @Test
    void aLookThatFlagsFutilityPublishesThatAndCountsIt() {
        LookTrials.Trial alike = trials.open(100, 100, new MonitoringPlan(List.of(0.5, 0.75, 1.0),
                new SpendingPlan(SpendingPlan.OBRIEN_FLEMING, null),
                new FutilityPlan(FutilityPlan.FutilityMethod.BETA_SPENDING, "bsOF", null, null), 14, LocalTime.of(6, 0)));
        trials.ingestBatch(alike.id(), alike.treatment(), 0, 30, "treatment");
        trials.ingestBatch(alike.id(), alike.control(), 0, 30, "control");

        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), Topics.MONITORING_EVENTS)) {
            JsonPath report = take(alike.id(), TestTokens.admin(), "{\"cutDate\": \"" + CUT + "\", \"reason\": \"Interim\"}")
                    .then().statusCode(201).extract().jsonPath();
            assertEquals("CONTINUE", report.getString("decision"), "futility advises; it never decides");
            assertEquals(List.of("treatment"), report.getList("futileArms"));
            assertEquals(0.0, report.getDouble("result.comparisons[0].observedZ"), 1e-12);

            List<ConsumerRecord<String, String>> published = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.recordsWithKey(alike.id().toString()), records -> !records.isEmpty());
            assertEquals(EventType.LOOK_FUTILITY_FLAGGED.name(), codec.decode(published.get(0).value()).type());
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("trials_monitoring_looks_futile_total{trial=\"" + alike.id() + "\"} 1.0"), metrics);
    }

    @Test
    void aLookOnRequestGivesUpWith503WhileAnUploadStaysInFlight() {
        UUID upload = uploads.begin(trial.id());
        try {
            take(TestTokens.admin(), "{\"reason\": \"Interim\"}").then().statusCode(503)
                    .contentType("application/problem+json");
        } finally {
            uploads.end(upload);
        }
        take(TestTokens.admin(), "{\"reason\": \"Interim\"}").then().statusCode(201);
    }

    private Response take(String token, String body) {
        return take(trial.id(), token, body);
    }

    private static Response take(UUID trialId, String token, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post(LOOKS, trialId);
    }

    private Response signOff(String token, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post(LOOKS + "/1/sign-off", trial.id());
    }
}
