package dk.trials.outcome.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The effect estimates of a trial at {@code asOf}, by allocated arm (intention to treat), each arm compared with
 * control, and where group-sequential monitoring stands. A figure that cannot be estimated (no events, no one at
 * risk, no variance) is null with a {@code reason}, never a number that looks like an answer; the reason is null
 * where the figure is there.
 */
public record Estimate(UUID trialId, LocalDate asOf, int horizonDays, Instant computedAt, List<Arm> arms,
                       List<Comparison> comparisons, MonitoringStatus monitoring, OutcomeCounts outcomes) {

    /** A point estimate with its 95% confidence interval ({@code ci95} null when not estimable). */
    public record Interval(Double estimate, List<Double> ci95, String reason) {
    }

    public record Arm(String arm, boolean control, long participants, long events, long atRiskAtHorizon,
                      Interval cumulativeIncidence, Double standardError, RestrictedMean restrictedMeanTimeToJobExit) {
    }

    /** Restricted mean days, of the first {@code tau} after enrolment, before a job exit. */
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

    /** {@code strata}: the jobcentres of a stratified test, null for the plain one. */
    public record LogRank(Double chiSquare, Double pValue, Double z, Double observedMinusExpected, Double variance,
                          List<String> strata, String reason) {
    }

    /** Outcomes not (yet) counted. */
    public record OutcomeCounts(long pendingEnrolment, long rejected) {
    }

    /** These figures with monitoring as it stands on them. */
    public Estimate withMonitoring(MonitoringStatus newMonitoring) {
        return new Estimate(trialId, asOf, horizonDays, computedAt, arms, comparisons, newMonitoring, outcomes);
    }
}
