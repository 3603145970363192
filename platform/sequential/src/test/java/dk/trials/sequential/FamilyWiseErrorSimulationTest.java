package dk.trials.sequential;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded simulation of trials with no true difference between any arm and the control, monitored at the planned
 * looks (half, three quarters and all of the information) with rpact's asOF spending and Dunnett-type boundaries:
 * the family-wise error stays within 0.05 + 2·√(0.05·0.95/n) for 2, 3 and 4 arms (control included), while
 * testing every comparison at the single-comparison boundaries does not.
 * <p>
 * Simulated at the level of the Z statistics per look (not whole survival data sets, which would take minutes):
 * Z_jk = √λ_j·X_k + √(1 − λ_j)·Y_jk with independent Brownian increments for the control's part X and each arm's
 * part Y, λ_j = w_j/(w_j + w_0), which is exactly the joint null distribution of log-rank or risk-difference
 * statistics with the allocation weights and information fractions used, asymptotically.
 */
class FamilyWiseErrorSimulationTest {

    private static final int TRIALS = 20_000;
    private static final double[] LOOKS = {0.5, 0.75, 1};
    private static final double BOUND = 0.05 + 2 * Math.sqrt(0.05 * 0.95 / TRIALS);

    @Test
    void two_arms_keep_the_error_at_five_percent() {
        assertControlled(new double[]{1}, 1);
    }

    @Test
    void three_arms_keep_the_family_wise_error_at_five_percent_with_equal_and_with_two_to_one_to_one_allocation() {
        assertControlled(new double[]{1, 1}, 1);
        assertControlled(new double[]{1, 1}, 2);
    }

    @Test
    void four_arms_keep_the_family_wise_error_at_five_percent() {
        assertControlled(new double[]{1, 1, 1}, 1);
    }

    private static void assertControlled(double[] armWeights, double controlWeight) {
        LookSchedule schedule = LookSchedule.planned(Spending.obrienFleming(), 0.05, LOOKS);
        double[] dunnett = DunnettBoundaries.forArms(controlWeight, armWeights).boundaries(schedule).criticalValues();
        double[] single = GroupSequentialDesign.boundaries(schedule).criticalValues();
        SplittableRandom random = new SplittableRandom(20270301L + 31L * armWeights.length + (long) controlWeight);
        int rejectedDunnett = 0;
        int rejectedUnadjusted = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            double[][] z = nullStatistics(random, armWeights, controlWeight);
            rejectedDunnett += anyCrosses(z, dunnett) ? 1 : 0;
            rejectedUnadjusted += anyCrosses(z, single) ? 1 : 0;
        }
        double fwer = (double) rejectedDunnett / TRIALS;
        double unadjusted = (double) rejectedUnadjusted / TRIALS;
        System.out.printf("FWER over %d null trials, %d arms (control weight %.0f): %.4f with Dunnett-type boundaries, "
                + "%.4f testing each comparison alone; bound %.4f%n", TRIALS, armWeights.length + 1, controlWeight, fwer,
                unadjusted, BOUND);
        assertTrue(fwer <= BOUND, "family-wise error " + fwer + " exceeds " + BOUND);
        if (armWeights.length > 1) {
            assertTrue(unadjusted > BOUND, "unadjusted testing of several comparisons inflates the error: " + unadjusted);
        }
    }

    /** Z_jk under the global null for arms j at the looks, through the control's and each arm's Brownian parts. */
    private static double[][] nullStatistics(SplittableRandom random, double[] armWeights, double controlWeight) {
        int arms = armWeights.length;
        double[][] z = new double[LOOKS.length][arms];
        double control = 0;
        double[] own = new double[arms];
        double previous = 0;
        for (int k = 0; k < LOOKS.length; k++) {
            double step = Math.sqrt(LOOKS[k] - previous);
            control += step * gaussian(random);
            for (int j = 0; j < arms; j++) {
                own[j] += step * gaussian(random);
                double lambda = armWeights[j] / (armWeights[j] + controlWeight);
                z[k][j] = (Math.sqrt(lambda) * control + Math.sqrt(1 - lambda) * own[j]) / Math.sqrt(LOOKS[k]);
            }
            previous = LOOKS[k];
        }
        return z;
    }

    /** Whether some comparison crosses its look's boundary at some look (the trial's first rejection). */
    private static boolean anyCrosses(double[][] z, double[] critical) {
        for (int k = 0; k < z.length; k++) {
            for (double value : z[k]) {
                if (Math.abs(value) >= critical[k]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A standard normal by the polar method, from the seeded generator only. */
    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
