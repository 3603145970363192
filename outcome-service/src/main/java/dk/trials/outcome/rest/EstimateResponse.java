package dk.trials.outcome.rest;

import dk.trials.outcome.MonitoringDecision;
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

    @Schema(name = "Interval", description = "Point estimate with its 95% confidence interval; both null when not estimable")
    public record Interval(
            @Schema(nullable = true) Double estimate,
            @Schema(nullable = true, minItems = 2, maxItems = 2) List<Double> ci95) {
    }

    @Schema(name = "ArmEstimate")
    public record ArmEstimate(
            String arm,
            boolean control,
            long participants,
            long events,
            @Schema(description = "Participants still followed without job exit at the horizon") long atRiskAtHorizon,
            @Schema(description = "1 − Kaplan–Meier at the horizon; log(−log) 95% CI from Greenwood's variance")
            Interval cumulativeIncidence,
            @Schema(nullable = true, description = "Greenwood standard error of the cumulative incidence")
            Double standardError,
            @Schema(description = "Restricted mean days, of the first horizonDays after enrolment, before job exit")
            RestrictedMean restrictedMeanTimeToJobExit) {
    }

    @Schema(name = "RestrictedMean")
    public record RestrictedMean(
            @Schema(nullable = true) Double estimate,
            @Schema(nullable = true) Double standardError,
            @Schema(nullable = true, minItems = 2, maxItems = 2) List<Double> ci95,
            int tau) {
    }

    @Schema(name = "Comparison")
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

    @Schema(name = "RiskDifference")
    public record RiskDifference(
            @Schema(nullable = true) Double estimate,
            @Schema(nullable = true) Double standardError,
            @Schema(nullable = true, minItems = 2, maxItems = 2) List<Double> ci95) {
    }

    @Schema(name = "HazardRatio", description = "Every figure null while the model cannot be estimated (e.g. an arm without job exits)")
    public record HazardRatio(
            @Schema(nullable = true) Double estimate,
            @Schema(nullable = true, minItems = 2, maxItems = 2) List<Double> ci95,
            @Schema(nullable = true) Double logHazardRatio,
            @Schema(nullable = true) Double standardError,
            @Schema(nullable = true) Double pValue,
            @Schema(description = "How tied event times are handled", example = "efron") String ties) {
    }

    @Schema(name = "LogRank", description = "Log-rank test (R survdiff); stratified: by jobcentre")
    public record LogRank(
            @Schema(nullable = true) Double chiSquare,
            @Schema(nullable = true) Double pValue,
            @Schema(nullable = true, description = "(O − E)/sqrt(V) for the arm: positive when it exits to jobs faster")
            Double z,
            @Schema(nullable = true) Double observedMinusExpected,
            @Schema(nullable = true) Double variance,
            @Schema(nullable = true, description = "The jobcentres of the stratified test; null for the plain one")
            List<String> strata) {
    }

    @Schema(name = "MonitoringStatus", description = "Group-sequential monitoring with the classic two-sided Lan–DeMets "
            + "O'Brien–Fleming spending function alpha*(t) = 2 − 2Φ(z_{1−alpha/2}/sqrt t); symmetric boundaries on the log-rank Z")
    public record Monitoring(
            @Schema(nullable = true, description = "Observed job exits / planned events, capped at 1; null without planned events")
            Double informationFraction,
            @Schema(nullable = true, description = "Boundary |Z| at this information fraction, given the looks already taken")
            Double boundaryZ,
            @Schema(nullable = true, description = "Log-rank Z of the comparison named in 'comparison'") Double observedZ,
            @Schema(description = "As decided at the formal looks taken so far") MonitoringDecision decision,
            @Schema(nullable = true, description = "The arm whose comparison with control is watched; null without one")
            String comparison,
            @Schema(nullable = true) Integer plannedEvents,
            long observedEvents,
            double alpha,
            @Schema(nullable = true, description = "Cumulative two-sided alpha spent at this information fraction") Double alphaSpent,
            String spendingFunction,
            @Schema(nullable = true, description = "Information fraction of the next formal look") Double nextLookAt,
            List<Look> looks) {
    }

    @Schema(name = "MonitoringLook", description = "A formal look, frozen when taken")
    public record Look(int look, LocalDate takenOn, long events, double informationFraction, double boundaryZ,
                       @Schema(nullable = true) Double observedZ,
                       @Schema(nullable = true) String comparison,
                       MonitoringDecision decision) {
    }

    @Schema(name = "OutcomeCounts")
    public record OutcomeCounts(
            @Schema(description = "Kept until their participant's enrolment arrives") long pendingEnrolment,
            @Schema(description = "Kept from register feeds with the reason they cannot count") long rejected) {
    }
}
