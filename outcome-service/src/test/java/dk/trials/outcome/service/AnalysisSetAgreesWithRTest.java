package dk.trials.outcome.service;

import dk.trials.events.EventType;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.events.trial.TrialStatus;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.TrialPlan;
import dk.trials.outcome.statistics.ReferenceData;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysis set analysts download is the one the committed R script read: R data set ds2 (enrolment truncated by
 * asOf, outcomes after asOf and after the horizon, enrolment on asOf) enrolled into a trial through enrolment events,
 * its outcomes dated by today posted as a bulk file and every 20th participant withdrawn, gives at asOf exactly
 * {@code reference/analysis-set/ds2-analysis-set.csv}, and GET /estimates gives what
 * {@code src/test/r/analysis-set.R} printed from that file with survfit, coxph and survdiff
 * ({@code reference/analysis-set/analysis-set.out}). The trial id, the enrolment ids (from the data set's participant
 * ids) and the test's analysis-set key are fixed, so the row ids are the committed ones too.
 */
@QuarkusTest
class AnalysisSetAgreesWithRTest extends TestInfrastructure {

    private static final UUID TRIAL = UUID.fromString("5e1d2c3b-4a59-4687-9a1b-2c3d4e5f6a7b");
    private static final String DATASET = "datasets/ds2.csv";
    private static final String AS_OF = "2023-06-30";
    /** ds2's 365 days as the whole weeks a design names: 364 days. */
    private static final int HORIZON_WEEKS = 52;
    private static final double TOLERANCE = 1e-9;

    @Inject
    EventCodec codec;

    @Test
    void theAnalysisSetIsTheOneRReadAndTheEstimatesAreWhatRPrintedFromIt() throws Exception {
        load();

        String csv = given().auth().oauth2(TestTokens.analyst()).accept("text/csv").queryParam("asOf", AS_OF)
                .get("/api/v1/trials/{id}/analysis-set", TRIAL).then().statusCode(200).contentType("text/csv")
                .extract().asString();
        String committed = resource("analysis-set/ds2-analysis-set.csv");
        if (!csv.equals(committed)) {
            // For a person to compare, or to commit after a deliberate change (then run the R script again).
            Path actual = Path.of("target", "analysis-set", "ds2-analysis-set.csv");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, csv, StandardCharsets.UTF_8);
        }
        assertEquals(committed, csv, "the service's analysis set is the committed one R read");

        JsonPath estimates = JsonPath.from(given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", AS_OF)
                        .get("/api/v1/trials/{id}/estimates", TRIAL).then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        Map<String, Double> r = rOutput();
        for (String arm : List.of("control", "treatment")) {
            String at = "arms.find { it.arm == '" + arm + "' }.";
            assertEquals(r.get("participants," + arm + ","), estimates.getDouble(at + "participants"));
            assertEquals(r.get("events," + arm + ","), estimates.getDouble(at + "events"));
            close(r.get("cumulativeIncidence," + arm + ","), estimates.getDouble(at + "cumulativeIncidence.estimate"));
            close(r.get("cumulativeIncidenceLower," + arm + ","), estimates.getDouble(at + "cumulativeIncidence.ci95[0]"));
            close(r.get("cumulativeIncidenceUpper," + arm + ","), estimates.getDouble(at + "cumulativeIncidence.ci95[1]"));
        }
        String at = "comparisons.find { it.arm == 'treatment' }.";
        String key = ",treatment,control";
        assertEquals("control", estimates.getString(at + "versus"));
        close(r.get("riskDifference" + key), estimates.getDouble(at + "riskDifference.estimate"));
        close(r.get("riskDifferenceLower" + key), estimates.getDouble(at + "riskDifference.ci95[0]"));
        close(r.get("riskDifferenceUpper" + key), estimates.getDouble(at + "riskDifference.ci95[1]"));
        close(r.get("hazardRatio" + key), estimates.getDouble(at + "hazardRatio.estimate"));
        close(r.get("hazardRatioLower" + key), estimates.getDouble(at + "hazardRatio.ci95[0]"));
        close(r.get("hazardRatioUpper" + key), estimates.getDouble(at + "hazardRatio.ci95[1]"));
        close(r.get("logRankChiSquare" + key), estimates.getDouble(at + "logRank.chiSquare"));
        close(r.get("logRankPValue" + key), estimates.getDouble(at + "logRank.pValue"));
        close(r.get("stratifiedLogRankChiSquare" + key), estimates.getDouble(at + "stratifiedLogRank.chiSquare"));
        close(r.get("stratifiedLogRankPValue" + key), estimates.getDouble(at + "stratifiedLogRank.pValue"));
    }

    /** Enrolments, then the outcomes as one bulk file, then the withdrawals; each step awaited. */
    private void load() throws Exception {
        Events.publishTrial(codec, EventType.TRIAL_OPENED, TRIAL, TrialStatus.RECRUITING, Events.design(Events.arms("control", "treatment"), HORIZON_WEEKS), null);
        List<ReferenceData.Row> rows = ReferenceData.rows(DATASET);
        List<String> participantIds = participantIds();
        List<String> censoringTypes = ReferenceData.censoringTypes(DATASET);
        LocalDate today = LocalDate.now(TrialsClock.ZONE);
        List<Future<?>> sent = new ArrayList<>();
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            ReferenceData.Row row = rows.get(i);
            UUID enrolmentId = enrolmentId(participantIds.get(i));
            sent.add(Events.enrol(codec, Events.enrolled(TRIAL, enrolmentId, "pseudonym-" + participantIds.get(i),
                    row.arm(), row.jobcentre(), row.enrolledOn())));
            // The data set simulates exits years after asOf, some beyond today, which the service refuses.
            if (row.jobExitOn() != null && !row.jobExitOn().isAfter(today)) {
                bulk.append(line(enrolmentId, "JOB_EXIT", row.jobExitOn(), "DREAM", "x-" + i));
            }
            if (row.censoredOn() != null && !row.censoredOn().isAfter(today)) {
                bulk.append(line(enrolmentId, censoringTypes.get(i), row.censoredOn(), "CPR", "c-" + i));
            }
        }
        for (Future<?> f : sent) {
            f.get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Events.participants(TRIAL) == rows.size());
        JsonPath receipt = given().auth().oauth2(TestTokens.admin()).contentType("application/x-ndjson")
                .body(bulk.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/trials/{id}/outcomes/bulk", TRIAL).then().statusCode(200).extract().jsonPath();
        assertEquals(0, receipt.getLong("rejected") + receipt.getLong("pending"), "every outcome is counted");

        int withdrawals = 0;
        for (int i = 0; i < rows.size(); i += 20) {
            Events.withdraw(codec, new ParticipantWithdrawn(enrolmentId(participantIds.get(i)), TRIAL,
                    "pseudonym-" + participantIds.get(i), rows.get(i).enrolledOn().plusDays(30)));
            withdrawals++;
        }
        long expected = withdrawals;
        await().atMost(Duration.ofSeconds(60)).until(() -> withdrawn() == expected);
    }

    /** The data set's participant ids (ds2-00001, …), which name the enrolments here. */
    private static List<String> participantIds() {
        List<String> ids = new ArrayList<>();
        for (String line : resource(DATASET).split("\n")) {
            ids.add(line.substring(0, line.indexOf(',')));
        }
        return ids.subList(1, ids.size());
    }

    private static UUID enrolmentId(String participantId) {
        return UUID.nameUUIDFromBytes(participantId.getBytes(StandardCharsets.US_ASCII));
    }

    private static long withdrawn() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) TrialPlan.getEntityManager()
                .createNativeQuery("select count(withdrawn_on) from participant where trial_id = ?1")
                .setParameter(1, TRIAL).getSingleResult()).longValue());
    }

    /** The figures analysis-set.R printed: "figure,arm,versus" → value, after its # comment lines and header. */
    private static Map<String, Double> rOutput() {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String line : resource("analysis-set/analysis-set.out").split("\n")) {
            if (line.startsWith("#") || line.startsWith("figure,") || line.isBlank()) {
                continue;
            }
            int last = line.lastIndexOf(',');
            figures.put(line.substring(0, last), Double.parseDouble(line.substring(last + 1)));
        }
        assertEquals(20, figures.size(), "five figures per arm, ten for the comparison");
        return figures;
    }

    private static String line(UUID enrolmentId, String type, LocalDate on, String source, String sourceId) {
        return "{\"enrolmentId\":\"" + enrolmentId + "\",\"type\":\"" + type + "\",\"occurredOn\":\"" + on
                + "\",\"source\":\"" + source + "\",\"sourceId\":\"" + sourceId + "\"}\n";
    }

    private static String resource(String name) {
        try (InputStream in = AnalysisSetAgreesWithRTest.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) {
                return "";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(Double expected, double actual) {
        double error = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(error <= TOLERANCE, "R " + expected + ", service " + actual + " (relative " + error + ")");
    }
}
