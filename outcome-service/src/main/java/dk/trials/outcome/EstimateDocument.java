package dk.trials.outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The stored form of an estimate in the history ({@link EstimateSnapshot#body}): its own type, so that a change to
 * the domain or to the API cannot silently change what earlier rows hold. {@code schemaVersion} names the shape;
 * version 1 is the shape the history had before it was versioned (migration V2 stamps those rows). A new shape gets
 * a new version, and the reader keeps reading the old ones.
 * <p>
 * It is written and read with a mapper of its own (ISO dates and instants, unknown fields ignored), independent of
 * the REST layer's configuration.
 */
public record EstimateDocument(
        int schemaVersion,
        UUID trialId,
        LocalDate asOf,
        int horizonDays,
        Instant computedAt,
        List<Arm> arms,
        List<Comparison> comparisons,
        Monitoring monitoring,
        OutcomeCounts outcomes) {

    public static final int CURRENT_VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public record Interval(Double estimate, List<Double> ci95) {
    }

    public record Arm(String arm, boolean control, long participants, long events, long atRiskAtHorizon,
                      Interval cumulativeIncidence, Double standardError, RestrictedMean restrictedMeanTimeToJobExit) {
    }

    public record RestrictedMean(Double estimate, Double standardError, List<Double> ci95, int tau) {
    }

    public record Comparison(String arm, String versus, RiskDifference riskDifference, HazardRatio hazardRatio,
                             LogRank logRank, LogRank stratifiedLogRank, Interval restrictedMeanDifference) {
    }

    public record RiskDifference(Double estimate, Double standardError, List<Double> ci95) {
    }

    public record HazardRatio(Double estimate, List<Double> ci95, Double logHazardRatio, Double standardError,
                              Double pValue, String ties) {
    }

    public record LogRank(Double chiSquare, Double pValue, Double z, Double observedMinusExpected, Double variance,
                          List<String> strata) {
    }

    public record Monitoring(Double informationFraction, Double boundaryZ, Double observedZ, MonitoringDecision decision,
                             String comparison, Integer plannedEvents, long observedEvents, double alpha,
                             Double alphaSpent, String spendingFunction, Double nextLookAt, List<Look> looks) {
    }

    public record Look(int look, LocalDate takenOn, long events, double informationFraction, double boundaryZ,
                       Double observedZ, String comparison, MonitoringDecision decision) {
    }

    public record OutcomeCounts(long pendingEnrolment, long rejected) {
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The estimate document of " + trialId + " cannot be written", e);
        }
    }

    /** Reads a stored document of any version this service knows. */
    public static EstimateDocument fromJson(String json) {
        EstimateDocument document;
        try {
            document = JSON.readValue(json, EstimateDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored estimate document cannot be read", e);
        }
        if (document.schemaVersion() < 1 || document.schemaVersion() > CURRENT_VERSION) {
            throw new IllegalStateException("A stored estimate document has schemaVersion " + document.schemaVersion()
                    + "; this service reads 1 to " + CURRENT_VERSION);
        }
        return document;
    }
}
