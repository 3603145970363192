package dk.trials.outcome.rest;

import dk.trials.outcome.LookResult;
import dk.trials.outcome.service.LookReport;

import java.util.List;

/**
 * Look reports as CSV in long format: one row per figure, of the look itself (arm and versus empty), of an arm at
 * the cut (versus empty) and of each comparison, each row naming its trial, look, cut, time taken and the report's
 * sha256. An empty value is a figure that is null (not estimable, or not recorded on a legacy look).
 */
final class LookCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "trialId,look,cutDate,takenAt,sha256,arm,versus,figure,value\n";

    private LookCsv() {
    }

    static String of(List<LookReport> reports) {
        StringBuilder csv = new StringBuilder(HEADER);
        reports.forEach(report -> rows(report, csv));
        return csv.toString();
    }

    private static void rows(LookReport r, StringBuilder csv) {
        Row row = new Row(r, csv);
        LookResult result = r.result();
        if (result == null) {
            row.add("", "", "informationRate", r.informationRate());
            row.add("", "", "boundaryZ", r.boundaryZ());
            row.add("", "", "decision", r.decision());
            if (r.comparisonArm() != null) {
                row.add(r.comparisonArm(), "", "observedZ", r.observedZ());
            }
            return;
        }
        row.add("", "", "informationRate", result.informationRate());
        row.add("", "", "finalLook", result.finalLook());
        row.add("", "", "alphaSpent", result.alphaSpent());
        row.add("", "", "boundaryMethod", result.boundaryMethod());
        row.add("", "", "boundaryZ", result.boundaryZ());
        row.add("", "", "decision", result.decision());
        for (LookResult.ArmAtCut arm : result.arms()) {
            row.add(arm.arm(), "", "participants", arm.participants());
            row.add(arm.arm(), "", "events", arm.events());
            row.add(arm.arm(), "", "cumulativeIncidence", arm.cumulativeIncidence());
            row.interval(arm.arm(), "", "cumulativeIncidenceCi95", arm.cumulativeIncidenceCi95());
        }
        for (LookResult.ComparisonAtLook c : result.comparisons()) {
            row.add(c.arm(), c.versus(), "events", c.events());
            row.add(c.arm(), c.versus(), "informationFraction", c.informationFraction());
            row.add(c.arm(), c.versus(), "observedZ", c.observedZ());
            row.add(c.arm(), c.versus(), "boundaryZ", c.boundaryZ());
            row.add(c.arm(), c.versus(), "crossed", c.crossed());
            row.add(c.arm(), c.versus(), "stoppedEarlier", c.stoppedEarlier());
            row.add(c.arm(), c.versus(), "futilityBound", c.futilityBound());
            row.add(c.arm(), c.versus(), "conditionalPower", c.conditionalPower());
            row.add(c.arm(), c.versus(), "futile", c.futile());
            row.add(c.arm(), c.versus(), "hazardRatio", c.hazardRatio());
            row.interval(c.arm(), c.versus(), "hazardRatioCi95", c.hazardRatioCi95());
            row.interval(c.arm(), c.versus(), "hazardRatioRepeatedCi95", c.hazardRatioRepeatedCi95());
            row.add(c.arm(), c.versus(), "riskDifference", c.riskDifference());
            row.interval(c.arm(), c.versus(), "riskDifferenceCi95", c.riskDifferenceCi95());
            row.interval(c.arm(), c.versus(), "riskDifferenceRepeatedCi95", c.riskDifferenceRepeatedCi95());
            row.add(c.arm(), c.versus(), "logRankChiSquare", c.logRankChiSquare());
            row.add(c.arm(), c.versus(), "logRankPValue", c.logRankPValue());
        }
    }

    /** Writes the rows of one look. */
    private record Row(LookReport report, StringBuilder csv) {

        void add(String arm, String versus, String figure, Object value) {
            csv.append(report.trialId()).append(',').append(report.number()).append(',')
                    .append(report.cutDate() == null ? "" : report.cutDate()).append(',').append(report.takenAt())
                    .append(',').append(report.sha256() == null ? "" : report.sha256()).append(',')
                    .append(quoted(arm)).append(',').append(quoted(versus)).append(',').append(figure).append(',')
                    .append(value == null ? "" : quoted(value.toString())).append('\n');
        }

        void interval(String arm, String versus, String figure, List<Double> bounds) {
            add(arm, versus, figure + "Lower", bounds == null ? null : bounds.get(0));
            add(arm, versus, figure + "Upper", bounds == null ? null : bounds.get(1));
        }
    }

    /** RFC 4180: a value with a comma, quote or line break is quoted, its quotes doubled. */
    private static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
