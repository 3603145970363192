package dk.trials.outcome.service;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One comparison's figures on a data cut, as the estimates computed them: job exits in the arm and the control
 * together (within the horizon), the log-rank Z (positive when the arm has more job exits than expected), the Cox
 * log hazard ratio and the risk difference at the horizon with their standard errors. Null where not estimable.
 */
public record ComparisonFigures(String arm, String versus, long events, Double z, Double logHazardRatio,
                                Double logHazardRatioStandardError, Double riskDifference,
                                Double riskDifferenceStandardError) {

    /** Each comparison of the estimate, in design order, with the job exits of its arm and the control. */
    public static List<ComparisonFigures> of(Estimate estimate) {
        Map<String, Long> events = estimate.arms().stream()
                .collect(Collectors.toMap(Estimate.Arm::arm, Estimate.Arm::events));
        return estimate.comparisons().stream().map(c -> new ComparisonFigures(c.arm(), c.versus(),
                events.get(c.arm()) + events.get(c.versus()), c.logRank().z(), c.hazardRatio().logHazardRatio(),
                c.hazardRatio().standardError(), c.riskDifference().estimate(), c.riskDifference().standardError()))
                .toList();
    }
}
