package dk.trials.outcome.rest;

import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.TrialPlan;
import dk.trials.outcome.service.AnalysisSetRowIds;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The analysis set: one row per participant enrolled by asOf with the follow-up the estimator counts, its row id an
 * HMAC of the enrolment id under the trial's own key, for analysts and admins only, each read audited.
 */
@QuarkusTest
class AnalysisSetApiTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);
    private static final String SET = "/api/v1/trials/{id}/analysis-set";
    private static final String HEADER = "trialId,asOf,horizonDays,rowId,arm,jobcentre,stratum,enrolledOn,"
            + "followUpDays,jobExit,ending,withdrawnOn\n";

    @Inject
    EventCodec codec;
    @Inject
    AnalysisSetRowIds rowIds;

    /**
     * A 26-week (182-day) trial: exits to a job on day 10; emigrates on day 20 and exits to a job later; enrolled
     * 200 days ago without an outcome, withdrawn 100 days ago; enrolled five days ago, withdrawn yesterday.
     */
    private record Trial(UUID id, UUID exited, UUID emigrated, UUID completed, UUID recent) {
    }

    private Trial trial() throws Exception {
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), null);
        Trial t = new Trial(trialId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Events.enrol(codec, Events.enrolled(trialId, t.exited(), "p-" + t.exited(), "treatment", "101", TODAY.minusDays(40))).get();
        Events.enrol(codec, Events.enrolled(trialId, t.emigrated(), "p-" + t.emigrated(), "control", "147", TODAY.minusDays(40))).get();
        Events.enrol(codec, Events.enrolled(trialId, t.completed(), "p-" + t.completed(), "control", "101", TODAY.minusDays(200))).get();
        Events.enrol(codec, Events.enrolled(trialId, t.recent(), "p-" + t.recent(), "treatment", "751", TODAY.minusDays(5))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == 4);
        report(trialId, t.exited(), "JOB_EXIT", TODAY.minusDays(30));
        report(trialId, t.emigrated(), "EMIGRATED", TODAY.minusDays(20));
        report(trialId, t.emigrated(), "JOB_EXIT", TODAY.minusDays(5));
        Events.withdraw(codec, new ParticipantWithdrawn(t.completed(), trialId, "p-" + t.completed(), TODAY.minusDays(100)));
        Events.withdraw(codec, new ParticipantWithdrawn(t.recent(), trialId, "p-" + t.recent(), TODAY.minusDays(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> withdrawn(trialId) == 2);
        return t;
    }

    @Test
    void eachParticipantEnrolledByAsOfIsOneRowWithTheFollowUpTheEstimatorCounts() throws Exception {
        Trial t = trial();

        String csv = given().auth().oauth2(TestTokens.analyst()).accept("text/csv").get(SET, t.id())
                .then().statusCode(200).contentType("text/csv").extract().asString();

        String prefix = t.id() + "," + TODAY + ",182,";
        List<String> rows = new ArrayList<>(List.of(
                rowId(t.id(), t.completed()) + ",control,101,101," + TODAY.minusDays(200) + ",182,0,HORIZON," + TODAY.minusDays(100),
                rowId(t.id(), t.exited()) + ",treatment,101,101," + TODAY.minusDays(40) + ",10,1,JOB_EXIT,",
                rowId(t.id(), t.emigrated()) + ",control,147,147," + TODAY.minusDays(40) + ",20,0,EMIGRATED,",
                rowId(t.id(), t.recent()) + ",treatment,751,751," + TODAY.minusDays(5) + ",5,0,AS_OF," + TODAY.minusDays(1)));
        rows.subList(1, 3).sort(Comparator.naturalOrder());
        StringBuilder expected = new StringBuilder(HEADER);
        rows.forEach(row -> expected.append(prefix).append(row).append('\n'));
        assertEquals(expected.toString(), csv, "by enrolment date, then row id");

        JsonPath json = given().auth().oauth2(TestTokens.admin()).get(SET, t.id()).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(TODAY.toString(), json.getString("asOf"));
        assertEquals(182, json.getInt("horizonDays"));
        assertEquals("control", json.getString("controlArm"));
        assertEquals(Map.of("rowId", rowId(t.id(), t.emigrated()), "arm", "control", "jobcentre", "147",
                "stratum", "147", "enrolledOn", TODAY.minusDays(40).toString(), "followUpDays", 20, "jobExit", false,
                "ending", "EMIGRATED"), withoutNulls(json.getMap("rows.find { it.arm == 'control' && it.jobcentre == '147' }")));
        assertEquals(List.of(TODAY.minusDays(100).toString(), TODAY.minusDays(1).toString()),
                json.getList("rows.findAll { it.withdrawnOn != null }.withdrawnOn").stream().sorted().toList());

        JsonPath estimates = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/estimates", t.id())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(2, 2), estimates.getList("arms.participants"), "the estimates count the same rows");
        assertEquals(List.of(1, 0), estimates.getList("arms.events"));
        for (UUID id : List.of(t.exited(), t.emigrated(), t.completed(), t.recent())) {
            assertFalse(csv.contains(id.toString()) || csv.contains("p-" + id), "never an enrolment id or pseudonym");
        }
    }

    @Test
    void anEarlierAsOfLeavesOutLaterEnrolmentsOutcomesAndWithdrawals() throws Exception {
        Trial t = trial();
        LocalDate asOf = TODAY.minusDays(25);

        String csv = given().auth().oauth2(TestTokens.analyst()).accept("text/csv").queryParam("asOf", asOf.toString())
                .get(SET, t.id()).then().statusCode(200).extract().asString();

        String prefix = t.id() + "," + asOf + ",182,";
        List<String> rows = new ArrayList<>(List.of(
                rowId(t.id(), t.completed()) + ",control,101,101," + TODAY.minusDays(200) + ",175,0,AS_OF," + TODAY.minusDays(100),
                rowId(t.id(), t.exited()) + ",treatment,101,101," + TODAY.minusDays(40) + ",10,1,JOB_EXIT,",
                rowId(t.id(), t.emigrated()) + ",control,147,147," + TODAY.minusDays(40) + ",15,0,AS_OF,"));
        rows.subList(1, 3).sort(Comparator.naturalOrder());
        StringBuilder expected = new StringBuilder(HEADER);
        rows.forEach(row -> expected.append(prefix).append(row).append('\n'));
        assertEquals(expected.toString(), csv);
    }

    @Test
    void rowIdsStayTheSameWithinATrialAndDifferAcrossTrials() throws Exception {
        Trial t = trial();
        List<String> first = given().auth().oauth2(TestTokens.analyst()).get(SET, t.id()).then().statusCode(200)
                .extract().jsonPath().getList("rows.rowId");
        List<String> again = given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", TODAY.minusDays(1).toString())
                .get(SET, t.id()).then().statusCode(200).extract().jsonPath().getList("rows.rowId");
        assertEquals(first, again, "the same participants, the same row ids, on another day");

        UUID enrolmentId = UUID.randomUUID();
        UUID otherTrial = UUID.randomUUID();
        assertEquals(rowId(t.id(), enrolmentId), rowIds.of(t.id()).rowId(enrolmentId));
        assertNotEquals(rowIds.of(t.id()).rowId(enrolmentId), rowIds.of(otherTrial).rowId(enrolmentId),
                "another trial, another key: a row id links nothing across trials");
    }

    @Test
    void onlyAnalystsAndAdminsReadItAndEachReadIsAuditedWithoutNamingAnyone() throws Exception {
        Trial t = trial();
        given().auth().oauth2(TestTokens.designer()).get(SET, t.id()).then().statusCode(403);
        given().auth().oauth2(TestTokens.jobcentre("101")).accept("text/csv").get(SET, t.id()).then().statusCode(403);
        given().get(SET, t.id()).then().statusCode(401);
        given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", TODAY.plusDays(1).toString()).get(SET, t.id())
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", "30/06/2027").get(SET, t.id())
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(List.of(), reads(t.id()), "a refused read leaves no row");

        given().auth().oauth2(TestTokens.analyst()).accept("text/csv").get(SET, t.id()).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).queryParam("asOf", TODAY.minusDays(25).toString()).get(SET, t.id())
                .then().statusCode(200);

        assertEquals(List.of("test-analyst getAnalysisSet 4", "test-admin getAnalysisSet 3"), reads(t.id()));
    }

    @Test
    void anAcceptThatIsNeitherJsonNorCsvIs406ProblemJsonAndAnyOtherGetsJsonOrCsvOnEveryDownload() throws Exception {
        Trial t = trial();
        for (String path : List.of(SET, "/api/v1/trials/{id}/estimates", "/api/v1/trials/{id}/estimates/history",
                "/api/v1/trials/{id}/survival")) {
            given().auth().oauth2(TestTokens.analyst()).accept("application/xml").get(path, t.id())
                    .then().statusCode(406).contentType("application/problem+json");
            given().auth().oauth2(TestTokens.analyst()).accept("*/*").get(path, t.id())
                    .then().statusCode(200).contentType(ContentType.JSON);
            given().auth().oauth2(TestTokens.analyst()).accept("text/*").get(path, t.id())
                    .then().statusCode(200).contentType("text/csv");
        }
    }

    private static void report(UUID trialId, UUID enrolmentId, String type, LocalDate on) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("enrolmentId", enrolmentId.toString(), "type", type, "occurredOn", on.toString(),
                        "source", "DREAM", "sourceId", type + "-" + enrolmentId))
                .post("/api/v1/trials/{id}/outcomes", trialId).then().statusCode(201);
    }

    /** The row id by its definition, from the test key file: HMAC(HMAC(key, "analysis-set:" + trial), enrolment). */
    private static String rowId(UUID trialId, UUID enrolmentId) throws Exception {
        byte[] key = Base64.getDecoder().decode(Files.readString(Path.of("src/test/resources/keys/analysis-set.key")).trim());
        byte[] trialKey = hmac(key, "analysis-set:" + trialId);
        return HexFormat.of().formatHex(hmac(trialKey, enrolmentId.toString()));
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> row) {
        Map<String, Object> copy = new java.util.HashMap<>(row);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }

    private static long withdrawn(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) TrialPlan.getEntityManager()
                .createNativeQuery("select count(withdrawn_on) from participant where trial_id = ?1")
                .setParameter(1, trialId).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private static List<String> reads(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) TrialPlan.getEntityManager()
                .createNativeQuery("select reader, operation, records from participant_data_read where trial_id = ?1 order by id")
                .setParameter(1, trialId).getResultList()).stream()
                .map(r -> r[0] + " " + r[1] + " " + r[2]).toList());
    }
}
