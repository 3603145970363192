package dk.trials.outcome.rest;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bulk NDJSON files: what several lines of one file about the same record or participant come to. */
@QuarkusTest
class BulkOutcomeApiTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);

    @Inject
    EventCodec codec;

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
        return "{\"enrolmentId\":\"" + enrolmentId + "\",\"type\":\"" + type + "\",\"occurredOn\":\"" + occurredOn
                + "\",\"source\":\"" + source + "\",\"sourceId\":\"" + sourceId + "\"}\n";
    }

    private JsonPath bulk(String file) {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/x-ndjson")
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/trials/{id}/outcomes/bulk", trialId)
                .then().statusCode(200).extract().jsonPath();
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
