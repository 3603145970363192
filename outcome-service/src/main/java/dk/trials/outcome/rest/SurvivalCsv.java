package dk.trials.outcome.rest;

import java.util.List;

/**
 * Kaplan–Meier curves in long format: one row per arm and time point (survfit's rows), each naming its trial, asOf,
 * horizon and the arm's participants. {@code stdErr}, {@code lower} and {@code upper} are empty where the JSON has
 * null (R's NA or NaN).
 */
final class SurvivalCsv {

    static final List<String> HEADER = List.of("trialId", "asOf", "horizonDays", "arm", "participants", "time",
            "nRisk", "nEvent", "nCensor", "surv", "stdErr", "lower", "upper", "cumulativeIncidence");

    private SurvivalCsv() {
    }

    static String of(SurvivalResponse curves) {
        Csv csv = new Csv(HEADER);
        for (SurvivalResponse.ArmCurve arm : curves.arms()) {
            for (SurvivalResponse.Point p : arm.points()) {
                csv.row(curves.trialId(), curves.asOf(), curves.horizonDays(), arm.arm(), arm.participants(), p.time(),
                        p.nRisk(), p.nEvent(), p.nCensor(), p.surv(), p.stdErr(), p.lower(), p.upper(),
                        p.cumulativeIncidence());
            }
        }
        return csv.toString();
    }
}
