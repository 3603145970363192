package dk.trials.outcome.rest;

import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Accept: text/csv on the estimates, their history and the survival curves gives the JSON's figures in long format,
 * every number as the JSON has it, an empty field where it has null and the reason next to it; JSON stays the default.
 */
@QuarkusTest
class EstimateCsvTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);

    @Inject
    EventCodec codec;

    /** Control has job exits on days 3 and 8 and one participant still followed; treatment none yet. */
    private UUID trial() throws Exception {
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), null);
        List<UUID> control = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID id : control) {
            Events.enrol(codec, Events.enrolled(trialId, id, "p-" + id, "control", "101", TODAY.minusDays(20))).get();
        }
        for (int i = 0; i < 2; i++) {
            UUID id = UUID.randomUUID();
            Events.enrol(codec, Events.enrolled(trialId, id, "p-" + id, "treatment", "147", TODAY.minusDays(20))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == 5);
        jobExit(trialId, control.get(0), TODAY.minusDays(17));
        jobExit(trialId, control.get(1), TODAY.minusDays(12));
        return trialId;
    }

    @Test
    void theEstimatesAreOneRowPerArmOrComparisonAndMeasureWithTheJsonsNumbers() throws Exception {
        UUID trialId = trial();
        JsonPath json = precise(given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/estimates", trialId)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString());

        List<List<String>> rows = rows(given().auth().oauth2(TestTokens.designer()).accept("text/csv")
                .get("/api/v1/trials/{id}/estimates", trialId).then().statusCode(200).contentType("text/csv")
                .extract().asString());

        assertEquals(EstimateCsv.HEADER, rows.get(0));
        assertEquals(List.of("participants", "events", "atRiskAtHorizon", "cumulativeIncidence",
                        "restrictedMeanTimeToJobExit", "participants", "events", "atRiskAtHorizon", "cumulativeIncidence",
                        "restrictedMeanTimeToJobExit", "riskDifference", "hazardRatio", "logHazardRatio",
                        "logRankChiSquare", "stratifiedLogRankChiSquare", "restrictedMeanDifference"),
                rows.subList(1, rows.size()).stream().map(r -> r.get(7)).toList());
        List<String> incidence = row(rows, "control", "cumulativeIncidence");
        assertEquals(List.of(trialId.toString(), TODAY.toString(), "", "", "182", "control", ""), incidence.subList(0, 7));
        assertEquals(json.getDouble("arms.find { it.arm == 'control' }.cumulativeIncidence.estimate"), Double.parseDouble(incidence.get(8)));
        assertEquals(json.getDouble("arms.find { it.arm == 'control' }.cumulativeIncidence.ci95[0]"), Double.parseDouble(incidence.get(9)));
        assertEquals(json.getDouble("arms.find { it.arm == 'control' }.cumulativeIncidence.ci95[1]"), Double.parseDouble(incidence.get(10)));
        assertEquals(json.getDouble("arms.find { it.arm == 'control' }.standardError"), Double.parseDouble(incidence.get(11)));
        assertEquals("3", row(rows, "control", "participants").get(8));
        assertEquals("2", row(rows, "control", "events").get(8));

        List<String> hazardRatio = row(rows, "treatment", "hazardRatio");
        assertEquals("control", hazardRatio.get(6));
        assertEquals(List.of("", "", "", "", ""), hazardRatio.subList(8, 13), "not estimable: every figure empty");
        assertNull(json.get("comparisons[0].hazardRatio.estimate"));
        assertEquals(json.getString("comparisons[0].hazardRatio.reason"), hazardRatio.get(13));
        List<String> riskDifference = row(rows, "treatment", "riskDifference");
        assertEquals(json.getDouble("comparisons[0].riskDifference.estimate"), Double.parseDouble(riskDifference.get(8)));
        List<String> logRank = row(rows, "treatment", "logRankChiSquare");
        assertEquals(json.getDouble("comparisons[0].logRank.chiSquare"), Double.parseDouble(logRank.get(8)));
        assertEquals(json.getDouble("comparisons[0].logRank.pValue"), Double.parseDouble(logRank.get(12)));
    }

    @Test
    void theHistoryIsThePointsInTheSameLongFormatNamingTheirKind() throws Exception {
        UUID trialId = trial();
        // The day's point follows the refresh; read once it shows both job exits.
        JsonPath json = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(
                () -> precise(given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/estimates/history", trialId)
                        .then().statusCode(200).extract().asString()),
                h -> Integer.valueOf(2).equals(h.get("points[0].estimates.arms.find { it.arm == 'control' }.events")));
        assertEquals(List.of("DAILY"), json.getList("points.kind"), "a new trial: today's point");
        String daily = "points[0].";

        List<List<String>> rows = rows(given().auth().oauth2(TestTokens.analyst()).accept("text/csv")
                .get("/api/v1/trials/{id}/estimates/history", trialId).then().statusCode(200).contentType("text/csv")
                .extract().asString());

        assertEquals(EstimateCsv.HEADER, rows.get(0));
        assertEquals(1 + 16, rows.size(), "the header and the point's 16 measures");
        List<List<String>> last = rows.subList(1, rows.size());
        assertEquals("DAILY", last.get(0).get(2));
        assertEquals(json.getString(daily + "asOf"), last.get(0).get(1));
        assertEquals(json.getDouble(daily + "estimates.arms.find { it.arm == 'control' }.cumulativeIncidence.estimate"),
                Double.parseDouble(row(last, "control", "cumulativeIncidence").get(8)));
    }

    @Test
    void theSurvivalCurvesAreOneRowPerArmAndTimePoint() throws Exception {
        UUID trialId = trial();
        JsonPath json = precise(given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/survival", trialId)
                .then().statusCode(200).extract().asString());

        List<List<String>> rows = rows(given().auth().oauth2(TestTokens.admin()).accept("text/csv")
                .get("/api/v1/trials/{id}/survival", trialId).then().statusCode(200).contentType("text/csv")
                .extract().asString());

        assertEquals(SurvivalCsv.HEADER, rows.get(0));
        List<List<String>> control = rows.stream().filter(r -> r.get(3).equals("control")).toList();
        assertEquals(List.of("3", "8", "20"), control.stream().map(r -> r.get(5)).toList());
        List<Map<String, Object>> points = json.getList("arms.find { it.arm == 'control' }.points");
        assertEquals(points.size(), control.size());
        assertEquals(List.of(trialId.toString(), TODAY.toString(), "182", "control", "3", "3", "3", "1", "0"),
                control.get(0).subList(0, 9));
        assertEquals(json.getDouble("arms.find { it.arm == 'control' }.points[1].surv"), Double.parseDouble(control.get(1).get(9)));
        assertEquals(json.getDouble("arms.find { it.arm == 'control' }.points[1].lower"), Double.parseDouble(control.get(1).get(11)));
        assertEquals(List.of("20", "2", "0", "2", "1.0", "0.0", "", "", "0.0"),
                rows.stream().filter(r -> r.get(3).equals("treatment")).findFirst().orElseThrow().subList(5, 14),
                "surv 1: limits empty as the JSON's null");
    }

    private static void jobExit(UUID trialId, UUID enrolmentId, LocalDate on) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("enrolmentId", enrolmentId.toString(), "type", "JOB_EXIT", "occurredOn", on.toString(),
                        "source", "DREAM", "sourceId", "csv-" + enrolmentId))
                .post("/api/v1/trials/{id}/outcomes", trialId).then().statusCode(201);
    }

    private static List<String> row(List<List<String>> rows, String arm, String measure) {
        return rows.stream().filter(r -> r.get(5).equals(arm) && r.get(7).equals(measure)).findFirst().orElseThrow();
    }

    /** RFC 4180 fields of each line; every line has as many as the header. */
    private static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                rows.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        int width = rows.get(0).size();
        rows.forEach(r -> assertEquals(width, r.size(), "a field for every column: " + r));
        return rows;
    }

    private static JsonPath precise(String body) {
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }
}
