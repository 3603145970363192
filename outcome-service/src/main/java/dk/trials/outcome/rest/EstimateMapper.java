package dk.trials.outcome.rest;

import dk.trials.outcome.service.Estimate;
import dk.trials.outcome.service.MonitoringStatus;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The domain {@link Estimate} into the API's body, field by field, so that either may change on its own. A part the
 * estimate lacks (a history point read from a stored document without it) stays null rather than failing the read.
 * The repeated confidence intervals belong to monitoring in the domain; the body shows them next to the
 * fixed-sample ones they complement.
 */
final class EstimateMapper {

    private EstimateMapper() {
    }

    static EstimateResponse toResponse(Estimate e) {
        Map<String, MonitoringStatus.ComparisonStatus> monitored = e.monitoring() == null || e.monitoring().comparisons() == null
                ? Map.of() : e.monitoring().comparisons().stream()
                .collect(Collectors.toMap(MonitoringStatus.ComparisonStatus::arm, Function.identity()));
        return new EstimateResponse(e.trialId(), e.asOf(), e.horizonDays(), e.computedAt(),
                map(e.arms(), EstimateMapper::arm), map(e.comparisons(), c -> comparison(c, monitored.get(c.arm()))),
                orNull(e.monitoring(), EstimateMapper::monitoring),
                orNull(e.outcomes(), o -> new EstimateResponse.OutcomeCounts(o.pendingEnrolment(), o.rejected())));
    }

    private static EstimateResponse.ArmEstimate arm(Estimate.Arm a) {
        return new EstimateResponse.ArmEstimate(a.arm(), a.control(), a.participants(), a.events(), a.atRiskAtHorizon(),
                orNull(a.cumulativeIncidence(), EstimateMapper::interval), a.standardError(),
                orNull(a.restrictedMeanTimeToJobExit(), r -> new EstimateResponse.RestrictedMean(r.estimate(),
                        r.standardError(), r.ci95(), r.tau(), r.reason())));
    }

    private static EstimateResponse.Comparison comparison(Estimate.Comparison c, MonitoringStatus.ComparisonStatus monitored) {
        return new EstimateResponse.Comparison(c.arm(), c.versus(),
                orNull(c.riskDifference(), rd -> new EstimateResponse.RiskDifference(rd.estimate(), rd.standardError(),
                        rd.ci95(), orNull(monitored, MonitoringStatus.ComparisonStatus::riskDifferenceRepeatedCi95),
                        rd.reason())),
                orNull(c.hazardRatio(), hr -> new EstimateResponse.HazardRatio(hr.estimate(), hr.ci95(),
                        orNull(monitored, MonitoringStatus.ComparisonStatus::hazardRatioRepeatedCi95),
                        hr.logHazardRatio(), hr.standardError(), hr.pValue(), hr.ties(), hr.reason())),
                orNull(c.logRank(), EstimateMapper::logRank), orNull(c.stratifiedLogRank(), EstimateMapper::logRank),
                orNull(c.restrictedMeanDifference(), EstimateMapper::interval));
    }

    private static EstimateResponse.Interval interval(Estimate.Interval i) {
        return new EstimateResponse.Interval(i.estimate(), i.ci95(), i.reason());
    }

    private static EstimateResponse.LogRank logRank(Estimate.LogRank l) {
        return new EstimateResponse.LogRank(l.chiSquare(), l.pValue(), l.z(), l.observedMinusExpected(), l.variance(),
                l.strata(), l.reason());
    }

    private static EstimateResponse.Monitoring monitoring(MonitoringStatus m) {
        return new EstimateResponse.Monitoring(m.provisional(), m.reason(), m.informationFraction(), m.boundaryZ(),
                m.observedZ(), m.decision(), m.comparison(), m.plannedEvents(), m.observedEvents(),
                orNull(m.futility(), EstimateMapper::futility), m.informationRate(), m.alpha(), m.alphaSpent(),
                orNull(m.spending(), s -> new EstimateResponse.Spending(s.family(), s.gamma())), m.boundaryMethod(),
                m.looksTaken(), orNull(m.lastLook(), l -> new EstimateResponse.LastLook(l.number(), l.cutDate(),
                        l.takenAt(), l.decision())),
                m.nextLookAt(), map(m.comparisons(), c -> new EstimateResponse.MonitoredComparison(c.arm(), c.versus(),
                        c.informationFraction(), c.boundaryZ(), c.observedZ(), c.decision(), c.plannedEvents(),
                        c.observedEvents(), orNull(c.futility(), EstimateMapper::futility))));
    }

    private static EstimateResponse.Futility futility(MonitoringStatus.Futility f) {
        return new EstimateResponse.Futility(f.method(), f.bound(), f.conditionalPower(), f.flagged(), f.flaggedAtLook());
    }

    private static <A, B> B orNull(A value, Function<A, B> mapping) {
        return value == null ? null : mapping.apply(value);
    }

    private static <A, B> List<B> map(List<A> values, Function<A, B> mapping) {
        return values == null ? null : values.stream().map(mapping).toList();
    }
}
