package dk.trials.outcome.rest;

import java.util.List;

/**
 * The analysis set as CSV, one row per participant: {@code jobExit} is 1 or 0, so that
 * {@code Surv(followUpDays, jobExit)} reads it as it is; trial, asOf and horizon in each row, so a file says what it is.
 */
final class AnalysisSetCsv {

    static final List<String> HEADER = List.of("trialId", "asOf", "horizonDays", "rowId", "arm", "jobcentre",
            "stratum", "enrolledOn", "followUpDays", "jobExit", "ending", "withdrawnOn");

    private AnalysisSetCsv() {
    }

    static String of(AnalysisSetResponse set) {
        Csv csv = new Csv(HEADER);
        for (AnalysisSetResponse.Row row : set.rows()) {
            csv.row(set.trialId(), set.asOf(), set.horizonDays(), row.rowId(), row.arm(), row.jobcentre(),
                    row.stratum(), row.enrolledOn(), row.followUpDays(), row.jobExit() ? 1 : 0, row.ending(),
                    row.withdrawnOn());
        }
        return csv.toString();
    }
}
