package dk.trials.outcome.rest;

import dk.trials.platform.cpr.CprNumber;
import dk.trials.platform.cpr.CprPseudonymiser;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventEnvelope;
import dk.trials.events.enrolment.ParticipantTransferred;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.service.OutcomeStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Reporting single outcomes: who may, what counts, what is refused and why, and the estimates that follow. */
@QuarkusTest
class OutcomeApiTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);
    private static int serial = 100;

    @Inject
    EventCodec codec;
    @Inject
    CprPseudonymiser pseudonymiser;
    @Inject
    OutcomeStore outcomes;

    private UUID trialId;

    @BeforeEach
    void openTrial() {
        trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), 400);
    }

    @Test
    void anExitToAJobCountsInTheArmTheParticipantWasAllocatedTo() {
        String anna = cpr();
        enrol(anna, "treatment", "101", TODAY.minusDays(40));
        enrol(cpr(), "control", "101", TODAY.minusDays(30));
        enrol(cpr(), "control", "147", TODAY.minusDays(20));
        awaitParticipants(3);

        post(TestTokens.jobcentre("101"), outcome(anna, "JOB_EXIT", TODAY.minusDays(10), "DREAM", "d-1"))
                .then().statusCode(201).body("status", equalTo("ACCEPTED")).body("enrolmentId", notNullValue())
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("cpr")));

        JsonPath estimates = awaitEstimates(e -> e.getInt("arms.find { it.arm == 'treatment' }.events") == 1);
        assertEquals(1, estimates.getInt("arms.find { it.arm == 'treatment' }.participants"));
        assertEquals(2, estimates.getInt("arms.find { it.arm == 'control' }.participants"));
        assertEquals(0, estimates.getInt("arms.find { it.arm == 'control' }.events"));
        assertEquals(1.0, estimates.getDouble("arms.find { it.arm == 'treatment' }.cumulativeIncidence.estimate"), 1e-12);
        assertEquals(182, estimates.getInt("horizonDays"));
        assertEquals("treatment", estimates.getString("comparisons[0].arm"));
        assertEquals("control", estimates.getString("comparisons[0].versus"));
    }

    @Test
    void theSameSourceAndSourceIdAgainChangesNothing() {
        String citizen = cpr();
        enrol(citizen, "control", "101", TODAY.minusDays(40));
        awaitParticipants(1);
        Map<String, Object> body = outcome(citizen, "JOB_EXIT", TODAY.minusDays(5), "DREAM", "again-1");
        post(TestTokens.admin(), body).then().statusCode(201);
        post(TestTokens.admin(), body).then().statusCode(200).body("status", equalTo("DUPLICATE"));
        // Even a different date under the same source id is the same record: the first one stands.
        post(TestTokens.admin(), outcome(citizen, "JOB_EXIT", TODAY.minusDays(30), "DREAM", "again-1"))
                .then().statusCode(200).body("status", equalTo("DUPLICATE"));
        JsonPath estimates = estimates(TODAY);
        assertEquals(1, estimates.getInt("arms.find { it.arm == 'control' }.events"));
        assertEquals(1, estimates.getInt("arms.find { it.arm == 'control' }.participants"));
    }

    @Test
    void anOutcomeReportedBeforeItsEnrolmentIsCountedOnceTheEnrolmentArrives() {
        String early = cpr();
        post(TestTokens.admin(), outcome(early, "JOB_EXIT", TODAY.minusDays(3), "DREAM", "early-1"))
                .then().statusCode(202).body("status", equalTo("PENDING_ENROLMENT")).body("enrolmentId", nullValue());
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/outcomes/unmatched", trialId)
                .then().statusCode(200).body("count", equalTo(1)).body("outcomes[0].sourceId", equalTo("early-1"))
                .body("outcomes[0].namedByCpr", equalTo(true));

        enrol(early, "treatment", "147", TODAY.minusDays(10));
        JsonPath estimates = awaitEstimates(e -> e.getInt("arms.find { it.arm == 'treatment' }.events") == 1);
        assertEquals(0, estimates.getInt("outcomes.pendingEnrolment"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/outcomes/unmatched", trialId)
                .then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void aPendingOutcomeDatedBeforeTheEnrolmentIsRejectedWhenTheEnrolmentArrives() {
        String citizen = cpr();
        post(TestTokens.admin(), outcome(citizen, "JOB_EXIT", TODAY.minusDays(30), "DREAM", "too-early"))
                .then().statusCode(202);
        enrol(citizen, "control", "101", TODAY.minusDays(10));
        JsonPath estimates = awaitEstimates(e -> e.getInt("outcomes.rejected") == 1);
        assertEquals(0, estimates.getInt("arms.find { it.arm == 'control' }.events"));
        assertEquals(0, estimates.getInt("outcomes.pendingEnrolment"));
    }

    @Test
    void anEarlierCensoringMovesTheParticipantsEndOfFollowUpAndAJobExitOnTheSameDayWins() {
        String citizen = cpr();
        enrol(citizen, "control", "101", TODAY.minusDays(100));
        awaitParticipants(1);
        post(TestTokens.admin(), outcome(citizen, "JOB_EXIT", TODAY.minusDays(50), "DREAM", "x-1")).then().statusCode(201);
        post(TestTokens.admin(), outcome(citizen, "EMIGRATED", TODAY.minusDays(70), "CPR", "c-1")).then().statusCode(201);
        JsonPath censored = awaitEstimates(e -> e.getInt("arms.find { it.arm == 'control' }.events") == 0);
        assertEquals(0.0, censored.getDouble("arms.find { it.arm == 'control' }.cumulativeIncidence.estimate"), 0);
        post(TestTokens.admin(), outcome(citizen, "JOB_EXIT", TODAY.minusDays(70), "DREAM", "x-2")).then().statusCode(201);
        awaitEstimates(e -> e.getInt("arms.find { it.arm == 'control' }.events") == 1);
        JsonPath curve = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/survival", trialId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(30, curve.getInt("arms.find { it.arm == 'control' }.points[0].time"));
        assertEquals(1, curve.getInt("arms.find { it.arm == 'control' }.points[0].nEvent"));
    }

    @Test
    void withdrawnParticipantsStayInTheirArm() {
        String citizen = cpr();
        UUID enrolmentId = enrol(citizen, "treatment", "101", TODAY.minusDays(40));
        awaitParticipants(1);
        Events.withdraw(codec, new ParticipantWithdrawn(enrolmentId, trialId, pseudonymiser.pseudonym(trialId, CprNumber.parse(citizen).orElseThrow()), TODAY.minusDays(2)));
        post(TestTokens.admin(), Map.of("enrolmentId", enrolmentId.toString(), "type", "JOB_EXIT",
                "occurredOn", TODAY.minusDays(1).toString(), "source", "DREAM", "sourceId", "w-1")).then().statusCode(201);
        JsonPath estimates = awaitEstimates(e -> e.getInt("arms.find { it.arm == 'treatment' }.events") == 1);
        assertEquals(1, estimates.getInt("arms.find { it.arm == 'treatment' }.participants"));
    }

    @Test
    void badInputIsRefusedWithAProblemAndChangesNothing() {
        String citizen = cpr();
        enrol(citizen, "control", "101", TODAY.minusDays(10));
        awaitParticipants(1);
        post(TestTokens.admin(), outcome("3213991234", "JOB_EXIT", TODAY, "DREAM", "bad-1")).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("cpr"))
                .body(org.hamcrest.Matchers.not(containsString("3213991234")));
        post(TestTokens.admin(), outcome(citizen, "PROMOTED", TODAY, "DREAM", "bad-2")).then().statusCode(422)
                .body("errors.field", hasItem("type"));
        post(TestTokens.admin(), outcome(citizen, "JOB_EXIT", null, "DREAM", "bad-3")).then().statusCode(400)
                .body("errors.field", hasItem("occurredOn"));
        post(TestTokens.admin(), Map.of("cpr", citizen, "type", "JOB_EXIT", "occurredOn", "01-03-2027",
                "source", "DREAM", "sourceId", "bad-4")).then().statusCode(400).body("errors.field", hasItem("occurredOn"));
        post(TestTokens.admin(), outcome(citizen, "JOB_EXIT", TODAY.minusDays(11), "DREAM", "bad-5")).then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("before the participant's enrolment"));
        post(TestTokens.admin(), outcome(citizen, "JOB_EXIT", TODAY.plusDays(1), "DREAM", "bad-6")).then().statusCode(422)
                .body("detail", containsString("in the future"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(outcome(citizen, "JOB_EXIT", TODAY, "DREAM", "bad-7"))
                .post("/api/v1/trials/{id}/outcomes", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        JsonPath estimates = estimates(TODAY);
        assertEquals(0, estimates.getInt("arms.find { it.arm == 'control' }.events"));
        assertEquals(0, estimates.getInt("outcomes.rejected"));
    }

    @Test
    void aReadableOutcomeThatBreaksARuleIsUnprocessableAndAnUnreadableOneIsABadRequest() {
        String citizen = cpr();
        UUID enrolmentId = enrol(citizen, "control", "101", TODAY.minusDays(10));
        awaitParticipants(1);
        Map<String, Object> both = outcome(citizen, "JOB_EXIT", TODAY, "DREAM", "rule-1");
        both.put("enrolmentId", enrolmentId.toString());
        post(TestTokens.admin(), both).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("cpr")));
        post(TestTokens.admin(), outcome(citizen, "JOB_EXIT", TODAY, "DREAM", "x".repeat(201))).then().statusCode(422)
                .body("errors.field", equalTo(java.util.List.of("sourceId")))
                .body("errors.message", hasItem("must be at most 200 characters"));
        post(TestTokens.admin(), outcome(citizen, "JOB_EXIT", TODAY, null, "rule-3")).then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("source")));
        post(TestTokens.admin(), Map.of("enrolmentId", "not-a-uuid", "type", "JOB_EXIT", "occurredOn", TODAY.toString(),
                "source", "DREAM", "sourceId", "rule-4")).then().statusCode(400).body("errors.field", equalTo(java.util.List.of("enrolmentId")));
        // Unreadable and breaking a rule at once: it cannot be read, so 400 with both errors.
        post(TestTokens.admin(), outcome(citizen, "JOB_EXIT", null, "DREAM", "x".repeat(201))).then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("occurredOn", "sourceId")));
        assertEquals(0, estimates(TODAY).getInt("arms.find { it.arm == 'control' }.events"));
    }

    @Test
    void aDateOutsideTheCenturiesTheServiceTakesIsUnprocessableNamingTheFieldAndChangesNothing() {
        String citizen = cpr();
        enrol(citizen, "control", "101", TODAY.minusDays(10));
        awaitParticipants(1);
        for (String date : List.of("0000-01-01", "-5000-01-01", "1899-12-31", "+10000-01-01")) {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("cpr", citizen, "type", "JOB_EXIT", "occurredOn", date, "source", "DREAM", "sourceId", "far-" + date))
                    .post("/api/v1/trials/{id}/outcomes", trialId).then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", equalTo(List.of("occurredOn")));
            for (String path : List.of("/api/v1/trials/{id}/estimates", "/api/v1/trials/{id}/survival")) {
                given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", date).get(path, trialId)
                        .then().statusCode(422).contentType("application/problem+json")
                        .body("errors.field", equalTo(List.of("asOf")));
            }
        }
        JsonPath estimates = estimates(TODAY);
        assertEquals(0, estimates.getInt("outcomes.rejected"));
        assertEquals(0, estimates.getInt("outcomes.pendingEnrolment"));
    }

    @Test
    void aCprNumberOrAControlCharacterInSourceOrSourceIdIsUnprocessableNamingTheFieldAndNeverEchoed() {
        String citizen = cpr();
        enrol(citizen, "control", "101", TODAY.minusDays(10));
        awaitParticipants(1);
        for (String hidden : List.of("0101991234", "010199-1234", "case 010199 1234 of DREAM")) {
            String answer = post(TestTokens.admin(), outcome(citizen, "JOB_EXIT", TODAY, "DREAM", hidden)).then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", equalTo(List.of("sourceId")))
                    .body("errors.message", equalTo(List.of("must not contain a CPR number"))).extract().asString();
            assertFalse(answer.contains("010199"), answer);
            post(TestTokens.admin(), outcome(citizen, "JOB_EXIT", TODAY, hidden, "cpr-in-source")).then().statusCode(422)
                    .body("errors.field", equalTo(List.of("source"))).body(org.hamcrest.Matchers.not(containsString("010199")));
        }
        post(TestTokens.admin(), outcome(citizen, "JOB_EXIT", TODAY, "DRE\u0001AM", "control-1")).then()
                .statusCode(422).contentType("application/problem+json").body("errors.field", equalTo(List.of("source")));
        JsonPath estimates = estimates(TODAY);
        assertEquals(0, estimates.getInt("arms.find { it.arm == 'control' }.events"));
        assertEquals(0, estimates.getInt("outcomes.rejected"));
    }

    @Test
    void survivalCurvesRefuseADateInTheFutureAsUnprocessableAndNotADateAsUnreadable() {
        given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", TODAY.plusDays(1).toString())
                .get("/api/v1/trials/{id}/survival", trialId).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("asOf"));
        given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", "2027-13-01")
                .get("/api/v1/trials/{id}/survival", trialId).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("asOf"));
        given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", TODAY.toString())
                .get("/api/v1/trials/{id}/survival", trialId).then().statusCode(200).body("asOf", equalTo(TODAY.toString()));
    }

    @Test
    void aJobcentreCountsOutcomesOnlyForItsOwnParticipantsAndAnalystsOnlyRead() {
        String citizen = cpr();
        UUID enrolmentId = enrol(citizen, "control", "751", TODAY.minusDays(10));
        awaitParticipants(1);
        // Another jobcentre's participant: answered as for anyone who is not a participant, and not counted.
        post(TestTokens.jobcentre("101"), outcome(citizen, "JOB_EXIT", TODAY, "DREAM", "jc-1")).then().statusCode(202)
                .body("status", equalTo("PENDING_ENROLMENT")).body("enrolmentId", nullValue());
        post(TestTokens.analyst(), outcome(citizen, "JOB_EXIT", TODAY, "DREAM", "jc-2")).then().statusCode(403);
        given().contentType(ContentType.JSON).body(outcome(citizen, "JOB_EXIT", TODAY, "DREAM", "jc-3"))
                .post("/api/v1/trials/{id}/outcomes", trialId).then().statusCode(401);
        given().auth().oauth2(TestTokens.jobcentre("751")).get("/api/v1/trials/{id}/estimates", trialId).then().statusCode(403);
        post(TestTokens.jobcentre("751"), outcome(citizen, "JOB_EXIT", TODAY.minusDays(1), "DREAM", "jc-4")).then().statusCode(201);
        JsonPath estimates = awaitEstimates(e -> e.getInt("arms.find { it.arm == 'control' }.events") == 1);
        assertEquals(1, estimates.getInt("outcomes.pendingEnrolment"), "jc-1 waits, and never counts for 751's participant");
        assertFalse(outcomes.participantsWithPendingOutcomes(10_000).contains(enrolmentId),
                "nor does the rematch round take it up round after round");
    }

    @Test
    void aJobcentreLearnsNothingFromAnOutcomeForAnotherJobcentresParticipantThatANonParticipantWouldNotTellIt() {
        String elsewhere = cpr();
        UUID elsewhereEnrolment = enrol(elsewhere, "treatment", "751", TODAY.minusDays(10));
        awaitParticipants(1);
        double refusedBefore = refusedLookups();
        String nobody = cpr();
        UUID noEnrolment = UUID.randomUUID();

        // By CPR number and by enrolment id, on any date (even one before the participant's enrolment): the same
        // status, body shape and fields as for a citizen or an enrolment id that is not in the trial.
        for (LocalDate on : List.of(TODAY, TODAY.minusDays(20))) {
            String a = post(TestTokens.jobcentre("101"), outcome(elsewhere, "JOB_EXIT", on, "DREAM", "probe-a-" + on))
                    .then().statusCode(202).extract().asString();
            String b = post(TestTokens.jobcentre("101"), outcome(nobody, "JOB_EXIT", on, "DREAM", "probe-b-" + on))
                    .then().statusCode(202).extract().asString();
            assertEquals(a.replace("probe-a-", "probe-b-"), b);
            String c = post(TestTokens.jobcentre("101"), byEnrolment(elsewhereEnrolment, on, "probe-c-" + on))
                    .then().statusCode(202).extract().asString();
            String d = post(TestTokens.jobcentre("101"), byEnrolment(noEnrolment, on, "probe-d-" + on))
                    .then().statusCode(202).extract().asString();
            assertEquals(c.replace("probe-c-", "probe-d-").replace(elsewhereEnrolment.toString(), noEnrolment.toString()), d);
        }
        // A rule that needs no participant is answered alike too.
        post(TestTokens.jobcentre("101"), outcome(elsewhere, "JOB_EXIT", TODAY.plusDays(1), "DREAM", "probe-e"))
                .then().statusCode(422).body("detail", containsString("in the future"));

        assertEquals(refusedBefore + 5, refusedLookups(), "each outcome naming 751's participant is a refused lookup");
        // Waiting outcomes do not move the estimates; the list of unmatched outcomes counts them at once.
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/outcomes/unmatched", trialId)
                .then().statusCode(200).body("count", equalTo(8));
        JsonPath estimates = estimates(TODAY);
        assertEquals(0, estimates.getInt("arms.find { it.arm == 'treatment' }.events"));
        assertEquals(0, estimates.getInt("outcomes.rejected"));
    }

    @Test
    void anOutcomeThatWaitedForAnotherJobcentresParticipantCountsOnceTheParticipantIsTransferredToIt() {
        String citizen = cpr();
        UUID enrolmentId = enrol(citizen, "treatment", "751", TODAY.minusDays(40));
        awaitParticipants(1);
        post(TestTokens.jobcentre("147"), outcome(citizen, "JOB_EXIT", TODAY.minusDays(20), "DREAM", "moved-1"))
                .then().statusCode(202);
        assertEquals(0, estimates(TODAY).getInt("arms.find { it.arm == 'treatment' }.events"));

        EventEnvelope sent = Events.transfer(codec, new ParticipantTransferred(enrolmentId, trialId, pseudonym(citizen),
                "751", "147", java.time.Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(sent.eventId()));

        JsonPath estimates = awaitEstimates(e -> e.getInt("arms.find { it.arm == 'treatment' }.events") == 1);
        assertEquals(0, estimates.getInt("outcomes.pendingEnrolment"));
        // Now 147 acts for the participant, and 751 no longer does.
        post(TestTokens.jobcentre("147"), outcome(citizen, "EMIGRATED", TODAY.minusDays(10), "CPR", "moved-2"))
                .then().statusCode(201);
        post(TestTokens.jobcentre("751"), outcome(citizen, "EMIGRATED", TODAY.minusDays(5), "CPR", "moved-3"))
                .then().statusCode(202).body("enrolmentId", nullValue());
        assertEquals(20, given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/survival", trialId)
                .then().statusCode(200).extract().jsonPath()
                .getInt("arms.find { it.arm == 'treatment' }.points.find { it.nEvent > 0 }.time"));
    }

    @Test
    void estimatesRefuseADateInTheFutureOrNotADate() {
        given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", TODAY.plusDays(1).toString())
                .get("/api/v1/trials/{id}/estimates", trialId).then().statusCode(422).body("errors.field", hasItem("asOf"));
        given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", "yesterday")
                .get("/api/v1/trials/{id}/estimates", trialId).then().statusCode(400);
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/estimates", UUID.randomUUID()).then().statusCode(404);
    }

    private static Map<String, Object> byEnrolment(UUID enrolmentId, LocalDate occurredOn, String sourceId) {
        return Map.of("enrolmentId", enrolmentId.toString(), "type", "JOB_EXIT", "occurredOn", occurredOn.toString(),
                "source", "DREAM", "sourceId", sourceId);
    }

    private static double refusedLookups() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("trials_cpr_lookups_refused_total{")
                        && line.contains("reason=\"not-own-participant\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    private UUID enrol(String cpr, String arm, String jobcentre, LocalDate enrolledOn) {
        UUID enrolmentId = UUID.randomUUID();
        try {
            Events.enrol(codec, Events.enrolled(trialId, enrolmentId, pseudonym(cpr), arm, jobcentre, enrolledOn)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return enrolmentId;
    }

    private String pseudonym(String cpr) {
        return pseudonymiser.pseudonym(trialId, CprNumber.parse(cpr).orElseThrow());
    }

    private void awaitParticipants(long expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == expected);
    }

    private io.restassured.response.Response post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/trials/{id}/outcomes", trialId);
    }

    private JsonPath estimates(LocalDate asOf) {
        return given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", asOf.toString())
                .get("/api/v1/trials/{id}/estimates", trialId).then().statusCode(200).extract().jsonPath();
    }

    private JsonPath awaitEstimates(java.util.function.Predicate<JsonPath> condition) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> estimates(TODAY), condition);
    }

    static Map<String, Object> outcome(String cpr, String type, LocalDate occurredOn, String source, String sourceId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("cpr", cpr);
        body.put("type", type);
        body.put("occurredOn", occurredOn == null ? null : occurredOn.toString());
        body.put("source", source);
        body.put("sourceId", sourceId);
        return body;
    }

    /** A valid CPR number of a 25-year-old; the serial keeps citizens apart. */
    static synchronized String cpr() {
        LocalDate born = TODAY.minusYears(25).minusDays(serial % 300);
        int seventh = born.getYear() >= 2000 ? 4 : 0;
        return born.format(DateTimeFormatter.ofPattern("ddMMyy")) + seventh + String.format("%03d", serial++ % 1000);
    }
}
