package dk.trials.enrolment.rest;

import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.Trials;
import dk.trials.platform.cpr.CprNumber;
import dk.trials.platform.cpr.CprPseudonymiser;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An import named by an Upload-Id reports its progress while it runs and its answer once done. */
@QuarkusTest
class ImportProgressTest {

    private static final int LINES = 1000;

    @Inject
    EventCodec codec;
    @Inject
    CprPseudonymiser pseudonymiser;
    @Inject
    UserTransaction transaction;

    @Test
    void aRunningImportShowsTheLinesWrittenSoFarAndOnceDoneItsAnswer() throws Exception {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        List<Map<String, Object>> lines = lines(LINES);
        String uploadId = "import-" + UUID.randomUUID();

        // Another transaction holds line 701's citizen, uncommitted: the import writes its first 500 lines, then
        // waits on that row in its second statement until the holder rolls back, so it is seen half-way.
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Threads of the test's own: the common pool has one worker on two cores, which the waiting holder would keep.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try {
                transaction.begin();
                try {
                    String cpr = (String) lines.get(700).get("cpr");
                    Enrolment.allocated(trialId, pseudonymiser.inTrial(trialId, CprNumber.parse(cpr).orElseThrow()),
                            "control", "101", "held", Instant.now(), LocalDate.now(Citizens.COPENHAGEN), true,
                            "test-holder").persistAndFlush();
                    held.countDown();
                    awaitOrFail(release);
                } finally {
                    transaction.rollback();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        assertTrue(held.await(30, TimeUnit.SECONDS));
        CompletableFuture<Response> importing = CompletableFuture.supplyAsync(() -> importBatch(trialId, uploadId, lines),
                threads);

        // Until the import has begun, its id is unknown.
        JsonPath running = await().atMost(Duration.ofSeconds(60)).until(() -> progressOf(trialId, uploadId),
                p -> p.statusCode() == 200 && p.jsonPath().getInt("linesProcessed") > 0).jsonPath();
        assertEquals("RUNNING", running.getString("state"));
        assertEquals(LINES, running.getInt("linesSubmitted"));
        assertEquals(500, running.getInt("linesProcessed"), "the first statement's lines, not the held one's");
        assertEquals(500, running.getInt("imported"));
        assertNull(running.get("finishedAt"));

        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        JsonPath answer = importing.get(60, TimeUnit.SECONDS).then().statusCode(200).extract().jsonPath();
        assertEquals(LINES, answer.getInt("imported"));

        JsonPath done = progress(trialId, uploadId);
        assertEquals("DONE", done.getString("state"));
        assertEquals(LINES, done.getInt("linesProcessed"));
        assertEquals(answer.getInt("imported"), done.getInt("imported"));
        assertEquals(answer.getInt("alreadyEnrolled"), done.getInt("alreadyEnrolled"));
        assertEquals(uploadId, done.getString("uploadId"));
        assertEquals(trialId.toString(), done.getString("trialId"));
        assertNotNull(done.getString("finishedAt"));
        threads.shutdown();
    }

    @Test
    void anUploadIdThatIsNotAnIdIsRefusedNamingTheHeaderAndNothingIsImported() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        for (String bad : List.of("has space", "ø", "x".repeat(101), "a/b")) {
            Response answer = importBatch(trialId, bad, lines(2));
            assertEquals(400, answer.statusCode(), "Upload-Id '" + bad + "'");
            answer.then().contentType("application/problem+json").body("errors[0].field", equalTo("Upload-Id"));
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Enrolment.count("trialId", trialId)));
    }

    @Test
    void anUnknownIdIsNotFoundAndOnlyAdminsFollowAnImport() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        UUID otherTrial = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String uploadId = "import-" + UUID.randomUUID();
        importBatch(trialId, uploadId, lines(3)).then().statusCode(200).body("imported", equalTo(3));

        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/uploads/{upload}", trialId, "no-such-upload")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/uploads/{upload}", otherTrial, uploadId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials/{id}/uploads/{upload}", trialId, uploadId)
                .then().statusCode(403);
        assertEquals(3, progress(trialId, uploadId).getInt("imported"));
    }

    @Test
    void anIdNamesOneImportAndIsRefusedForAnotherTrialWithNothingImported() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        UUID otherTrial = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String uploadId = "import-" + UUID.randomUUID();
        importBatch(trialId, uploadId, lines(2)).then().statusCode(200);

        importBatch(otherTrial, uploadId, lines(2)).then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Upload-Id"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Enrolment.count("trialId", otherTrial)));
        // The same caller's finished import of the same trial may be followed afresh under its id.
        importBatch(trialId, uploadId, lines(4)).then().statusCode(200).body("imported", equalTo(4));
        JsonPath again = progress(trialId, uploadId);
        assertEquals(4, again.getInt("linesSubmitted"));
        assertEquals(4, again.getInt("imported"));
    }

    private static List<Map<String, Object>> lines(int count) {
        LocalDate enrolledOn = LocalDate.now(Citizens.COPENHAGEN).minusDays(10);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(Map.of("cpr", Citizens.aged(20 + i % 8), "jobcentre", "101", "benefitType", "DAGPENGE",
                    "arm", i % 2 == 0 ? "treatment" : "control", "enrolledOn", enrolledOn.toString()));
        }
        return lines;
    }

    private static Response importBatch(UUID trialId, String uploadId, List<Map<String, Object>> lines) {
        return given().auth().oauth2(TestTokens.admin()).header("Upload-Id", uploadId).contentType(ContentType.JSON)
                .body(Map.of("enrolments", lines)).post("/api/v1/trials/{id}/enrolments/import", trialId);
    }

    private static JsonPath progress(UUID trialId, String uploadId) {
        return progressOf(trialId, uploadId).then().statusCode(200).extract().jsonPath();
    }

    private static Response progressOf(UUID trialId, String uploadId) {
        return given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/uploads/{upload}", trialId, uploadId);
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            assertTrue(latch.await(120, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
