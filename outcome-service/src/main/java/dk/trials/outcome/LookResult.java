package dk.trials.outcome;

import java.util.List;

/**
 * The stored result of a formal look ({@link MonitoringLook#result}), as computed when it was taken from its
 * {@link LookInputs}: the information rate its boundary was computed at, whether it was the final look, the alpha
 * spent by it, how the boundary controls the family-wise error and that boundary, the decision, each arm's figures
 * at the cut and each comparison's: its information fraction, Z, boundary, whether it crossed, advisory futility,
 * the fixed-sample and the repeated 95% confidence intervals of the hazard ratio and the risk difference, and the
 * log-rank test. A figure that could not be estimated is null.
 */
public record LookResult(int schemaVersion, int look, double informationRate, boolean finalLook, double alphaSpent,
                         String boundaryMethod, double boundaryZ, MonitoringDecision decision,
                         List<String> crossedArms, List<String> futileArms, List<ArmAtCut> arms,
                         List<ComparisonAtLook> comparisons) {

    public static final int CURRENT_VERSION = 1;

    public record ArmAtCut(String arm, long participants, long events, Double cumulativeIncidence,
                           List<Double> cumulativeIncidenceCi95) {
    }

    public record ComparisonAtLook(String arm, String versus, long events, double informationFraction,
                                   Double observedZ, double boundaryZ, boolean crossed, boolean stoppedEarlier,
                                   Double futilityBound, Double conditionalPower, Boolean futile,
                                   Double hazardRatio, List<Double> hazardRatioCi95,
                                   List<Double> hazardRatioRepeatedCi95, Double riskDifference,
                                   List<Double> riskDifferenceCi95, List<Double> riskDifferenceRepeatedCi95,
                                   Double logRankChiSquare, Double logRankPValue) {
    }
}
