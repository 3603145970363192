package dk.trials.outcome.statistics;

import java.util.List;

/**
 * Restricted mean time to job exit up to {@code tau}: the area under the Kaplan–Meier curve on [0, tau], with the
 * standard error of {@code survival:::survmean} (sum over event times of A_i² d_i / (n_i (n_i − d_i)), A_i the area
 * from t_i to tau; no n/(n − 1) correction). It is the mean number of days, of the first tau after enrolment, spent
 * before exiting to a job.
 */
public record RestrictedMean(double estimate, double se, int tau) {

    public static RestrictedMean of(SurvivalCurve curve, int tau) {
        List<SurvivalPoint> points = curve.points().stream().filter(p -> p.time() <= tau).toList();
        int k = points.size();
        // areaAfter[i] = integral of S from t_i to tau, where S is points[i].surv on [t_i, t_{i+1}).
        double[] areaAfter = new double[k + 1];
        for (int i = k - 1; i >= 0; i--) {
            int next = i + 1 < k ? points.get(i + 1).time() : tau;
            areaAfter[i] = areaAfter[i + 1] + (next - points.get(i).time()) * points.get(i).surv();
        }
        int first = k > 0 ? points.get(0).time() : tau;
        double estimate = first + areaAfter[0];
        double variance = 0.0;
        for (int i = 0; i < k; i++) {
            SurvivalPoint p = points.get(i);
            if (p.nEvent() > 0 && p.nRisk() > p.nEvent()) {
                variance += areaAfter[i] * areaAfter[i] * p.nEvent() / ((double) p.nRisk() * (p.nRisk() - p.nEvent()));
            }
        }
        return new RestrictedMean(estimate, Math.sqrt(variance), tau);
    }
}
