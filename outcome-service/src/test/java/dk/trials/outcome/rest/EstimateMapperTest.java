package dk.trials.outcome.rest;

import dk.trials.outcome.service.Estimate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A history point read from a stored document that lacks parts answers with those parts null, not a 500. */
class EstimateMapperTest {

    /** An estimate as EstimateDocuments reads a document without outcome counts, monitoring or any figure object. */
    private static Estimate lackingItsParts() {
        return new Estimate(UUID.fromString("6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c"), LocalDate.of(2027, 6, 30), 182,
                Instant.parse("2027-06-30T10:15:02Z"),
                List.of(new Estimate.Arm("control", true, 1000, 312, 431, null, null, null)),
                List.of(new Estimate.Comparison("treatment", "control", null, null, null, null, null)),
                null, null);
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
        Estimate bare = new Estimate(UUID.fromString("6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c"), LocalDate.of(2027, 6, 30),
                182, Instant.parse("2027-06-30T10:15:02Z"), null, null, null, null);

        EstimateResponse body = EstimateMapper.toResponse(bare);

        assertNull(body.arms());
        assertNull(body.comparisons());
    }
}
