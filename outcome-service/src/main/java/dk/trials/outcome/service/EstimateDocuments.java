package dk.trials.outcome.service;

import dk.trials.outcome.EstimateDocument;

import java.util.List;

/** An {@link Estimate} into its stored document and back, field by field, so that either may change on its own. */
final class EstimateDocuments {

    private EstimateDocuments() {
    }

    static EstimateDocument toDocument(Estimate e) {
        return new EstimateDocument(EstimateDocument.CURRENT_VERSION, e.trialId(), e.asOf(), e.horizonDays(),
                e.computedAt(), map(e.arms(), EstimateDocuments::toDocument), map(e.comparisons(), EstimateDocuments::toDocument),
                toDocument(e.monitoring()),
                new EstimateDocument.OutcomeCounts(e.outcomes().pendingEnrolment(), e.outcomes().rejected()));
    }

    static Estimate fromDocument(EstimateDocument d) {
        return new Estimate(d.trialId(), d.asOf(), d.horizonDays(), d.computedAt(),
                map(d.arms(), EstimateDocuments::fromDocument), map(d.comparisons(), EstimateDocuments::fromDocument),
                fromDocument(d.monitoring()),
                d.outcomes() == null ? null : new Estimate.OutcomeCounts(d.outcomes().pendingEnrolment(), d.outcomes().rejected()));
    }

    private static EstimateDocument.Arm toDocument(Estimate.Arm a) {
        return new EstimateDocument.Arm(a.arm(), a.control(), a.participants(), a.events(), a.atRiskAtHorizon(),
                toDocument(a.cumulativeIncidence()), a.standardError(), toDocument(a.restrictedMeanTimeToJobExit()));
    }

    private static Estimate.Arm fromDocument(EstimateDocument.Arm a) {
        return new Estimate.Arm(a.arm(), a.control(), a.participants(), a.events(), a.atRiskAtHorizon(),
                fromDocument(a.cumulativeIncidence()), a.standardError(), fromDocument(a.restrictedMeanTimeToJobExit()));
    }

    private static EstimateDocument.Comparison toDocument(Estimate.Comparison c) {
        Estimate.RiskDifference rd = c.riskDifference();
        Estimate.HazardRatio hr = c.hazardRatio();
        return new EstimateDocument.Comparison(c.arm(), c.versus(),
                new EstimateDocument.RiskDifference(rd.estimate(), rd.standardError(), rd.ci95()),
                new EstimateDocument.HazardRatio(hr.estimate(), hr.ci95(), hr.logHazardRatio(), hr.standardError(),
                        hr.pValue(), hr.ties()),
                toDocument(c.logRank()), toDocument(c.stratifiedLogRank()), toDocument(c.restrictedMeanDifference()));
    }

    private static Estimate.Comparison fromDocument(EstimateDocument.Comparison c) {
        EstimateDocument.RiskDifference rd = c.riskDifference();
        EstimateDocument.HazardRatio hr = c.hazardRatio();
        return new Estimate.Comparison(c.arm(), c.versus(),
                rd == null ? null : new Estimate.RiskDifference(rd.estimate(), rd.standardError(), rd.ci95()),
                hr == null ? null : new Estimate.HazardRatio(hr.estimate(), hr.ci95(), hr.logHazardRatio(),
                        hr.standardError(), hr.pValue(), hr.ties()),
                fromDocument(c.logRank()), fromDocument(c.stratifiedLogRank()), fromDocument(c.restrictedMeanDifference()));
    }

    private static EstimateDocument.Interval toDocument(Estimate.Interval i) {
        return new EstimateDocument.Interval(i.estimate(), i.ci95());
    }

    private static Estimate.Interval fromDocument(EstimateDocument.Interval i) {
        return i == null ? null : new Estimate.Interval(i.estimate(), i.ci95());
    }

    private static EstimateDocument.RestrictedMean toDocument(Estimate.RestrictedMean r) {
        return new EstimateDocument.RestrictedMean(r.estimate(), r.standardError(), r.ci95(), r.tau());
    }

    private static Estimate.RestrictedMean fromDocument(EstimateDocument.RestrictedMean r) {
        return r == null ? null : new Estimate.RestrictedMean(r.estimate(), r.standardError(), r.ci95(), r.tau());
    }

    private static EstimateDocument.LogRank toDocument(Estimate.LogRank l) {
        return new EstimateDocument.LogRank(l.chiSquare(), l.pValue(), l.z(), l.observedMinusExpected(), l.variance(),
                l.strata());
    }

    private static Estimate.LogRank fromDocument(EstimateDocument.LogRank l) {
        return l == null ? null : new Estimate.LogRank(l.chiSquare(), l.pValue(), l.z(), l.observedMinusExpected(),
                l.variance(), l.strata());
    }

    private static EstimateDocument.Monitoring toDocument(MonitoringStatus m) {
        return new EstimateDocument.Monitoring(m.informationFraction(), m.boundaryZ(), m.observedZ(), m.decision(),
                m.comparison(), m.plannedEvents(), m.observedEvents(), m.alpha(), m.alphaSpent(), m.spendingFunction(),
                m.nextLookAt(), map(m.looks(), l -> new EstimateDocument.Look(l.look(), l.takenOn(), l.events(),
                        l.informationFraction(), l.boundaryZ(), l.observedZ(), l.comparison(), l.decision())));
    }

    private static MonitoringStatus fromDocument(EstimateDocument.Monitoring m) {
        return m == null ? null : new MonitoringStatus(m.informationFraction(), m.boundaryZ(), m.observedZ(),
                m.decision(), m.comparison(), m.plannedEvents(), m.observedEvents(), m.alpha(), m.alphaSpent(),
                m.spendingFunction(), m.nextLookAt(), map(m.looks(), l -> new MonitoringStatus.Look(l.look(),
                l.takenOn(), l.events(), l.informationFraction(), l.boundaryZ(), l.observedZ(), l.comparison(), l.decision())));
    }

    private static <A, B> List<B> map(List<A> values, java.util.function.Function<A, B> mapping) {
        return values == null ? null : values.stream().map(mapping).toList();
    }
}
