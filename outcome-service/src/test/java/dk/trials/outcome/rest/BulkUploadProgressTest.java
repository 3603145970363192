package dk.trials.outcome.rest;

import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A bulk file named by an Upload-Id reports its progress while it loads and its answer once done. */
@QuarkusTest
class BulkUploadProgressTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);

    @Inject
    EventCodec codec;
    @TestHTTPResource("/api/v1/trials")
    URI trials;

    private UUID trialId;

    @BeforeEach
    void openTrial() {
        trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), 400);
    }

    @Test
    void aFileStillArrivingShowsItsLinesSoFarAndOnceDoneTheAnswersCounts() throws Exception {
        String uploadId = "dream-" + UUID.randomUUID();
        JsonPath receipt;
        try (ChunkedUpload file = new ChunkedUpload(trials, "/api/v1/trials/" + trialId + "/outcomes/bulk",
                TestTokens.admin(), uploadId)) {
            // The first batch (5000 readable lines) and one unreadable line, then the sender pauses mid-file.
            file.send(lines(1, 5_001));
            JsonPath running = await().atMost(Duration.ofSeconds(60)).until(() -> progressSoFar(uploadId),
                    p -> p != null && p.getLong("linesProcessed") > 0);
            assertEquals("RUNNING", running.getString("state"));
            assertEquals(5_001, running.getLong("linesProcessed"), "every line read so far, and no further");
            assertEquals(1, running.getLong("rejected"), "the unreadable line, refused as it was read");
            assertNull(running.get("finishedAt"));

            file.send(lines(5_002, 7_000));
            ChunkedUpload.Answer answer = file.finish();
            assertEquals(200, answer.status(), answer.body());
            receipt = JsonPath.from(answer.body());
        }
        assertEquals(7_000, receipt.getLong("lines"));
        assertEquals(6_999, receipt.getLong("pending"));

        JsonPath progress = progress(uploadId, TestTokens.admin()).then().statusCode(200).extract().jsonPath();
        assertEquals("DONE", progress.getString("state"));
        assertEquals(uploadId, progress.getString("uploadId"));
        assertEquals(trialId.toString(), progress.getString("trialId"));
        for (String count : List.of("accepted", "pending", "duplicate", "rejected")) {
            assertEquals(receipt.getLong(count), progress.getLong(count), count);
        }
        assertEquals(receipt.getLong("lines"), progress.getLong("linesProcessed"));
        assertNotNull(progress.getString("finishedAt"));
    }

    @Test
    void onlyTheJobcentreThatSentAnUploadOrAnAdminMayFollowIt() {
        String uploadId = "jc101-" + UUID.randomUUID();
        bulk(TestTokens.jobcentre("101"), uploadId, line(UUID.randomUUID(), "a-1")).then().statusCode(200)
                .body("pending", equalTo(1));

        progress(uploadId, TestTokens.jobcentre("101")).then().statusCode(200).body("state", equalTo("DONE"))
                .body("pending", equalTo(1));
        progress(uploadId, TestTokens.admin()).then().statusCode(200).body("pending", equalTo(1));
        progress(uploadId, TestTokens.jobcentre("147")).then().statusCode(404).contentType("application/problem+json");
        progress(uploadId, TestTokens.analyst()).then().statusCode(403);
        progress("no-such-upload", TestTokens.admin()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUploadIdThatIsNotAnIdIsRefusedNamingTheHeaderAndNothingIsKept() {
        String line = line(UUID.randomUUID(), "bad-id-1");
        for (String bad : List.of("has space", "ø", "x".repeat(101), "a/b")) {
            Response answer = bulk(TestTokens.admin(), bad, line);
            assertEquals(400, answer.statusCode(), "Upload-Id '" + bad + "'");
            answer.then().contentType("application/problem+json").body("errors[0].field", equalTo("Upload-Id"));
        }
        bulk(TestTokens.admin(), "fine-" + UUID.randomUUID(), line).then().statusCode(200)
                .body("pending", equalTo(1)).body("duplicate", equalTo(0));
    }

    @Test
    void anIdNamesOneUploadAndIsRefusedForAnotherCallerOrTrialBeforeAnyLineIsRead() {
        String uploadId = "once-" + UUID.randomUUID();
        bulk(TestTokens.jobcentre("101"), uploadId, line(UUID.randomUUID(), "once-1")).then().statusCode(200);

        String line = line(UUID.randomUUID(), "once-2");
        bulk(TestTokens.jobcentre("147"), uploadId, line).then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Upload-Id"));
        UUID otherTrial = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), 400);
        given().auth().oauth2(TestTokens.jobcentre("101")).header("Upload-Id", uploadId)
                .contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/trials/{id}/outcomes/bulk", otherTrial).then().statusCode(409);
        // Nothing of the refused files was read: the line is new to the trial, and then follows afresh under the id.
        bulk(TestTokens.jobcentre("101"), uploadId, line).then().statusCode(200).body("pending", equalTo(1));
        progress(uploadId, TestTokens.jobcentre("101")).then().statusCode(200).body("linesProcessed", equalTo(1));
    }

    /** The upload's progress, or null while its id is still unknown (the request has not reached the service). */
    private JsonPath progressSoFar(String uploadId) {
        Response answer = progress(uploadId, TestTokens.admin());
        return answer.statusCode() == 200 ? answer.jsonPath() : null;
    }

    private static byte[] lines(int from, int to) {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i <= to; i++) {
            lines.append(i == 3 ? "{not json\n" : line(UUID.randomUUID(), "p-" + i));
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(UUID enrolmentId, String sourceId) {
        // Participants not enrolled (yet): each line is kept as pending.
        return "{\"enrolmentId\":\"" + enrolmentId + "\",\"type\":\"JOB_EXIT\",\"occurredOn\":\"" + TODAY.minusDays(5)
                + "\",\"source\":\"DREAM\",\"sourceId\":\"" + sourceId + "\"}\n";
    }

    private Response bulk(String token, String uploadId, String file) {
        return given().auth().oauth2(token).header("Upload-Id", uploadId).contentType("application/x-ndjson")
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/trials/{id}/outcomes/bulk", trialId);
    }

    private Response progress(String uploadId, String token) {
        return given().auth().oauth2(token).get("/api/v1/trials/{id}/uploads/{upload}", trialId, uploadId);
    }
}
