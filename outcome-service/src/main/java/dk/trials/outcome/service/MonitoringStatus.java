package dk.trials.outcome.service;

import dk.trials.outcome.MonitoringDecision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where group-sequential monitoring stands on an estimate's figures. The {@code decision} is the formal looks'
 * only (taken on frozen data cuts; once a look crossed, it stays crossed). The figures ({@code informationFraction},
 * {@code boundaryZ}, {@code observedZ}, futility, the repeated intervals) are those of the look a data cut now would
 * be, computed and not stored: {@code provisional}, since they lie between formal looks and decide nothing. The top
 * level repeats the comparison closest to its boundary (a comparison that crossed at a look first, then the largest
 * |Z|/c); {@code comparisons} has every comparison. Where the figures cannot be computed (no planned events, no
 * information beyond the last look, the final look taken) the boundary is null (the fraction too without planned
 * events) and {@code reason} says why; {@code observedZ} stays the log-rank Z. A formal look's own history point carries its figures with
 * {@code provisional} false.
 *
 * @param informationRate the shared rate the boundary is computed at (the smallest running comparison's fraction)
 * @param alphaSpent      cumulative two-sided alpha a look now would have spent
 * @param boundaryMethod  how the boundary controls the family-wise error: SINGLE, DUNNETT or BONFERRONI
 * @param nextLookAt      the next planned information fraction; null after the final look
 */
public record MonitoringStatus(boolean provisional, String reason, Double informationFraction, Double boundaryZ,
                               Double observedZ, MonitoringDecision decision, String comparison,
                               Integer plannedEvents, Long observedEvents, Futility futility, Double informationRate,
                               Double alpha, Double alphaSpent, Spending spending, String boundaryMethod,
                               int looksTaken, LastLook lastLook, Double nextLookAt,
                               List<ComparisonStatus> comparisons) {

    /**
     * One comparison with control. {@code decision} is crossed once a formal look found it crossed (it then stops);
     * the repeated 95% confidence intervals use the provisional boundary, null where not estimable.
     */
    public record ComparisonStatus(String arm, String versus, Double informationFraction, Double boundaryZ,
                                   Double observedZ, MonitoringDecision decision, Integer plannedEvents,
                                   long observedEvents, Futility futility, List<Double> hazardRatioRepeatedCi95,
                                   List<Double> riskDifferenceRepeatedCi95) {
    }

    /**
     * Advisory futility, never the decision: the plan's method, the beta-spending bound on |Z| or the conditional
     * power under the current trend, whether the provisional figures fall below it, and the last formal look
     * that flagged the comparison (null if none did).
     */
    public record Futility(String method, Double bound, Double conditionalPower, Boolean flagged,
                           Integer flaggedAtLook) {
    }

    /** The alpha-spending family by its rpact name, γ where it takes one. */
    public record Spending(String family, Double gamma) {
    }

    /** The latest formal look. {@code cutDate} is null for a look taken on live data before cuts were frozen. */
    public record LastLook(int number, LocalDate cutDate, Instant takenAt, MonitoringDecision decision) {
    }
}
