package dk.trials.outcome.statistics;

import dk.trials.sequential.Normal;

import java.util.List;

/**
 * The log-rank test of an arm against control, as R's {@code survdiff} (rho = 0): at each event day, with n at
 * risk (n1 in the arm) and d events, O − E gains d_arm − d·n1/n and the hypergeometric variance
 * d·(n1/n)(1 − n1/n)(n − d)/(n − 1). Stratified, O − E and V are summed over strata whose risk sets are kept apart.
 *
 * @param observed   events in [control, arm]
 * @param expected   expected events in [control, arm] under equal hazards
 * @param oMinusE    observed minus expected in the arm
 * @param variance   variance of O − E
 * @param chiSquare  (O − E)² / V with one degree of freedom
 * @param pValue     its upper tail
 */
public record LogRank(double[] observed, double[] expected, double oMinusE, double variance, double chiSquare,
                      double pValue) {

    public static LogRank test(FollowUpTable control, FollowUpTable arm) {
        int lastDay = Math.max(control.lastDay(), arm.lastDay());
        double observedControl = 0;
        double observedArm = 0;
        double expectedArm = 0;
        double variance = 0;
        for (int day = 0; day <= lastDay; day++) {
            long d0 = day <= control.lastDay() ? control.events(day) : 0;
            long d1 = day <= arm.lastDay() ? arm.events(day) : 0;
            long d = d0 + d1;
            if (d == 0) {
                continue;
            }
            double n1 = arm.atRisk(day);
            double n = control.atRisk(day) + n1;
            observedControl += d0;
            observedArm += d1;
            expectedArm += d * n1 / n;
            if (n > 1) {
                variance += d * (n1 / n) * (1 - n1 / n) * (n - d) / (n - 1);
            }
        }
        double total = observedControl + observedArm;
        return of(new double[]{observedControl, observedArm}, new double[]{total - expectedArm, expectedArm},
                observedArm - expectedArm, variance);
    }

    /** Jobcentre-stratified: each stratum is a pair (control, arm) of tables restricted to that stratum. */
    public static LogRank stratified(List<FollowUpTable[]> strata) {
        double[] observed = new double[2];
        double[] expected = new double[2];
        double oMinusE = 0;
        double variance = 0;
        for (FollowUpTable[] stratum : strata) {
            LogRank within = test(stratum[0], stratum[1]);
            for (int i = 0; i < 2; i++) {
                observed[i] += within.observed[i];
                expected[i] += within.expected[i];
            }
            oMinusE += within.oMinusE;
            variance += within.variance;
        }
        return of(observed, expected, oMinusE, variance);
    }

    private static LogRank of(double[] observed, double[] expected, double oMinusE, double variance) {
        double chiSquare = variance > 0 ? oMinusE * oMinusE / variance : Double.NaN;
        double pValue = variance > 0 ? Normal.chiSquare1UpperTail(chiSquare) : Double.NaN;
        return new LogRank(observed, expected, oMinusE, variance, chiSquare, pValue);
    }

    /** The signed standardised statistic (O − E)/sqrt(V): positive when the arm exits to jobs faster than control. */
    public double z() {
        return variance > 0 ? oMinusE / Math.sqrt(variance) : Double.NaN;
    }
}
