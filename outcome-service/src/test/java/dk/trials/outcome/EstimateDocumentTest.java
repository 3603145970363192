package dk.trials.outcome;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stored history document: rows written before it was versioned (version 1) still read, upgraded to the current
 * shape, and an unknown version does not read at all.
 */
class EstimateDocumentTest {

    /** A body as the history stored it before versioning (the API's body), stamped by migration V2. */
    private static final String STORED_BEFORE_VERSIONING = """
            {"trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "asOf": "2027-06-30", "horizonDays": 182,
             "computedAt": "2027-06-30T10:15:02.123456Z",
             "arms": [
               {"arm": "control", "control": true, "participants": 1000, "events": 312, "atRiskAtHorizon": 431,
                "cumulativeIncidence": {"estimate": 0.351, "ci95": [0.321, 0.382]}, "standardError": 0.0155,
                "restrictedMeanTimeToJobExit": {"estimate": 146.8, "standardError": 1.8, "ci95": [143.3, 150.3], "tau": 182}}],
             "comparisons": [
               {"arm": "treatment", "versus": "control",
                "riskDifference": {"estimate": 0.047, "standardError": 0.022, "ci95": [0.004, 0.090]},
                "hazardRatio": {"estimate": null, "ci95": null, "logHazardRatio": null, "standardError": null, "pValue": null, "ties": "efron"},
                "logRank": {"chiSquare": 4.9, "pValue": 0.027, "z": 2.21, "observedMinusExpected": 19.6, "variance": 78.6, "strata": null},
                "stratifiedLogRank": {"chiSquare": 4.6, "pValue": 0.032, "z": 2.14, "observedMinusExpected": 18.9, "variance": 77.7, "strata": ["101", "147"]},
                "restrictedMeanDifference": {"estimate": -5.6, "ci95": [-10.7, -0.5]}}],
             "monitoring": {"informationFraction": 0.42, "boundaryZ": 3.19, "observedZ": 2.21, "decision": "CONTINUE",
               "comparison": "treatment", "plannedEvents": 1588, "observedEvents": 667, "alpha": 0.05, "alphaSpent": 0.0025,
               "spendingFunction": "Lan-DeMets O'Brien-Fleming", "nextLookAt": 0.5,
               "looks": [{"look": 1, "takenOn": "2027-04-12", "events": 159, "informationFraction": 0.1001,
                          "boundaryZ": 6.18, "observedZ": 0.9, "comparison": "treatment", "decision": "EFFICACY_BOUNDARY_CROSSED"}]},
             "outcomes": {"pendingEnrolment": 3, "rejected": 1}, "schemaVersion": 1}""";

    @Test
    void aBodyStoredBeforeVersioningReadsWithItsFiguresAsTheyWere() {
        EstimateDocument document = EstimateDocument.fromJson(STORED_BEFORE_VERSIONING);
        assertEquals(EstimateDocument.CURRENT_VERSION, document.schemaVersion());
        assertEquals(UUID.fromString("6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c"), document.trialId());
        assertEquals(LocalDate.of(2027, 6, 30), document.asOf());
        assertEquals(Instant.parse("2027-06-30T10:15:02.123456Z"), document.computedAt());
        assertEquals(List.of(0.321, 0.382), document.arms().get(0).cumulativeIncidence().ci95());
        assertNull(document.arms().get(0).cumulativeIncidence().reason(), "version 1 recorded no reasons");
        assertTrue(document.arms().get(0).control());
        assertNull(document.comparisons().get(0).hazardRatio().estimate());
        assertEquals(List.of("101", "147"), document.comparisons().get(0).stratifiedLogRank().strata());
        assertEquals(3, document.outcomes().pendingEnrolment());
    }

    @Test
    void aVersionOneMonitoringReadsAsProvisionalWithTheClassicFunctionNamedAndItsLastLookWithoutACut() {
        EstimateDocument.Monitoring monitoring = EstimateDocument.fromJson(STORED_BEFORE_VERSIONING).monitoring();

        assertEquals(new EstimateDocument.Monitoring(true, null, 0.42, 3.19, 2.21, MonitoringDecision.CONTINUE,
                "treatment", 1588, 667L, null, null, 0.05, 0.0025,
                new EstimateDocument.Spending("LanDeMetsClassic", null), null, 1,
                new EstimateDocument.LastLook(1, null, null, MonitoringDecision.EFFICACY_BOUNDARY_CROSSED), 0.5, null),
                monitoring);
    }

    @Test
    void aDocumentReadsBackAsItWasWrittenWithIsoDates() {
        EstimateDocument document = EstimateDocument.fromJson(STORED_BEFORE_VERSIONING);
        String written = document.toJson();
        assertTrue(written.contains("\"asOf\":\"2027-06-30\""), written);
        assertTrue(written.contains("\"computedAt\":\"2027-06-30T10:15:02.123456Z\""), written);
        assertTrue(written.contains("\"schemaVersion\":2"), written);
        assertEquals(document, EstimateDocument.fromJson(written));
    }

    @Test
    void aVersionThisServiceDoesNotKnowIsRefusedRatherThanMisread() {
        IllegalStateException newer = assertThrows(IllegalStateException.class,
                () -> EstimateDocument.fromJson(STORED_BEFORE_VERSIONING.replace("\"schemaVersion\": 1", "\"schemaVersion\": 3")));
        assertEquals("A stored estimate document has schemaVersion 3; this service reads 1 to 2", newer.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> EstimateDocument.fromJson(STORED_BEFORE_VERSIONING.replace(", \"schemaVersion\": 1", "")));
        assertEquals("A stored estimate document has no schemaVersion; this service reads 1 to 2", none.getMessage());
    }
}
