package dk.trials.outcome.statistics;

import dk.trials.sequential.Normal;

import java.util.ArrayList;
import java.util.List;

/**
 * The Kaplan–Meier estimator with Greenwood's variance and log(−log) confidence limits, exactly as R's
 * {@code survfit(Surv(time, status) ~ 1, conf.type = "log-log")}: at each distinct time S is multiplied by
 * 1 − d/n, Greenwood's sum adds d/(n(n − d)), and the 95% limits are S^exp(∓A) with A = z·sqrt(G)/log S.
 * As R (survival 3.5) the limits are NA (null here) where S is 1 or 0, the standard error of S is 0 where S is 1
 * (no event yet) and NaN from the day S reaches 0 (Greenwood's term is infinite there).
 */
public final class KaplanMeier {

    private KaplanMeier() {
    }

    public static SurvivalCurve estimate(FollowUpTable table) {
        List<SurvivalPoint> points = new ArrayList<>();
        double surv = 1.0;
        double greenwood = 0.0;
        for (int day = 0; day <= table.lastDay(); day++) {
            long events = table.events(day);
            long censorings = table.censorings(day);
            if (events == 0 && censorings == 0) {
                continue;
            }
            long atRisk = table.atRisk(day);
            if (events > 0) {
                surv *= 1.0 - (double) events / atRisk;
                // Where everyone at risk exits (S = 0) the term is d/0 = ∞, as in R: the standard error of S is
                // then undefined (NaN, R's NaN), not 0.
                greenwood += (double) events / ((double) atRisk * (atRisk - events));
            }
            points.add(point(day, atRisk, events, censorings, surv, greenwood));
        }
        return new SurvivalCurve(points);
    }

    private static SurvivalPoint point(int day, long atRisk, long events, long censorings, double surv, double greenwood) {
        double stdErrLogSurv = Math.sqrt(greenwood);
        Double lower = null;
        Double upper = null;
        if (surv > 0.0 && surv < 1.0) {
            double a = Normal.Z_975 * stdErrLogSurv / Math.log(surv);
            lower = Math.pow(surv, Math.exp(-a));
            upper = Math.pow(surv, Math.exp(a));
        }
        return new SurvivalPoint(day, atRisk, events, censorings, surv, surv * stdErrLogSurv, stdErrLogSurv, lower, upper);
    }
}
