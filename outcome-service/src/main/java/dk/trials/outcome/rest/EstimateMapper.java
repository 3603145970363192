package dk.trials.outcome.rest;

import dk.trials.outcome.service.Estimate;
import dk.trials.outcome.service.MonitoringStatus;

import java.util.List;
import java.util.function.Function;

/**
 * The domain {@link Estimate} into the API's body, field by field, so that either may change on its own. A part the
 * estimate lacks (a history point read from a stored document without it) stays null rather than failing the read.
 */
final class EstimateMapper {

    private EstimateMapper() {
    }

    static EstimateResponse toResponse(Estimate e) {
        return new EstimateResponse(e.trialId(), e.asOf(), e.horizonDays(), e.computedAt(),
                map(e.arms(), EstimateMapper::arm), map(e.comparisons(), EstimateMapper::comparison),
                orNull(e.monitoring(), EstimateMapper::monitoring),
                orNull(e.outcomes(), o -> new EstimateResponse.OutcomeCounts(o.pendingEnrolment(), o.rejected())));
    }

    private static EstimateResponse.ArmEstimate arm(Estimate.Arm a) {
        return new EstimateResponse.ArmEstimate(a.arm(), a.control(), a.participants(), a.events(), a.atRiskAtHorizon(),
                orNull(a.cumulativeIncidence(), EstimateMapper::interval), a.standardError(),
                orNull(a.restrictedMeanTimeToJobExit(), r -> new EstimateResponse.RestrictedMean(r.estimate(),
                        r.standardError(), r.ci95(), r.tau())));
    }

    private static EstimateResponse.Comparison comparison(Estimate.Comparison c) {
        return new EstimateResponse.Comparison(c.arm(), c.versus(),
                orNull(c.riskDifference(), rd -> new EstimateResponse.RiskDifference(rd.estimate(), rd.standardError(),
                        rd.ci95())),
                orNull(c.hazardRatio(), hr -> new EstimateResponse.HazardRatio(hr.estimate(), hr.ci95(),
                        hr.logHazardRatio(), hr.standardError(), hr.pValue(), hr.ties())),
                orNull(c.logRank(), EstimateMapper::logRank), orNull(c.stratifiedLogRank(), EstimateMapper::logRank),
                orNull(c.restrictedMeanDifference(), EstimateMapper::interval));
    }

    private static EstimateResponse.Interval interval(Estimate.Interval i) {
        return new EstimateResponse.Interval(i.estimate(), i.ci95());
    }

    private static EstimateResponse.LogRank logRank(Estimate.LogRank l) {
        return new EstimateResponse.LogRank(l.chiSquare(), l.pValue(), l.z(), l.observedMinusExpected(), l.variance(),
                l.strata());
    }

    private static EstimateResponse.Monitoring monitoring(MonitoringStatus m) {
        return new EstimateResponse.Monitoring(m.informationFraction(), m.boundaryZ(), m.observedZ(), m.decision(),
                m.comparison(), m.plannedEvents(), m.observedEvents(), m.alpha(), m.alphaSpent(), m.spendingFunction(),
                m.nextLookAt(), map(m.looks(), l -> new EstimateResponse.Look(l.look(), l.takenOn(), l.events(),
                        l.informationFraction(), l.boundaryZ(), l.observedZ(), l.comparison(), l.decision())));
    }

    private static <A, B> B orNull(A value, Function<A, B> mapping) {
        return value == null ? null : mapping.apply(value);
    }

    private static <A, B> List<B> map(List<A> values, Function<A, B> mapping) {
        return values == null ? null : values.stream().map(mapping).toList();
    }
}
