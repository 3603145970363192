package dk.trials.outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The stored form of an estimate in the history ({@link EstimateSnapshot#body}): its own type, so that a change to
 * the domain or to the API cannot silently change what earlier rows hold. {@code schemaVersion} names the shape;
 * a new shape gets a new version, and the reader keeps reading the old ones by upgrading them as they are read:
 * <ul>
 *   <li>1: the shape the history had before it was versioned (migration V2 stamps those rows). Its monitoring
 *       watched the strongest comparison with the classic Lan–DeMets function and listed its looks, which were
 *       taken on live data; its figures have no {@code reason}.</li>
 *   <li>2: monitoring as formal looks on frozen cuts decide it (the decision, the provisional figures per
 *       comparison with futility and repeated intervals, the spending family, the last look); every figure
 *       object carries the {@code reason} it is not estimable. A version 1 document reads as version 2 with its
 *       monitoring marked provisional, the classic function named, its looks counted and the last one kept
 *       (without a cut: those looks had none), and what it never recorded null.</li>
 * </ul>
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

    public static final int CURRENT_VERSION = 2;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public record Interval(Double estimate, List<Double> ci95, String reason) {
    }

    public record Arm(String arm, boolean control, long participants, long events, long atRiskAtHorizon,
                      Interval cumulativeIncidence, Double standardError, RestrictedMean restrictedMeanTimeToJobExit) {
    }

    public record RestrictedMean(Double estimate, Double standardError, List<Double> ci95, int tau, String reason) {
    }

    public record Comparison(String arm, String versus, RiskDifference riskDifference, HazardRatio hazardRatio,
                             LogRank logRank, LogRank stratifiedLogRank, Interval restrictedMeanDifference) {
    }

    public record RiskDifference(Double estimate, Double standardError, List<Double> ci95, String reason) {
    }

    public record HazardRatio(Double estimate, List<Double> ci95, Double logHazardRatio, Double standardError,
                              Double pValue, String ties, String reason) {
    }

    public record LogRank(Double chiSquare, Double pValue, Double z, Double observedMinusExpected, Double variance,
                          List<String> strata, String reason) {
    }

    public record Monitoring(boolean provisional, String reason, Double informationFraction, Double boundaryZ,
                             Double observedZ, MonitoringDecision decision, String comparison, Integer plannedEvents,
                             Long observedEvents, Futility futility, Double informationRate, Double alpha,
                             Double alphaSpent, Spending spending, String boundaryMethod, int looksTaken,
                             LastLook lastLook, Double nextLookAt, List<MonitoredComparison> comparisons) {
    }

    public record MonitoredComparison(String arm, String versus, Double informationFraction, Double boundaryZ,
                                      Double observedZ, MonitoringDecision decision, Integer plannedEvents,
                                      long observedEvents, Futility futility, List<Double> hazardRatioRepeatedCi95,
                                      List<Double> riskDifferenceRepeatedCi95) {
    }

    public record Futility(String method, Double bound, Double conditionalPower, Boolean flagged,
                           Integer flaggedAtLook) {
    }

    public record Spending(String family, Double gamma) {
    }

    public record LastLook(int number, LocalDate cutDate, Instant takenAt, MonitoringDecision decision) {
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

    /** Reads a stored document of any version this service knows, upgraded to the current one. */
    public static EstimateDocument fromJson(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            int version = tree.path("schemaVersion").asInt(0);
            if (version < 1 || version > CURRENT_VERSION) {
                throw new IllegalStateException("A stored estimate document has "
                        + (tree.has("schemaVersion") ? "schemaVersion " + tree.get("schemaVersion") : "no schemaVersion")
                        + "; this service reads 1 to " + CURRENT_VERSION);
            }
            if (version == 1) {
                tree = fromVersionOne((ObjectNode) tree);
            }
            return JSON.treeToValue(tree, EstimateDocument.class);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("A stored estimate document cannot be read", e);
        }
    }

    /** Version 1's monitoring in version 2's shape; its figure objects simply lack their (null) reasons. */
    private static JsonNode fromVersionOne(ObjectNode document) {
        document.put("schemaVersion", CURRENT_VERSION);
        JsonNode old = document.path("monitoring");
        if (!old.isObject()) {
            return document;
        }
        ObjectNode monitoring = JSON.createObjectNode();
        monitoring.put("provisional", true);
        for (String kept : List.of("informationFraction", "boundaryZ", "observedZ", "decision", "comparison",
                "plannedEvents", "observedEvents", "alpha", "alphaSpent", "nextLookAt")) {
            monitoring.set(kept, old.path(kept).isMissingNode() ? NullNode.getInstance() : old.get(kept));
        }
        monitoring.putObject("spending").put("family", "LanDeMetsClassic").putNull("gamma");
        JsonNode looks = old.path("looks");
        monitoring.put("looksTaken", looks.size());
        if (!looks.isEmpty()) {
            JsonNode last = looks.get(looks.size() - 1);
            monitoring.putObject("lastLook").put("number", last.path("look").asInt())
                    .set("decision", last.path("decision"));
        }
        document.set("monitoring", monitoring);
        return document;
    }
}
