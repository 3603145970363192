package dk.trials.outcome.rest;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Bulk NDJSON files: what several lines of one file about the same record or participant come to, what a record
 * another transaction keeps meanwhile comes to, and that a bad line is rejected by its number while the rest of the
 * file counts.
 */
@QuarkusTest
class BulkOutcomeApiTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);

    @Inject
    EventCodec codec;
    @Inject
    AgroalDataSource dataSource;

    private UUID trialId;

    @BeforeEach
    void openTrial() {
        trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), 400);
    }

    @Test
    void theSameSourceAndSourceIdTwiceInOneFileCountsTheFirstLineOnly() {
        UUID participant = enrol("control", TODAY.minusDays(100));
        JsonPath receipt = bulk(line(participant, "JOB_EXIT", TODAY.minusDays(40), "DREAM", "same-1")
                + line(participant, "JOB_EXIT", TODAY.minusDays(90), "DREAM", "same-1"));
        assertEquals(1, receipt.getLong("accepted"));
        assertEquals(1, receipt.getLong("duplicate"));

        awaitEvents("control", 1);
        assertEquals(60, firstEventDay("control"), "the first line's date stands, not the later line's earlier one");
    }

    @Test
    void aRecordAnotherTransactionIsKeepingWhileTheFileIsWrittenIsADuplicateAndTheRestCounts() throws Exception {
        LocalDate enrolledOn = TODAY.minusDays(100);
        List<UUID> participants = List.of(enrol("control", enrolledOn), enrol("control", enrolledOn),
                enrol("control", enrolledOn));
        String file = line(participants.get(0), "JOB_EXIT", TODAY.minusDays(40), "DREAM", "race-0")
                + line(participants.get(1), "JOB_EXIT", TODAY.minusDays(40), "DREAM", "race-1")
                + line(participants.get(2), "JOB_EXIT", TODAY.minusDays(40), "DREAM", "race-2");
        JsonPath receipt;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement s = other.prepareStatement("""
                    insert into outcome (trial_id, source, source_id, enrolment_id, type, occurred_on, status, reason)
                    values (?, 'DREAM', 'race-1', ?, 'EMIGRATED', ?, 'REJECTED', 'kept by the other transaction')""")) {
                s.setObject(1, trialId);
                s.setObject(2, participants.get(1));
                s.setObject(3, TODAY.minusDays(50));
                s.executeUpdate();
            }
            CompletableFuture<JsonPath> posted = CompletableFuture.supplyAsync(() -> bulk(file));
            // The file's transaction cannot see the uncommitted record; it waits on it in the unique key.
            await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and query like 'insert into outcome%'") == 1);
            other.commit();
            receipt = posted.get();
        }
        assertEquals(2, receipt.getLong("accepted"));
        assertEquals(1, receipt.getLong("duplicate"));
        assertEquals(1, count("select count(*) from outcome where trial_id = '" + trialId
                + "' and source_id = 'race-1' and reason = 'kept by the other transaction'"), "the first record stands");
        assertEquals(2, count("select count(*) from participant where trial_id = '" + trialId
                + "' and ended_day is not null"), "the duplicate line's participant is not counted as ended");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void ofTwoLinesForOneParticipantInOneFileTheEarliestEndCountsAndAJobExitWinsTheTie() {
        UUID censoredFirst = enrol("treatment", TODAY.minusDays(100));
        UUID exitOnTheSameDay = enrol("control", TODAY.minusDays(100));
        JsonPath receipt = bulk(line(censoredFirst, "JOB_EXIT", TODAY.minusDays(20), "DREAM", "a-1")
                + line(censoredFirst, "EMIGRATED", TODAY.minusDays(70), "CPR", "a-2")
                + line(exitOnTheSameDay, "LOST_TO_FOLLOW_UP", TODAY.minusDays(60), "CPR", "b-1")
                + line(exitOnTheSameDay, "JOB_EXIT", TODAY.minusDays(60), "DREAM", "b-2")
                + line(exitOnTheSameDay, "DECEASED", TODAY.minusDays(60), "CPR", "b-3"));
        assertEquals(5, receipt.getLong("accepted"));

        awaitEvents("control", 1);
        assertEquals(0, estimates().getInt("arms.find { it.arm == 'treatment' }.events"),
                "censored on day 30 before the job exit on day 80");
        assertEquals(40, firstEventDay("control"));
        // Yesterday's figures are summed from the aggregate cells at each call.
        String counted = yesterday().getString("arms");

        // The same file again changes nothing.
        JsonPath again = bulk(line(censoredFirst, "JOB_EXIT", TODAY.minusDays(20), "DREAM", "a-1")
                + line(censoredFirst, "EMIGRATED", TODAY.minusDays(70), "CPR", "a-2")
                + line(exitOnTheSameDay, "LOST_TO_FOLLOW_UP", TODAY.minusDays(60), "CPR", "b-1")
                + line(exitOnTheSameDay, "JOB_EXIT", TODAY.minusDays(60), "DREAM", "b-2")
                + line(exitOnTheSameDay, "DECEASED", TODAY.minusDays(60), "CPR", "b-3"));
        assertEquals(5, again.getLong("duplicate"));
        assertEquals(counted, yesterday().getString("arms"));
    }

    @Test
    void aFileOfSeveralBatchesAnswersEveryLineWithItsOwnNumber() {
        UUID known = enrol("treatment", TODAY.minusDays(50));
        StringBuilder file = new StringBuilder();
        int lines = 12_001;
        for (int i = 1; i <= lines; i++) {
            if (i == 3 || i == 7_002) {
                file.append("{not json\n");
            } else if (i == 5_001) {
                file.append(line(UUID.randomUUID(), "JOB_EXIT", TODAY.plusDays(1), "DREAM", "f-" + i));
            } else if (i == 12_001) {
                file.append(line(known, "JOB_EXIT", TODAY.minusDays(60), "DREAM", "f-" + i));
            } else if (i == 9_999) {
                file.append(line(known, "JOB_EXIT", TODAY.minusDays(10), "DREAM", "f-" + i));
            } else {
                // Participants not enrolled (yet): kept as pending.
                file.append(line(UUID.randomUUID(), "JOB_EXIT", TODAY.minusDays(5), "DREAM", "f-" + i));
            }
        }
        JsonPath receipt = bulk(file.toString());
        assertEquals(lines, receipt.getLong("lines"));
        assertEquals(1, receipt.getLong("accepted"));
        assertEquals(4, receipt.getLong("rejected"));
        assertEquals(lines - 5, receipt.getLong("pending"));
        assertEquals(List.of(3, 5_001, 7_002, 12_001), receipt.getList("rejections.line", Integer.class));
        assertEquals("occurredOn " + TODAY.minusDays(60) + " is before the participant's enrolment on " + TODAY.minusDays(50),
                receipt.getString("rejections[3].reason"));

        JsonPath again = bulk(file.toString());
        assertEquals(lines - 4, again.getLong("duplicate"));
        assertEquals(4, again.getLong("rejected"));
        awaitEvents("treatment", 1);
        assertEquals(40, firstEventDay("treatment"));
    }

    @Test
    void batchesWrittenSideBySideKeepTheFirstLineOfASourceIdAndTheEarliestEndOfAParticipant() {
        UUID repeated = enrol("control", TODAY.minusDays(100));
        UUID spread = enrol("treatment", TODAY.minusDays(100));
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= 15_000; i++) {
            if (i == 4_999) {
                file.append(line(repeated, "JOB_EXIT", TODAY.minusDays(40), "DREAM", "side-1"));
            } else if (i == 5_001) {
                // The next batch, written beside the first: the later line of the same source id must not win.
                file.append(line(repeated, "JOB_EXIT", TODAY.minusDays(90), "DREAM", "side-1"));
            } else if (i == 2 || i == 7_000 || i == 14_000) {
                file.append(line(spread, i == 7_000 ? "JOB_EXIT" : "EMIGRATED", TODAY.minusDays(i == 14_000 ? 80 : 50),
                        "DREAM", "spread-" + i));
            } else {
                file.append(line(UUID.randomUUID(), "JOB_EXIT", TODAY.minusDays(5), "DREAM", "side-p-" + i));
            }
        }
        JsonPath receipt = bulk(file.toString());
        assertEquals(4, receipt.getLong("accepted"));
        assertEquals(1, receipt.getLong("duplicate"));
        assertEquals(14_995, receipt.getLong("pending"));

        awaitEvents("control", 1);
        assertEquals(60, firstEventDay("control"), "the first line's date stands, not the next batch's earlier one");
        assertEquals(0, estimates().getInt("arms.find { it.arm == 'treatment' }.events"),
                "censored on day 20, before the job exit on day 50 in the batch beside it");
    }

    @Test
    void eachBadLineIsRejectedByItsNumberAndNeverFailsItsBatchOrTheFile() {
        UUID known = enrol("control", TODAY.minusDays(50));
        String good = line(known, "JOB_EXIT", TODAY.minusDays(10), "DREAM", "good-1");
        String file = good
                + line(known, "JOB_EXIT", "0000-01-01", "DREAM", "bad-2")
                + line(known, "JOB_EXIT", "-5000-01-01", "DREAM", "bad-3")
                + line(known, "JOB_EXIT", "2027-02-30", "DREAM", "bad-4")
                + "{\"enrolmentId\":\"" + known + "\",\"type\":{\"no\":1},\"occurredOn\":\"" + TODAY + "\",\"source\":\"DREAM\",\"sourceId\":\"bad-5\"}\n"
                + "{\"enrolmentId\": \"x0101991234\n"
                + line(known, "JOB_EXIT", TODAY.minusDays(5).toString(), "DREAM", "dream-010199-1234")
                + line(known, "JOB_EXIT", TODAY.minusDays(5).toString(), "DRE\\u0001AM", "bad-8")
                + "[1, 2]\n"
                + "null\n"
                + line(UUID.randomUUID(), "EMIGRATED", TODAY.minusDays(3).toString(), "CPR", "pending-11");
        String answer = bulkAnswer(file);
        JsonPath receipt = JsonPath.from(answer);
        assertEquals(11, receipt.getLong("lines"));
        assertEquals(1, receipt.getLong("accepted"));
        assertEquals(1, receipt.getLong("pending"));
        assertEquals(9, receipt.getLong("rejected"));
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10), receipt.getList("rejections.line", Integer.class));
        assertEquals("sourceId must not contain a CPR number", receipt.getString("rejections.find { it.line == 7 }.reason"));
        assertFalse(answer.contains("010199") || answer.contains("0101991234"), answer);
        awaitEvents("control", 1);
        assertEquals(40, firstEventDay("control"));
    }

    @Test
    void aLineOverSixteenKibIsRejectedByItsNumberAndTheLinesAroundItCount() {
        UUID known = enrol("treatment", TODAY.minusDays(50));
        String padded = "{\"enrolmentId\":\"" + known + "\",\"type\":\"JOB_EXIT\",\"occurredOn\":\"" + TODAY.minusDays(20)
                + "\",\"source\":\"DREAM\",\"sourceId\":\"long-2\",\"padding\":\"";
        String atTheLimit = padded + "x".repeat(OutcomeResource.MAX_LINE_BYTES - padded.length() - 2) + "\"}";
        String overIt = padded + "x".repeat(OutcomeResource.MAX_LINE_BYTES - padded.length() - 1) + "\"}";
        assertEquals(OutcomeResource.MAX_LINE_BYTES, atTheLimit.length());
        JsonPath receipt = bulk(line(known, "EMIGRATED", TODAY.minusDays(5).toString(), "CPR", "long-1")
                + overIt + "\r\n"
                + atTheLimit.replace("long-2", "long-3") + "\r\n"
                + "y".repeat(3 * OutcomeResource.MAX_LINE_BYTES) + "\n"
                + line(known, "JOB_EXIT", TODAY.minusDays(30).toString(), "DREAM", "long-5"));
        assertEquals(5, receipt.getLong("lines"));
        assertEquals(3, receipt.getLong("accepted"));
        assertEquals(List.of(2, 4), receipt.getList("rejections.line", Integer.class));
        assertEquals("line is longer than 16384 bytes", receipt.getString("rejections[0].reason"));
        awaitEvents("treatment", 1);
        assertEquals(20, firstEventDay("treatment"));
    }

    @Test
    void aJobcentresLineForAnotherJobcentresParticipantWaitsAsForANonParticipantAndIsNotCounted() {
        UUID elsewhere = enrol("control", TODAY.minusDays(50));
        JsonPath receipt = given().auth().oauth2(TestTokens.jobcentre("751")).contentType("application/x-ndjson")
                .body((line(elsewhere, "JOB_EXIT", TODAY.minusDays(10).toString(), "DREAM", "jc-1")
                        + line(elsewhere, "JOB_EXIT", TODAY.minusDays(60).toString(), "DREAM", "jc-2")
                        + line(UUID.randomUUID(), "JOB_EXIT", TODAY.minusDays(10).toString(), "DREAM", "jc-3"))
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/trials/{id}/outcomes/bulk", trialId).then().statusCode(200).extract().jsonPath();
        assertEquals(0, receipt.getLong("accepted"));
        assertEquals(3, receipt.getLong("pending"));
        assertEquals(0, receipt.getLong("rejected"));
        assertEquals(0, estimates().getInt("arms.find { it.arm == 'control' }.events"));
    }

    @Test
    void aBodyOverTwoGibIsRefusedWith413BeforeAnyLineIsRead() throws Exception {
        java.net.URI base = java.net.URI.create(io.restassured.RestAssured.baseURI);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/trials/" + trialId + "/outcomes/bulk HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestTokens.admin() + "\r\nContent-Type: application/x-ndjson\r\n"
                    + "Content-Length: " + (2L * 1024 * 1024 * 1024 + 1) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(line(UUID.randomUUID(), "JOB_EXIT", TODAY.toString(), "DREAM", "huge-1")
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
        }
        assertEquals(0, estimates().getInt("outcomes.pendingEnrolment"));
    }

    private UUID enrol(String arm, LocalDate enrolledOn) {
        UUID enrolmentId = UUID.randomUUID();
        long before = Events.participants(trialId);
        try {
            Events.enrol(codec, Events.enrolled(trialId, enrolmentId,
                    HexFormat.of().formatHex(enrolmentId.toString().getBytes(StandardCharsets.UTF_8)), arm, "101", enrolledOn)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == before + 1);
        return enrolmentId;
    }

    private static String line(UUID enrolmentId, String type, LocalDate occurredOn, String source, String sourceId) {
        return line(enrolmentId, type, occurredOn.toString(), source, sourceId);
    }

    private static String line(UUID enrolmentId, String type, String occurredOn, String source, String sourceId) {
        return "{\"enrolmentId\":\"" + enrolmentId + "\",\"type\":\"" + type + "\",\"occurredOn\":\"" + occurredOn
                + "\",\"source\":\"" + source + "\",\"sourceId\":\"" + sourceId + "\"}\n";
    }

    private JsonPath bulk(String file) {
        return JsonPath.from(bulkAnswer(file));
    }

    private String bulkAnswer(String file) {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/x-ndjson")
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/trials/{id}/outcomes/bulk", trialId)
                .then().statusCode(200).extract().asString();
    }

    private JsonPath estimates() {
        return given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/estimates", trialId)
                .then().statusCode(200).extract().jsonPath();
    }

    private JsonPath yesterday() {
        return given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", TODAY.minusDays(1).toString())
                .get("/api/v1/trials/{id}/estimates", trialId).then().statusCode(200).extract().jsonPath();
    }

    private void awaitEvents(String arm, int events) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> estimates().getInt("arms.find { it.arm == '" + arm + "' }.events") == events);
    }

    private int firstEventDay(String arm) {
        return given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/survival", trialId)
                .then().statusCode(200).extract().jsonPath()
                .getInt("arms.find { it.arm == '" + arm + "' }.points.find { it.nEvent > 0 }.time");
    }
}
