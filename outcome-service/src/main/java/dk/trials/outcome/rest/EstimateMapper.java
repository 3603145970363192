package dk.trials.outcome.rest;

import dk.trials.outcome.service.Estimate;
import dk.trials.outcome.service.MonitoringStatus;

import java.util.List;
import java.util.function.Function;

/** The domain {@link Estimate} into the API's body, field by field, so that either may change on its own. */
final class EstimateMapper {

    private EstimateMapper() {
    }

    static EstimateResponse toResponse(Estimate e) {
        return new EstimateResponse(e.trialId(), e.asOf(), e.horizonDays(), e.computedAt(),
                map(e.arms(), EstimateMapper::arm), map(e.comparisons(), EstimateMapper::comparison),
                monitoring(e.monitoring()),
                new EstimateResponse.OutcomeCounts(e.outcomes().pendingEnrolment(), e.outcomes().rejected()));
    }

    private static EstimateResponse.ArmEstimate arm(Estimate.Arm a) {
        Estimate.RestrictedMean r = a.restrictedMeanTimeToJobExit();
        return new EstimateResponse.ArmEstimate(a.arm(), a.control(), a.participants(), a.events(), a.atRiskAtHorizon(),
                interval(a.cumulativeIncidence()), a.standardError(),
                new EstimateResponse.RestrictedMean(r.estimate(), r.standardError(), r.ci95(), r.tau()));
    }

    private static EstimateResponse.Comparison comparison(Estimate.Comparison c) {
        Estimate.RiskDifference rd = c.riskDifference();
        Estimate.HazardRatio hr = c.hazardRatio();
        return new EstimateResponse.Comparison(c.arm(), c.versus(),
                new EstimateResponse.RiskDifference(rd.estimate(), rd.standardError(), rd.ci95()),
                new EstimateResponse.HazardRatio(hr.estimate(), hr.ci95(), hr.logHazardRatio(), hr.standardError(),
                        hr.pValue(), hr.ties()),
                logRank(c.logRank()), logRank(c.stratifiedLogRank()), interval(c.restrictedMeanDifference()));
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

    private static <A, B> List<B> map(List<A> values, Function<A, B> mapping) {
        return values.stream().map(mapping).toList();
    }
}
