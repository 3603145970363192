package dk.trials.outcome.rest;

import dk.trials.outcome.MonitoringDecision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The effect estimates of a trial at {@code asOf}, by allocated arm (intention to treat), with each arm compared
 * with control and where group-sequential monitoring stands. A figure that cannot be estimated is null, and its
 * object says why in {@code reason}.
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

    private static final String REASON = "Why the figure is not estimable; null when it is";

    @Schema(name = "Interval", description = "Point estimate with its 95% confidence interval; null where not "
            + "estimable, with the reason")
    public record Interval(
            @Schema(nullable = true) Double estimate,
            @Schema(nullable = true, minItems = 2, maxItems = 2) List<Double> ci95,
            @Schema(nullable = true, description = REASON) String reason) {
    }

    @Schema(name = "ArmEstimate")
    public record ArmEstimate(
            String arm,
            boolean control,
            long participants,
            long events,
            @Schema(description = "Participants still followed without job exit at the horizon") long atRiskAtHorizon,
            @Schema(description = "1 − Kaplan–Meier at the horizon; log(−log) 95% CI from Greenwood's variance, null "
                    + "(as R gives NA) where the estimate is 0 or 1; estimate null for an arm without participants")
            Interval cumulativeIncidence,
            @Schema(nullable = true, description = "Greenwood standard error of the cumulative incidence; null where "
                    + "the estimate is 0 or 1 (no job exit yet, or every participant exited), where R gives 0 or NaN")
            Double standardError,
            @Schema(description = "Restricted mean days, of the first horizonDays after enrolment, before job exit")
            RestrictedMean restrictedMeanTimeToJobExit) {
    }

    @Schema(name = "RestrictedMean")
    public record RestrictedMean(
            @Schema(nullable = true) Double estimate,
            @Schema(nullable = true) Double standardError,
            @Schema(nullable = true, minItems = 2, maxItems = 2) List<Double> ci95,
            int tau,
            @Schema(nullable = true, description = REASON) String reason) {
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

    @Schema(name = "RiskDifference", description = "Null, with the reason, where an arm has no participants or the "
            + "Greenwood variances give none (no job exit in either arm, or every participant of an arm exited)")
    public record RiskDifference(
            @Schema(nullable = true) Double estimate,
            @Schema(nullable = true) Double standardError,
            @Schema(nullable = true, minItems = 2, maxItems = 2, description = "Fixed-sample Wald 95% interval: "
                    + "valid for one look only") List<Double> ci95,
            @Schema(nullable = true, minItems = 2, maxItems = 2, description = "Repeated 95% confidence interval "
                    + "estimate ± c·se at the provisional group-sequential boundary c (monitoring.comparisons[]."
                    + "boundaryZ): it may be read at every look; null without a boundary or a standard error")
            List<Double> repeatedCi95,
            @Schema(nullable = true, description = REASON) String reason) {
    }

    @Schema(name = "HazardRatio", description = "Every figure null, with the reason, while the model cannot be "
            + "estimated: an arm without job exits, a fit that does not converge or converges to an infinite coefficient")
    public record HazardRatio(
            @Schema(nullable = true) Double estimate,
            @Schema(nullable = true, minItems = 2, maxItems = 2, description = "Fixed-sample 95% interval "
                    + "exp(β ± 1.96 se): valid for one look only") List<Double> ci95,
            @Schema(nullable = true, minItems = 2, maxItems = 2, description = "Repeated 95% confidence interval "
                    + "exp(β ± c·se) at the provisional group-sequential boundary c: it may be read at every look")
            List<Double> repeatedCi95,
            @Schema(nullable = true) Double logHazardRatio,
            @Schema(nullable = true) Double standardError,
            @Schema(nullable = true) Double pValue,
            @Schema(description = "How tied event times are handled", example = "efron") String ties,
            @Schema(nullable = true, description = REASON, example = "no job exit in arm treatment") String reason) {
    }

    @Schema(name = "LogRank", description = "Log-rank test (R survdiff); stratified: by jobcentre. chiSquare, pValue "
            + "and z are null, with the reason, where the variance is 0")
    public record LogRank(
            @Schema(nullable = true) Double chiSquare,
            @Schema(nullable = true) Double pValue,
            @Schema(nullable = true, description = "(O − E)/sqrt(V) for the arm: positive when it exits to jobs faster")
            Double z,
            @Schema(nullable = true) Double observedMinusExpected,
            @Schema(nullable = true) Double variance,
            @Schema(nullable = true, description = "The jobcentres of the stratified test; null for the plain one")
            List<String> strata,
            @Schema(nullable = true, description = REASON) String reason) {
    }

    @Schema(name = "MonitoringStatus", description = "Group-sequential monitoring of the log-rank Z of each comparison "
            + "with control. The decision comes from formal looks only, taken on frozen data cuts (GET /looks); it "
            + "is sticky once a look crossed. The figures are those a data cut now would give as a look, computed "
            + "for this answer and never stored: provisional, between looks, deciding nothing, so looking any day "
            + "spends no alpha. The top level is the comparison closest to its boundary (one that crossed at a look "
            + "first, then the largest |Z|/boundary); comparisons has each.")
    public record Monitoring(
            @Schema(description = "True for the live figures (GET /estimates, DAILY history points): they lie "
                    + "between formal looks and decide nothing. False only on a LOOK point, whose figures are that look's")
            boolean provisional,
            @Schema(nullable = true, description = "Why boundaryZ (and, without planned events, informationFraction) "
                    + "is null: no planned events (no power assumptions), no job exit yet, no information since the "
                    + "last look, the final look taken, every comparison crossed; null when the figures are there. "
                    + "observedZ stays the log-rank Z")
            String reason,
            @Schema(nullable = true, description = "Job exits in the arm and the control / the comparison's planned "
                    + "events, not capped at 1") Double informationFraction,
            @Schema(nullable = true, description = "Two-sided boundary |Z| a look now would have, given the looks taken")
            Double boundaryZ,
            @Schema(nullable = true, description = "Log-rank Z of the comparison named in 'comparison'") Double observedZ,
            @Schema(description = "As decided at the formal looks taken so far; never from these figures")
            MonitoringDecision decision,
            @Schema(nullable = true, description = "The arm whose comparison with control the top level shows")
            String comparison,
            @Schema(nullable = true, description = "That comparison's planned events") Integer plannedEvents,
            @Schema(nullable = true, description = "That comparison's job exits (arm and control)") Long observedEvents,
            @Schema(nullable = true, description = "That comparison's advisory futility; null without a futility plan")
            Futility futility,
            @Schema(nullable = true, description = "The shared information rate the boundary is computed at: the "
                    + "smallest fraction of the comparisons still running") Double informationRate,
            @Schema(description = "Family-wise two-sided alpha") Double alpha,
            @Schema(nullable = true, description = "Cumulative two-sided alpha a look now would have spent")
            Double alphaSpent,
            Spending spending,
            @Schema(nullable = true, description = "How the boundary controls the family-wise error",
                    enumeration = {"SINGLE", "DUNNETT", "BONFERRONI"}) String boundaryMethod,
            @Schema(description = "Formal looks taken by asOf") int looksTaken,
            @Schema(nullable = true, description = "The latest formal look; null before the first") LastLook lastLook,
            @Schema(nullable = true, description = "The next planned information fraction; null after the final look")
            Double nextLookAt,
            @Schema(nullable = true, description = "Each comparison with control, in design order")
            List<MonitoredComparison> comparisons) {
    }

    @Schema(name = "MonitoringComparison", description = "One comparison's provisional figures and its formal decision")
    public record MonitoredComparison(
            String arm,
            String versus,
            @Schema(nullable = true) Double informationFraction,
            @Schema(nullable = true) Double boundaryZ,
            @Schema(nullable = true) Double observedZ,
            @Schema(description = "EFFICACY_BOUNDARY_CROSSED once a formal look found it crossed (it then stops)")
            MonitoringDecision decision,
            @Schema(nullable = true) Integer plannedEvents,
            long observedEvents,
            @Schema(nullable = true, description = "Advisory futility; null without a futility plan") Futility futility) {
    }

    @Schema(name = "MonitoringFutility", description = "Advisory, non-binding futility: it flags, it never decides")
    public record Futility(
            @Schema(enumeration = {"BETA_SPENDING", "CONDITIONAL_POWER"}) String method,
            @Schema(nullable = true, description = "Beta-spending bound on |Z| at a look now") Double bound,
            @Schema(nullable = true, description = "Conditional power under the current trend") Double conditionalPower,
            @Schema(nullable = true, description = "Whether the provisional figures fall below the bound or threshold")
            Boolean flagged,
            @Schema(nullable = true, description = "The latest formal look that flagged this comparison")
            Integer flaggedAtLook) {
    }

    @Schema(name = "MonitoringSpending", description = "The alpha-spending family, two-sided as rpact computes it")
    public record Spending(
            @Schema(enumeration = {"asOF", "asP", "asKD", "asHSD", "LanDeMetsClassic"}) String family,
            @Schema(nullable = true, description = "γ of asKD and asHSD") Double gamma) {
    }

    @Schema(name = "MonitoringLastLook", description = "The latest formal look (GET /looks/{number} has its report)")
    public record LastLook(
            int number,
            @Schema(nullable = true, description = "Its data cut; null for a look taken on live data before cuts "
                    + "were frozen") LocalDate cutDate,
            @Schema(nullable = true) Instant takenAt,
            MonitoringDecision decision) {
    }

    @Schema(name = "OutcomeCounts")
    public record OutcomeCounts(
            @Schema(description = "Kept until their participant's enrolment arrives") long pendingEnrolment,
            @Schema(description = "Kept from register feeds with the reason they cannot count") long rejected) {
    }
}
