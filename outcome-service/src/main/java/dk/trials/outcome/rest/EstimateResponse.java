package dk.trials.outcome.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The effect estimates of a trial at {@code asOf}, by allocated arm (intention to treat), with each arm compared
 * with control and the group-sequential monitoring status. Figures that cannot be estimated (no events, no one at
 * risk) are null.
 */
@Schema(description = "Effect estimates by allocated arm at asOf")
public record EstimateResponse(
        UUID trialId,
        LocalDate asOf,
        int horizonDays,
        @Schema(description = "When these figures were computed") Instant computedAt,
        List<ArmEstimate> arms,
        List<Comparison> comparisons,
        Monitoring monitoring,
        @Schema(description = "Outcomes not (yet) counted") OutcomeCounts outcomes) {

    @Schema(description = "Point estimate with its 95% confidence interval")
    public record Interval(Double estimate, List<Double> ci95) {
    }

    public record ArmEstimate(
            String arm,
            boolean control,
            long participants,
            long events,
            @Schema(description = "Participants still followed without job exit at the horizon") long atRiskAtHorizon,
            @Schema(description = "1 − Kaplan–Meier at the horizon; log(−log) 95% CI from Greenwood's variance")
            Interval cumulativeIncidence,
            @Schema(description = "Greenwood standard error of the cumulative incidence") Double standardError,
            @Schema(description = "Restricted mean days, of the first horizonDays after enrolment, before job exit")
            RestrictedMean restrictedMeanTimeToJobExit) {
    }

    public record RestrictedMean(Double estimate, Double standardError, List<Double> ci95, int tau) {
    }

    public record Comparison(
            String arm,
            String versus,
            @Schema(description = "Cumulative incidence at the horizon, arm minus control; Wald 95% CI")
            RiskDifference riskDifference,
            @Schema(description = "Cox proportional hazards (Efron ties), arm over control; 95% CI exp(β ± 1.96 se)")
            HazardRatio hazardRatio,
            LogRank logRank,
            LogRank stratifiedLogRank,
            @Schema(description = "Restricted mean time to job exit, arm minus control, in days")
            Interval restrictedMeanDifference) {
    }

    public record RiskDifference(Double estimate, Double standardError, List<Double> ci95) {
    }

    public record HazardRatio(Double estimate, List<Double> ci95, Double logHazardRatio, Double standardError,
                              Double pValue, String ties) {
    }

    @Schema(description = "Log-rank test (R survdiff); stratified: by jobcentre")
    public record LogRank(Double chiSquare, Double pValue,
                          @Schema(description = "(O − E)/sqrt(V) for the arm: positive when it exits to jobs faster")
                          Double z,
                          Double observedMinusExpected, Double variance, List<String> strata) {
    }

    @Schema(description = "Group-sequential monitoring with the classic two-sided Lan–DeMets O'Brien–Fleming "
            + "spending function alpha*(t) = 2 − 2Φ(z_{1−alpha/2}/sqrt t); symmetric boundaries on the log-rank Z")
    public record Monitoring(
            @Schema(description = "Observed job exits / planned events, capped at 1; null without planned events")
            Double informationFraction,
            @Schema(description = "Boundary |Z| at this information fraction, given the looks already taken")
            Double boundaryZ,
            @Schema(description = "Log-rank Z of the comparison named in 'comparison'") Double observedZ,
            @Schema(description = "CONTINUE or EFFICACY_BOUNDARY_CROSSED, as decided at the formal looks taken so far")
            String decision,
            String comparison,
            Integer plannedEvents,
            long observedEvents,
            double alpha,
            @Schema(description = "Cumulative two-sided alpha spent at this information fraction") Double alphaSpent,
            String spendingFunction,
            @Schema(description = "Information fraction of the next formal look") Double nextLookAt,
            List<Look> looks) {
    }

    public record Look(int look, LocalDate takenOn, long events, double informationFraction, double boundaryZ,
                       Double observedZ, String comparison, String decision) {
    }

    public record OutcomeCounts(
            @Schema(description = "Kept until their participant's enrolment arrives") long pendingEnrolment,
            @Schema(description = "Kept from register feeds with the reason they cannot count") long rejected) {
    }

    public EstimateResponse withMonitoring(Monitoring newMonitoring) {
        return new EstimateResponse(trialId, asOf, horizonDays, computedAt, arms, comparisons, newMonitoring, outcomes);
    }
}
