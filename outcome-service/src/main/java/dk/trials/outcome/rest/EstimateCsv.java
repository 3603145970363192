package dk.trials.outcome.rest;

import java.util.List;

/**
 * Estimates in long format, one row per arm and measure and per comparison and measure, so that a file of one answer
 * and a file of the history bind together and load without reshaping. {@code kind} and {@code look} name a history
 * point (empty for the current estimates); {@code versus} is empty on an arm's own measures. A measure's estimate,
 * interval, standard error and p-value are empty where the answer has none (not estimable: {@code reason} says why,
 * or the measure has no such figure); a measure a legacy history point did not record has no row. Monitoring stays
 * in the JSON: it is provisional and not a per-arm figure.
 */
final class EstimateCsv {

    static final List<String> HEADER = List.of("trialId", "asOf", "kind", "look", "horizonDays", "arm", "versus",
            "measure", "estimate", "lower", "upper", "standardError", "pValue", "reason");

    private EstimateCsv() {
    }

    static String of(EstimateResponse estimates) {
        Csv csv = new Csv(HEADER);
        rows(csv, estimates, null, null);
        return csv.toString();
    }

    static String of(EstimateHistoryResponse history) {
        Csv csv = new Csv(HEADER);
        history.points().forEach(point -> rows(csv, point.estimates(), point.kind(), point.look()));
        return csv.toString();
    }

    private static void rows(Csv csv, EstimateResponse e, Object kind, Integer look) {
        Rows rows = new Rows(csv, e, kind, look);
        for (EstimateResponse.ArmEstimate arm : e.arms()) {
            rows.add(arm.arm(), null, "participants", arm.participants(), null, null, null, null, null);
            rows.add(arm.arm(), null, "events", arm.events(), null, null, null, null, null);
            rows.add(arm.arm(), null, "atRiskAtHorizon", arm.atRiskAtHorizon(), null, null, null, null, null);
            EstimateResponse.Interval incidence = arm.cumulativeIncidence();
            if (incidence != null) {
                rows.add(arm.arm(), null, "cumulativeIncidence", incidence.estimate(), lower(incidence.ci95()),
                        upper(incidence.ci95()), arm.standardError(), null, incidence.reason());
            }
            EstimateResponse.RestrictedMean mean = arm.restrictedMeanTimeToJobExit();
            if (mean != null) {
                rows.add(arm.arm(), null, "restrictedMeanTimeToJobExit", mean.estimate(), lower(mean.ci95()),
                        upper(mean.ci95()), mean.standardError(), null, mean.reason());
            }
        }
        for (EstimateResponse.Comparison c : e.comparisons()) {
            comparison(rows, c);
        }
    }

    /** A comparison's measures; one a legacy point did not record has no row. */
    private static void comparison(Rows rows, EstimateResponse.Comparison c) {
        EstimateResponse.RiskDifference rd = c.riskDifference();
        if (rd != null) {
            rows.add(c.arm(), c.versus(), "riskDifference", rd.estimate(), lower(rd.ci95()), upper(rd.ci95()),
                    rd.standardError(), null, rd.reason());
        }
        EstimateResponse.HazardRatio hr = c.hazardRatio();
        if (hr != null) {
            rows.add(c.arm(), c.versus(), "hazardRatio", hr.estimate(), lower(hr.ci95()), upper(hr.ci95()), null,
                    hr.pValue(), hr.reason());
            rows.add(c.arm(), c.versus(), "logHazardRatio", hr.logHazardRatio(), null, null, hr.standardError(),
                    hr.pValue(), hr.reason());
        }
        EstimateResponse.LogRank logRank = c.logRank();
        if (logRank != null) {
            rows.add(c.arm(), c.versus(), "logRankChiSquare", logRank.chiSquare(), null, null, null,
                    logRank.pValue(), logRank.reason());
        }
        EstimateResponse.LogRank stratified = c.stratifiedLogRank();
        if (stratified != null) {
            rows.add(c.arm(), c.versus(), "stratifiedLogRankChiSquare", stratified.chiSquare(), null, null, null,
                    stratified.pValue(), stratified.reason());
        }
        EstimateResponse.Interval rmd = c.restrictedMeanDifference();
        if (rmd != null) {
            rows.add(c.arm(), c.versus(), "restrictedMeanDifference", rmd.estimate(), lower(rmd.ci95()),
                    upper(rmd.ci95()), null, null, rmd.reason());
        }
    }

    private static Double lower(List<Double> ci) {
        return ci == null ? null : ci.get(0);
    }

    private static Double upper(List<Double> ci) {
        return ci == null ? null : ci.get(1);
    }

    /** The rows of one answer, each naming its trial, date and (in the history) point. */
    private record Rows(Csv csv, EstimateResponse e, Object kind, Integer look) {

        void add(String arm, String versus, String measure, Object estimate, Double lower, Double upper,
                 Double standardError, Double pValue, String reason) {
            csv.row(e.trialId(), e.asOf(), kind, look, e.horizonDays(), arm, versus, measure, estimate, lower, upper,
                    standardError, pValue, reason);
        }
    }
}
