package dk.trials.outcome.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.statistics.ReferenceData;
import dk.trials.sequential.Normal;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The R reference data sets travel the service's real path (enrolment events, bulk NDJSON outcomes, some before
 * their enrolment) into the per-day aggregates, and GET /estimates at the data set's asOf gives R's figures: the
 * aggregates lose nothing. Posting the same file again changes nothing.
 */
@QuarkusTest
class ReferenceDataThroughTheServiceTest extends TestInfrastructure {

    private static final double TOLERANCE = 1e-9;
    private static final JsonNode REFERENCE = ReferenceData.json("survival-reference.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventCodec codec;
    @Inject
    FollowUpTables followUps;

    @Test
    void twoArmsWithDifferentJobcentreMixesCensoringAndAsOfTruncationGiveRsFigures() throws Exception {
        JsonNode dataset = dataset("ds5");
        Loaded trial = load(dataset, List.of("control", "treatment"), 2000, 0);
        JsonPath estimates = estimatesAgreeWithR(trial.trialId, dataset, dataset.path("asOf").asText());

        String again = given().auth().oauth2(TestTokens.admin()).contentType("application/x-ndjson").body(trial.bulk.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/trials/{id}/outcomes/bulk", trial.trialId).then().statusCode(200).extract().asString();
        JsonPath receipt = JsonPath.from(again);
        assertEquals(trial.lines - trial.future, receipt.getLong("duplicate"), "every kept line is a duplicate the second time");
        assertEquals(trial.future, receipt.getLong("rejected"));
        assertEquals(0, receipt.getLong("accepted") + receipt.getLong("pending"));
        JsonPath after = estimates(trial.trialId, dataset.path("asOf").asText());
        assertEquals(withoutComputedAt(estimates), withoutComputedAt(after), "nothing changed");

        survivalCurveAgreesWithR(trial.trialId, dataset);
        monitoringShowsTheProvisionalFirstLookAndTheHistoryTheDay(trial.trialId);
    }

    @Test
    void threeArmsAreEachComparedWithControl() throws Exception {
        JsonNode dataset = dataset("ds3");
        Loaded trial = load(dataset, List.of("control", "treatmentA", "treatmentB"), null, 0);
        JsonPath estimates = estimatesAgreeWithR(trial.trialId, dataset, dataset.path("asOf").asText());
        assertNull(estimates.get("monitoring.informationFraction"), "no planned events, no information fraction");
        assertEquals("the design plans no events (it has no power assumptions), so there is no information fraction "
                + "to monitor", estimates.getString("monitoring.reason"));
    }

    /**
     * The heavily tied data set moved in time so that its asOf is today: today's figures, computed from the per-day
     * counts alone, are R's, and the cells by enrolment date give the same follow-up.
     */
    @Test
    void todaysFiguresFromThePerDayCountsAreRsToo() throws Exception {
        JsonNode dataset = dataset("ds4");
        LocalDate today = LocalDate.now(TrialsClock.ZONE);
        int shift = (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(dataset.path("asOf").asText()), today);
        Loaded trial = load(dataset, List.of("control", "treatment"), null, shift);
        estimatesAgreeWithR(trial.trialId, dataset, today.toString());
        int horizon = dataset.path("horizonDays").asInt();
        var perDay = followUps.tablesWithEveryOutcomeCounted(trial.trialId, today, horizon);
        var byEnrolmentDay = followUps.tablesByEnrolmentDay(trial.trialId, today, horizon);
        assertEquals(byEnrolmentDay.keySet(), perDay.keySet());
        byEnrolmentDay.forEach((arm, strata) -> strata.forEach((jobcentre, table) -> {
            for (int day = 0; day <= horizon; day++) {
                assertEquals(table.events(day), perDay.get(arm).get(jobcentre).events(day), arm + " " + jobcentre + " day " + day);
                assertEquals(table.censorings(day), perDay.get(arm).get(jobcentre).censorings(day), arm + " " + jobcentre + " day " + day);
            }
        }));
    }

    /** The file, its lines, and how many of them are dated in the future (simulated exits beyond today). */
    private record Loaded(UUID trialId, String bulk, long lines, long future) {
    }

    /** Half the participants are enrolled before the outcomes are posted, half after (their outcomes wait). */
    private Loaded load(JsonNode dataset, List<String> arms, Integer plannedEvents, int shiftDays) throws Exception {
        int horizonDays = dataset.path("horizonDays").asInt();
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms(arms.toArray(String[]::new)), horizonDays / 7), plannedEvents);
        List<ReferenceData.Row> rows = ReferenceData.rows(dataset.path("file").asText()).stream()
                .map(r -> new ReferenceData.Row(r.arm(), r.jobcentre(), r.enrolledOn().plusDays(shiftDays),
                        r.jobExitOn() == null ? null : r.jobExitOn().plusDays(shiftDays),
                        r.censoredOn() == null ? null : r.censoredOn().plusDays(shiftDays))).toList();
        String asOf = LocalDate.parse(dataset.path("asOf").asText()).plusDays(shiftDays).toString();
        List<UUID> enrolments = new ArrayList<>();
        StringBuilder bulk = new StringBuilder();
        long lines = 0;
        long future = 0;
        LocalDate today = LocalDate.now(TrialsClock.ZONE);
        for (int i = 0; i < rows.size(); i++) {
            ReferenceData.Row row = rows.get(i);
            UUID enrolmentId = UUID.randomUUID();
            enrolments.add(enrolmentId);
            if (row.jobExitOn() != null) {
                bulk.append(line(enrolmentId, "JOB_EXIT", row.jobExitOn(), "DREAM", "x-" + i));
                lines++;
                future += row.jobExitOn().isAfter(today) ? 1 : 0;
            }
            if (row.censoredOn() != null) {
                bulk.append(line(enrolmentId, censoringType(dataset, i), row.censoredOn(), "CPR", "c-" + i));
                lines++;
                future += row.censoredOn().isAfter(today) ? 1 : 0;
            }
        }
        int half = rows.size() / 2;
        enrol(trialId, rows, enrolments, 0, half);
        await().atMost(Duration.ofSeconds(60)).until(() -> Events.participants(trialId) == half);

        JsonPath receipt = given().auth().oauth2(TestTokens.admin()).contentType("application/x-ndjson").body(bulk.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/trials/{id}/outcomes/bulk", trialId).then().statusCode(200).extract().jsonPath();
        assertEquals(lines, receipt.getLong("lines"));
        assertEquals(future, receipt.getLong("rejected"), "only outcomes dated in the future are refused");
        assertTrue(receipt.getString("rejections[0].reason").endsWith("is in the future"));
        assertTrue(receipt.getLong("pending") > 0, "outcomes of participants not enrolled yet wait");
        assertEquals(lines - future, receipt.getLong("accepted") + receipt.getLong("pending"));

        enrol(trialId, rows, enrolments, half, rows.size());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonPath e = estimates(trialId, asOf);
            return e.getInt("outcomes.pendingEnrolment") == 0 && e.getList("arms.participants", Integer.class).stream()
                    .mapToInt(Integer::intValue).sum() == dataset.path("participants").asInt();
        });
        return new Loaded(trialId, bulk.toString(), lines, future);
    }

    private void enrol(UUID trialId, List<ReferenceData.Row> rows, List<UUID> enrolments, int from, int to) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ReferenceData.Row row = rows.get(i);
            String pseudonym = HexFormat.of().formatHex(enrolments.get(i).toString().getBytes());
            sent.add(Events.enrol(codec, Events.enrolled(trialId, enrolments.get(i), pseudonym, row.arm(), row.jobcentre(), row.enrolledOn())));
        }
        for (Future<?> f : sent) {
            f.get();
        }
    }

    private JsonPath estimatesAgreeWithR(UUID trialId, JsonNode dataset, String asOf) {
        JsonPath estimates = estimates(trialId, asOf);
        assertEquals(dataset.path("horizonDays").asInt(), estimates.getInt("horizonDays"));
        for (JsonNode arm : dataset.path("arms")) {
            String at = "arms.find { it.arm == '" + arm.path("arm").asText() + "' }.";
            assertEquals(arm.path("participants").asInt(), estimates.getInt(at + "participants"));
            assertEquals(arm.path("events").asInt(), estimates.getInt(at + "events"));
            assertEquals(arm.path("nRiskAtHorizon").asInt(), estimates.getInt(at + "atRiskAtHorizon"));
            close(arm.at("/cumulativeIncidence/estimate"), estimates.getDouble(at + "cumulativeIncidence.estimate"));
            close(arm.at("/cumulativeIncidence/ci95/0"), estimates.getDouble(at + "cumulativeIncidence.ci95[0]"));
            close(arm.at("/cumulativeIncidence/ci95/1"), estimates.getDouble(at + "cumulativeIncidence.ci95[1]"));
            close(arm.path("stdErr"), estimates.getDouble(at + "standardError"));
            close(arm.at("/rmst/estimate"), estimates.getDouble(at + "restrictedMeanTimeToJobExit.estimate"));
            close(arm.at("/rmst/se"), estimates.getDouble(at + "restrictedMeanTimeToJobExit.standardError"));
        }
        for (JsonNode comparison : dataset.path("comparisons")) {
            String at = "comparisons.find { it.arm == '" + comparison.path("arm").asText() + "' }.";
            assertEquals("control", estimates.getString(at + "versus"));
            close(comparison.at("/riskDifference/estimate"), estimates.getDouble(at + "riskDifference.estimate"));
            close(comparison.at("/riskDifference/ci95/0"), estimates.getDouble(at + "riskDifference.ci95[0]"));
            close(comparison.at("/riskDifference/ci95/1"), estimates.getDouble(at + "riskDifference.ci95[1]"));
            close(comparison.at("/cox/hazardRatio"), estimates.getDouble(at + "hazardRatio.estimate"));
            close(comparison.at("/cox/ci95/0"), estimates.getDouble(at + "hazardRatio.ci95[0]"));
            close(comparison.at("/cox/ci95/1"), estimates.getDouble(at + "hazardRatio.ci95[1]"));
            close(comparison.at("/logRank/chiSquare"), estimates.getDouble(at + "logRank.chiSquare"));
            close(comparison.at("/logRank/pValue"), estimates.getDouble(at + "logRank.pValue"));
            close(comparison.at("/stratifiedLogRank/chiSquare"), estimates.getDouble(at + "stratifiedLogRank.chiSquare"));
            close(comparison.at("/stratifiedLogRank/pValue"), estimates.getDouble(at + "stratifiedLogRank.pValue"));
        }
        return estimates;
    }

    private void survivalCurveAgreesWithR(UUID trialId, JsonNode dataset) {
        JsonPath curves = precise(given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", dataset.path("asOf").asText())
                .get("/api/v1/trials/{id}/survival", trialId).then().statusCode(200).extract().asString());
        for (JsonNode arm : dataset.path("arms")) {
            List<Double> surv = curves.getList("arms.find { it.arm == '" + arm.path("arm").asText() + "' }.points.surv", Double.class);
            List<Integer> times = curves.getList("arms.find { it.arm == '" + arm.path("arm").asText() + "' }.points.time", Integer.class);
            assertEquals(arm.path("curve").size(), times.size());
            for (int i = 0; i < times.size(); i++) {
                assertEquals(arm.path("curve").get(i).path("time").asInt(), times.get(i));
                close(arm.path("curve").get(i).path("surv"), surv.get(i));
            }
        }
    }

    /**
     * With 2000 planned events and no formal look (looks are taken only on frozen cuts, never by the refresh), the
     * decision stays CONTINUE, and the figures are the provisional first look of the classic Lan–DeMets plan such a
     * trial was frozen with: boundary z_{α/2}/√t at t = job exits / planned events, repeated intervals at it. The
     * day's figures are recorded in the history.
     */
    private void monitoringShowsTheProvisionalFirstLookAndTheHistoryTheDay(UUID trialId) {
        JsonPath history = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(
                () -> given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/estimates/history", trialId)
                        .then().statusCode(200).extract().jsonPath(),
                h -> h.getList("points.kind").contains("DAILY"));
        assertNotNull(history.get("points[0].estimates.arms"));
        JsonPath today = estimates(trialId, LocalDate.now(TrialsClock.ZONE).toString());
        long events = today.getList("arms.events", Long.class).stream().mapToLong(Long::longValue).sum();
        double fraction = events / 2000.0;
        double boundary = Normal.upperQuantile(0.025) / Math.sqrt(fraction);
        assertEquals(fraction, today.getDouble("monitoring.informationFraction"), 1e-12);
        assertEquals(boundary, today.getDouble("monitoring.boundaryZ"), 1e-9);
        assertEquals(today.getDouble("comparisons[0].logRank.z"), today.getDouble("monitoring.observedZ"), 0);
        assertTrue(today.getBoolean("monitoring.provisional"));
        assertEquals("CONTINUE", today.getString("monitoring.decision"));
        assertEquals(0, today.getInt("monitoring.looksTaken"));
        assertEquals("LanDeMetsClassic", today.getString("monitoring.spending.family"));
        assertEquals(0.1, today.getDouble("monitoring.nextLookAt"), 1e-12);
        double logHazardRatio = today.getDouble("comparisons[0].hazardRatio.logHazardRatio");
        double se = today.getDouble("comparisons[0].hazardRatio.standardError");
        assertEquals(Math.exp(logHazardRatio - boundary * se), today.getDouble("comparisons[0].hazardRatio.repeatedCi95[0]"), 1e-9);
        assertEquals(Math.exp(logHazardRatio + boundary * se), today.getDouble("comparisons[0].hazardRatio.repeatedCi95[1]"), 1e-9);
    }

    private static String censoringType(JsonNode dataset, int row) {
        return ReferenceData.censoringTypes(dataset.path("file").asText()).get(row);
    }

    private static String line(UUID enrolmentId, String type, LocalDate on, String source, String sourceId) {
        return "{\"enrolmentId\":\"" + enrolmentId + "\",\"type\":\"" + type + "\",\"occurredOn\":\"" + on
                + "\",\"source\":\"" + source + "\",\"sourceId\":\"" + sourceId + "\"}\n";
    }

    private static JsonPath estimates(UUID trialId, String asOf) {
        return precise(given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", asOf)
                .get("/api/v1/trials/{id}/estimates", trialId).then().statusCode(200).extract().asString());
    }

    /** Numbers as doubles: REST Assured's default (float) would cost the figures their digits. */
    private static JsonPath precise(String body) {
        return JsonPath.from(body).using(new io.restassured.path.json.config.JsonPathConfig(
                io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static JsonNode withoutComputedAt(JsonPath estimates) {
        ObjectNode node = JSON.valueToTree(estimates.getMap("$"));
        node.remove("computedAt");
        return node;
    }

    private static void close(JsonNode expected, double actual) {
        double error = Math.abs(actual - expected.asDouble()) / Math.abs(expected.asDouble());
        assertTrue(error <= TOLERANCE, "R " + expected.asDouble() + ", service " + actual + " (relative " + error + ")");
    }

    private static JsonNode dataset(String name) {
        for (JsonNode d : REFERENCE.path("datasets")) {
            if (d.path("file").asText().contains(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
