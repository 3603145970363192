package dk.trials.outcome.rest;

import dk.trials.outcome.MonitoringDecision;
import dk.trials.outcome.service.Estimate;
import dk.trials.outcome.service.MonitoringStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The body shows each comparison's repeated intervals next to its fixed-sample ones, and a history point read from
 * a stored document that lacks parts answers with those parts null, not a 500.
 */
class EstimateMapperTest {

    private static final UUID TRIAL = UUID.fromString("6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c");

    /** An estimate as EstimateDocuments reads a document without outcome counts, monitoring or any figure object. */
    private static Estimate lackingItsParts() {
        return new Estimate(TRIAL, LocalDate.of(2027, 6, 30), 182, Instant.parse("2027-06-30T10:15:02Z"),
                List.of(new Estimate.Arm("control", true, 1000, 312, 431, null, null, null)),
                List.of(new Estimate.Comparison("treatment", "control", null, null, null, null, null)),
                null, null);
    }

    @Test
    void eachComparisonCarriesTheRepeatedIntervalsOfItsMonitoringNextToItsFixedSampleOnes() {
        Estimate.Comparison treatment = new Estimate.Comparison("treatment", "control",
                new Estimate.RiskDifference(0.047, 0.022, List.of(0.004, 0.090), null),
                new Estimate.HazardRatio(1.18, List.of(1.02, 1.36), 0.166, 0.075, 0.027, "efron", null),
                null, null, null);
        Estimate.Comparison other = new Estimate.Comparison("other", "control", null,
                new Estimate.HazardRatio(null, null, null, null, null, "efron", "no job exit in arm other"),
                null, null, null);
        MonitoringStatus monitoring = new MonitoringStatus(true, null, 0.42, 3.27, 2.21, MonitoringDecision.CONTINUE,
                "treatment", 1588, 667L, null, 0.42, 0.05, 0.001, new MonitoringStatus.Spending("asOF", null), "DUNNETT",
                0, null, 0.5, List.of(
                new MonitoringStatus.ComparisonStatus("other", "control", 0.40, 3.27, null, MonitoringDecision.CONTINUE,
                        1588, 640, null, null, null),
                new MonitoringStatus.ComparisonStatus("treatment", "control", 0.42, 3.27, 2.21,
                        MonitoringDecision.CONTINUE, 1588, 667, null, List.of(0.92, 1.51), List.of(-0.025, 0.119))));

        EstimateResponse body = EstimateMapper.toResponse(new Estimate(TRIAL, LocalDate.of(2027, 6, 30), 182,
                Instant.parse("2027-06-30T10:15:02Z"), List.of(), List.of(treatment, other), monitoring, null));

        assertEquals(new EstimateResponse.HazardRatio(1.18, List.of(1.02, 1.36), List.of(0.92, 1.51), 0.166, 0.075,
                0.027, "efron", null), body.comparisons().get(0).hazardRatio());
        assertEquals(new EstimateResponse.RiskDifference(0.047, 0.022, List.of(0.004, 0.090), List.of(-0.025, 0.119),
                null), body.comparisons().get(0).riskDifference());
        assertEquals(new EstimateResponse.HazardRatio(null, null, null, null, null, null, "efron",
                "no job exit in arm other"), body.comparisons().get(1).hazardRatio());
        assertEquals(List.of("other", "treatment"),
                body.monitoring().comparisons().stream().map(EstimateResponse.MonitoredComparison::arm).toList());
    }

    @Test
    void anEstimateLackingItsPartsMapsToABodyWithThosePartsNull() {
        EstimateResponse body = EstimateMapper.toResponse(lackingItsParts());

        assertEquals(182, body.horizonDays());
        assertNull(body.outcomes());
        assertNull(body.monitoring());
        EstimateResponse.ArmEstimate arm = body.arms().get(0);
        assertEquals(new EstimateResponse.ArmEstimate("control", true, 1000, 312, 431, null, null, null), arm);
        assertEquals(new EstimateResponse.Comparison("treatment", "control", null, null, null, null, null),
                body.comparisons().get(0));
    }

    @Test
    void anEstimateWithoutArmsOrComparisonsMapsToABodyWithoutThem() {
        Estimate bare = new Estimate(TRIAL, LocalDate.of(2027, 6, 30), 182, Instant.parse("2027-06-30T10:15:02Z"),
                null, null, null, null);

        EstimateResponse body = EstimateMapper.toResponse(bare);

        assertNull(body.arms());
        assertNull(body.comparisons());
    }
}
