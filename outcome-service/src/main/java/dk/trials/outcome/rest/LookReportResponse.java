package dk.trials.outcome.rest;

import dk.trials.outcome.MonitoringDecision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A formal look's report. {@code inputs} and {@code result} have exactly the members (names and values) of the
 * stored documents the {@code sha256} covers, so a committee can recompute the hash from the report alone.
 */
@Schema(description = "A formal look's report, read back from what was frozen when it was taken")
public record LookReportResponse(
        UUID trialId,
        @Schema(description = "The look's number, 1 upwards") int look,
        @Schema(description = "False for a legacy look, taken on live data by the rolling refresh before looks on "
                + "frozen data cuts existed: it has no frozen inputs, result or hash") boolean frozen,
        @Schema(nullable = true, description = "The data cut; null on a legacy look") LocalDate cutDate,
        Instant takenAt,
        @Schema(description = "schedule, or the subject of the admin who asked for the look") String requestedBy,
        @Schema(nullable = true) String reason,
        @Schema(description = "Whether this was the final analysis (all remaining alpha spent)") boolean finalLook,
        @Schema(description = "The shared information rate the boundary was computed at") double informationRate,
        double boundaryZ,
        @Schema(nullable = true, description = "Z of the comparison closest to its boundary") Double observedZ,
        @Schema(nullable = true, description = "The arm of that comparison") String comparison,
        MonitoringDecision decision,
        List<String> crossedArms,
        List<String> futileArms,
        @Schema(nullable = true, pattern = "^[0-9a-f]{64}$", description = LookReportResponse.HASHED) String sha256,
        @Schema(nullable = true, description = "The frozen inputs, as hashed") FrozenInputs inputs,
        @Schema(nullable = true, description = "The result, as hashed") LookFigures result,
        @Schema(description = "The committee's sign-offs of this report, oldest first") List<LookSignOffResponse> signOffs) {

    static final String HASHED = "SHA-256 (lower-case hex) of the UTF-8 canonical JSON of {\"inputs\": inputs, "
            + "\"result\": result}: no whitespace, every object's members in ascending order of name, nulls kept, "
            + "numbers as Java's Double.toString (integers in decimal), dates yyyy-MM-dd, instants ISO-8601 UTC. "
            + "Sign-offs are not hashed. Null on a legacy look.";

    @Schema(description = "What the look was computed from, frozen when it was taken")
    public record FrozenInputs(int schemaVersion, UUID trialId, int look, LocalDate cutDate, Instant takenAt,
                               String requestedBy, @Schema(nullable = true) String reason,
                               boolean finalLookRequested, int horizonDays, List<String> arms, String controlArm,
                               FrozenRules rules, List<FrozenPriorLook> priorLooks,
                               @Schema(description = "Per arm and jobcentre, the days of analysis time with job "
                                       + "exits or censorings (administrative censoring at the cut or the horizon "
                                       + "included) at the cut") List<FrozenFollowUp> followUp) {
    }

    @Schema(description = "The monitoring rules at the look")
    public record FrozenRules(double alpha, List<Double> informationFractions, String spendingFamily,
                              @Schema(nullable = true) Double gamma,
                              @Schema(nullable = true) FrozenFutilityRule futility, double beta, double controlWeight,
                              List<FrozenComparisonRule> comparisons) {
    }

    public record FrozenFutilityRule(String method, @Schema(nullable = true) String betaSpending,
                                     @Schema(nullable = true) Double gamma,
                                     @Schema(nullable = true) Double conditionalPowerBelow) {
    }

    public record FrozenComparisonRule(String arm, String versus, double allocationWeight, int plannedEvents) {
    }

    public record FrozenPriorLook(int number, double informationRate, List<String> crossedArms) {
    }

    public record FrozenFollowUp(String arm, String jobcentre, List<FrozenDay> days) {
    }

    public record FrozenDay(int day, long jobExits, long censorings) {
    }

    @Schema(description = "What the look found")
    public record LookFigures(int schemaVersion, int look, double informationRate, boolean finalLook,
                              double alphaSpent, @Schema(description = "SINGLE, DUNNETT or BONFERRONI")
                              String boundaryMethod, double boundaryZ, MonitoringDecision decision,
                              List<String> crossedArms, List<String> futileArms, List<LookArmFigures> arms,
                              List<LookComparisonFigures> comparisons) {
    }

    @Schema(description = "An arm at the cut (interim by-arm result)")
    public record LookArmFigures(String arm, long participants, long events,
                                 @Schema(nullable = true) Double cumulativeIncidence,
                                 @Schema(nullable = true, minItems = 2, maxItems = 2)
                                 List<Double> cumulativeIncidenceCi95) {
    }

    @Schema(description = "A comparison with the control at the look")
    public record LookComparisonFigures(String arm, String versus, long events, double informationFraction,
                                        @Schema(nullable = true) Double observedZ, double boundaryZ, boolean crossed,
                                        boolean stoppedEarlier, @Schema(nullable = true) Double futilityBound,
                                        @Schema(nullable = true) Double conditionalPower,
                                        @Schema(nullable = true) Boolean futile,
                                        @Schema(nullable = true) Double hazardRatio,
                                        @Schema(nullable = true, minItems = 2, maxItems = 2) List<Double> hazardRatioCi95,
                                        @Schema(nullable = true, minItems = 2, maxItems = 2)
                                        List<Double> hazardRatioRepeatedCi95,
                                        @Schema(nullable = true) Double riskDifference,
                                        @Schema(nullable = true, minItems = 2, maxItems = 2)
                                        List<Double> riskDifferenceCi95,
                                        @Schema(nullable = true, minItems = 2, maxItems = 2)
                                        List<Double> riskDifferenceRepeatedCi95,
                                        @Schema(nullable = true) Double logRankChiSquare,
                                        @Schema(nullable = true) Double logRankPValue) {
    }
}
