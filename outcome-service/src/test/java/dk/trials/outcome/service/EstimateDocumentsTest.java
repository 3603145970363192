package dk.trials.outcome.service;

import dk.trials.outcome.EstimateDocument;
import dk.trials.outcome.MonitoringDecision;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** An estimate stored in the history reads back as the very same estimate, figures that were null included. */
class EstimateDocumentsTest {

    static Estimate estimate() {
        Estimate.LogRank plain = new Estimate.LogRank(4.9, 0.027, 2.21, 19.6, 78.6, null, null);
        Estimate.LogRank stratified = new Estimate.LogRank(4.6, 0.032, 2.14, 18.9, 77.7, List.of("101", "147"), null);
        MonitoringStatus.Futility futility = new MonitoringStatus.Futility("BETA_SPENDING", 0.93, null, false, 1);
        return new Estimate(UUID.randomUUID(), LocalDate.of(2027, 6, 30), 182, Instant.parse("2027-06-30T10:15:02.5Z"),
                List.of(new Estimate.Arm("control", true, 1000, 312, 431,
                                new Estimate.Interval(0.351, List.of(0.321, 0.382), null), 0.0155,
                                new Estimate.RestrictedMean(146.8, 1.8, List.of(143.3, 150.3), 182, null)),
                        new Estimate.Arm("treatment", false, 3, 0, 3,
                                new Estimate.Interval(0.0, null, "no job exit in arm treatment by the horizon"), null,
                                new Estimate.RestrictedMean(182.0, 0.0, List.of(182.0, 182.0), 182, null))),
                List.of(new Estimate.Comparison("treatment", "control",
                        new Estimate.RiskDifference(-0.351, 0.0155, List.of(-0.381, -0.321), null),
                        new Estimate.HazardRatio(null, null, null, null, null, "efron", "no job exit in arm treatment"),
                        plain, stratified, new Estimate.Interval(35.2, List.of(31.7, 38.7), null))),
                new MonitoringStatus(true, null, 0.61, 2.69, 2.21, MonitoringDecision.CONTINUE, "treatment", 1588, 967L,
                        futility, 0.61, 0.05, 0.0081, new MonitoringStatus.Spending("asKD", 3.0), "SINGLE", 1,
                        new MonitoringStatus.LastLook(1, LocalDate.of(2027, 4, 30), Instant.parse("2027-05-14T04:00:00Z"),
                                MonitoringDecision.CONTINUE), 0.75,
                        List.of(new MonitoringStatus.ComparisonStatus("treatment", "control", 0.61, 2.69, 2.21,
                                MonitoringDecision.CONTINUE, 1588, 967, futility, null, List.of(-0.39, -0.31)))),
                new Estimate.OutcomeCounts(3, 1));
    }

    @Test
    void anEstimateReadsBackFromItsStoredDocumentUnchanged() {
        Estimate estimate = estimate();
        EstimateDocument document = EstimateDocuments.toDocument(estimate);
        assertEquals(EstimateDocument.CURRENT_VERSION, document.schemaVersion());
        assertEquals(estimate, EstimateDocuments.fromDocument(EstimateDocument.fromJson(document.toJson())));
    }

    @Test
    void aDocumentLackingItsPartsReadsBackWithThosePartsNull() {
        EstimateDocument document = EstimateDocument.fromJson("""
                {"schemaVersion": 2, "trialId": "6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c", "asOf": "2027-06-30",
                 "horizonDays": 182, "computedAt": "2027-06-30T10:15:02Z",
                 "arms": [{"arm": "control", "control": true, "participants": 1000, "events": 312, "atRiskAtHorizon": 431}],
                 "comparisons": [{"arm": "treatment", "versus": "control"}]}""");

        Estimate estimate = EstimateDocuments.fromDocument(document);

        assertNull(estimate.outcomes());
        assertNull(estimate.monitoring());
        assertEquals(new Estimate.Arm("control", true, 1000, 312, 431, null, null, null), estimate.arms().get(0));
        assertEquals(new Estimate.Comparison("treatment", "control", null, null, null, null, null),
                estimate.comparisons().get(0));
    }
}
