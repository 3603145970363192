package dk.trials.outcome.service;

import dk.trials.outcome.EstimateDocument;

import java.util.List;
import java.util.function.Function;

/** An {@link Estimate} into its stored document and back, field by field, so that either may change on its own. */
final class EstimateDocuments {

    private EstimateDocuments() {
    }

    static EstimateDocument toDocument(Estimate e) {
        return new EstimateDocument(EstimateDocument.CURRENT_VERSION, e.trialId(), e.asOf(), e.horizonDays(),
                e.computedAt(), map(e.arms(), EstimateDocuments::toDocument), map(e.comparisons(), EstimateDocuments::toDocument),
                orNull(e.monitoring(), EstimateDocuments::toDocument),
                orNull(e.outcomes(), o -> new EstimateDocument.OutcomeCounts(o.pendingEnrolment(), o.rejected())));
    }

    static Estimate fromDocument(EstimateDocument d) {
        return new Estimate(d.trialId(), d.asOf(), d.horizonDays(), d.computedAt(),
                map(d.arms(), EstimateDocuments::fromDocument), map(d.comparisons(), EstimateDocuments::fromDocument),
                orNull(d.monitoring(), EstimateDocuments::fromDocument),
                orNull(d.outcomes(), o -> new Estimate.OutcomeCounts(o.pendingEnrolment(), o.rejected())));
    }

    private static EstimateDocument.Arm toDocument(Estimate.Arm a) {
        return new EstimateDocument.Arm(a.arm(), a.control(), a.participants(), a.events(), a.atRiskAtHorizon(),
                orNull(a.cumulativeIncidence(), EstimateDocuments::toDocument), a.standardError(),
                orNull(a.restrictedMeanTimeToJobExit(), r -> new EstimateDocument.RestrictedMean(r.estimate(),
                        r.standardError(), r.ci95(), r.tau(), r.reason())));
    }

    private static Estimate.Arm fromDocument(EstimateDocument.Arm a) {
        return new Estimate.Arm(a.arm(), a.control(), a.participants(), a.events(), a.atRiskAtHorizon(),
                orNull(a.cumulativeIncidence(), EstimateDocuments::fromDocument), a.standardError(),
                orNull(a.restrictedMeanTimeToJobExit(), r -> new Estimate.RestrictedMean(r.estimate(),
                        r.standardError(), r.ci95(), r.tau(), r.reason())));
    }

    private static EstimateDocument.Comparison toDocument(Estimate.Comparison c) {
        return new EstimateDocument.Comparison(c.arm(), c.versus(),
                orNull(c.riskDifference(), rd -> new EstimateDocument.RiskDifference(rd.estimate(), rd.standardError(),
                        rd.ci95(), rd.reason())),
                orNull(c.hazardRatio(), hr -> new EstimateDocument.HazardRatio(hr.estimate(), hr.ci95(),
                        hr.logHazardRatio(), hr.standardError(), hr.pValue(), hr.ties(), hr.reason())),
                orNull(c.logRank(), EstimateDocuments::toDocument), orNull(c.stratifiedLogRank(), EstimateDocuments::toDocument),
                orNull(c.restrictedMeanDifference(), EstimateDocuments::toDocument));
    }

    private static Estimate.Comparison fromDocument(EstimateDocument.Comparison c) {
        return new Estimate.Comparison(c.arm(), c.versus(),
                orNull(c.riskDifference(), rd -> new Estimate.RiskDifference(rd.estimate(), rd.standardError(),
                        rd.ci95(), rd.reason())),
                orNull(c.hazardRatio(), hr -> new Estimate.HazardRatio(hr.estimate(), hr.ci95(), hr.logHazardRatio(),
                        hr.standardError(), hr.pValue(), hr.ties(), hr.reason())),
                orNull(c.logRank(), EstimateDocuments::fromDocument), orNull(c.stratifiedLogRank(), EstimateDocuments::fromDocument),
                orNull(c.restrictedMeanDifference(), EstimateDocuments::fromDocument));
    }

    private static EstimateDocument.Interval toDocument(Estimate.Interval i) {
        return new EstimateDocument.Interval(i.estimate(), i.ci95(), i.reason());
    }

    private static Estimate.Interval fromDocument(EstimateDocument.Interval i) {
        return new Estimate.Interval(i.estimate(), i.ci95(), i.reason());
    }

    private static EstimateDocument.LogRank toDocument(Estimate.LogRank l) {
        return new EstimateDocument.LogRank(l.chiSquare(), l.pValue(), l.z(), l.observedMinusExpected(), l.variance(),
                l.strata(), l.reason());
    }

    private static Estimate.LogRank fromDocument(EstimateDocument.LogRank l) {
        return new Estimate.LogRank(l.chiSquare(), l.pValue(), l.z(), l.observedMinusExpected(), l.variance(),
                l.strata(), l.reason());
    }

    private static EstimateDocument.Monitoring toDocument(MonitoringStatus m) {
        return new EstimateDocument.Monitoring(m.provisional(), m.reason(), m.informationFraction(), m.boundaryZ(),
                m.observedZ(), m.decision(), m.comparison(), m.plannedEvents(), m.observedEvents(),
                orNull(m.futility(), EstimateDocuments::toDocument), m.informationRate(), m.alpha(), m.alphaSpent(),
                orNull(m.spending(), s -> new EstimateDocument.Spending(s.family(), s.gamma())), m.boundaryMethod(),
                m.looksTaken(), orNull(m.lastLook(), l -> new EstimateDocument.LastLook(l.number(), l.cutDate(),
                        l.takenAt(), l.decision())),
                m.nextLookAt(), map(m.comparisons(), c -> new EstimateDocument.MonitoredComparison(c.arm(), c.versus(),
                        c.informationFraction(), c.boundaryZ(), c.observedZ(), c.decision(), c.plannedEvents(),
                        c.observedEvents(), orNull(c.futility(), EstimateDocuments::toDocument),
                        c.hazardRatioRepeatedCi95(), c.riskDifferenceRepeatedCi95())));
    }

    private static MonitoringStatus fromDocument(EstimateDocument.Monitoring m) {
        return new MonitoringStatus(m.provisional(), m.reason(), m.informationFraction(), m.boundaryZ(),
                m.observedZ(), m.decision(), m.comparison(), m.plannedEvents(), m.observedEvents(),
                orNull(m.futility(), EstimateDocuments::fromDocument), m.informationRate(), m.alpha(), m.alphaSpent(),
                orNull(m.spending(), s -> new MonitoringStatus.Spending(s.family(), s.gamma())), m.boundaryMethod(),
                m.looksTaken(), orNull(m.lastLook(), l -> new MonitoringStatus.LastLook(l.number(), l.cutDate(),
                        l.takenAt(), l.decision())),
                m.nextLookAt(), map(m.comparisons(), c -> new MonitoringStatus.ComparisonStatus(c.arm(), c.versus(),
                        c.informationFraction(), c.boundaryZ(), c.observedZ(), c.decision(), c.plannedEvents(),
                        c.observedEvents(), orNull(c.futility(), EstimateDocuments::fromDocument),
                        c.hazardRatioRepeatedCi95(), c.riskDifferenceRepeatedCi95())));
    }

    private static EstimateDocument.Futility toDocument(MonitoringStatus.Futility f) {
        return new EstimateDocument.Futility(f.method(), f.bound(), f.conditionalPower(), f.flagged(), f.flaggedAtLook());
    }

    private static MonitoringStatus.Futility fromDocument(EstimateDocument.Futility f) {
        return new MonitoringStatus.Futility(f.method(), f.bound(), f.conditionalPower(), f.flagged(), f.flaggedAtLook());
    }

    private static <A, B> B orNull(A value, Function<A, B> mapping) {
        return value == null ? null : mapping.apply(value);
    }

    private static <A, B> List<B> map(List<A> values, Function<A, B> mapping) {
        return values == null ? null : values.stream().map(mapping).toList();
    }
}
