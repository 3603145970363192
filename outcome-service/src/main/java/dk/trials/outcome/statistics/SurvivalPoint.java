package dk.trials.outcome.statistics;

/**
 * One row of a Kaplan–Meier curve, as {@code survfit(conf.type = "log-log")} reports it: the survivor function
 * after the day's events, its Greenwood standard error (of S, and of −log S) and the log(−log) 95% limits, which
 * are {@code null} where S is 0 or 1.
 */
public record SurvivalPoint(int time, long nRisk, long nEvent, long nCensor, double surv, double stdErr,
                            double stdErrLogSurv, Double lower, Double upper) {

    /** The curve before any event: S = 1 with no uncertainty. */
    static SurvivalPoint start() {
        return new SurvivalPoint(0, 0, 0, 0, 1.0, 0.0, 0.0, null, null);
    }

    public double cumulativeIncidence() {
        return 1.0 - surv;
    }

    public double greenwoodVariance() {
        return stdErr * stdErr;
    }
}
