package dk.trials.sequential;

/**
 * rpact 3.3.4's recursive numerical integration of the canonical joint normal (C++
 * {@code getGroupSequentialProbabilitiesCpp}, {@code src/f_design_group_sequential.cpp}), ported operation for
 * operation so that boundaries built on it equal rpact's to its bisection tolerance rather than only to the
 * accuracy of either grid (rpact's 91-point grid is up to 2e-6 from converged values on unusual look spacings).
 * <p>
 * A decision matrix has one column per look and either two rows (lower and upper bound of one continuation
 * interval) or four (two intervals, [row 0, row 1] and [row 2, row 3], used with futility bounds). The result has
 * one more row: entry (r, k) is P(Z stays in every continuation region before look k, and Z_k &lt; row r of look
 * k); its last row is the probability of reaching look k. The density of Z_{k−1} on its continuation region is
 * carried on 91 equally spaced points per interval with the composite 7-point Newton–Cotes rule
 * (41, 216, 27, 272, 27, 216, 41 · 6h/840). Bounds at or above 8 are set to 8; in two-row matrices lower bounds
 * at or below −6 are set to −6 (after the first look's probabilities are taken), in four-row ones at or below −8
 * to −8, as rpact does.
 */
final class GroupSequentialProbabilities {

    static final double UPPER_BOUND_DEFAULT = 8;
    static final double FUTILITY_BOUND_DEFAULT = -6;
    private static final int NEWTON_COTES_PANELS = 15;
    static final int GRID_POINTS = NEWTON_COTES_PANELS * 6 + 1;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double[] PANEL = {492, 1296, 162, 1632, 162, 1296};

    private GroupSequentialProbabilities() {
    }

    static double[][] of(double[][] decision, double[] rates) {
        int rows = decision.length;
        int looks = rates.length;
        if (rows != 2 && rows != 4) {
            throw new IllegalArgumentException("a decision matrix has 2 or 4 rows");
        }
        double[][] d = new double[rows][looks];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < looks; k++) {
                d[r][k] = Math.min(decision[r][k], UPPER_BOUND_DEFAULT);
            }
        }
        double[][] probs = new double[rows + 1][looks];
        for (int r = 0; r < rows; r++) {
            probs[r][0] = Normal.cdf(d[r][0]);
        }
        probs[rows][0] = 1;
        if (looks == 1) {
            return probs;
        }
        double floor = rows == 2 ? FUTILITY_BOUND_DEFAULT : -UPPER_BOUND_DEFAULT;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < looks; k++) {
                d[r][k] = Math.max(d[r][k], floor);
            }
        }
        Carried carried = null;
        for (int k = 1; k < looks; k++) {
            carried = carry(carried, d, k - 1, rates);
            for (int r = 0; r < rows; r++) {
                probs[r][k] = carried.below(d[r][k], rates[k]);
            }
            probs[rows][k] = rows == 2 ? probs[1][k - 1] - probs[0][k - 1]
                    : probs[3][k - 1] - probs[2][k - 1] + probs[1][k - 1] - probs[0][k - 1];
        }
        return probs;
    }

    /**
     * The (sub-)density of Z at look {@code look} on that look's continuation region, times the quadrature weights,
     * from the one carried to the previous look ({@code null} before the second look).
     */
    static Carried carry(Carried previous, double[][] d, int look, double[] rates) {
        int intervals = d.length / 2;
        double[] x = new double[intervals * GRID_POINTS];
        double[] w = new double[x.length];
        for (int i = 0; i < intervals; i++) {
            double lower = d[2 * i][look];
            double dx = (d[2 * i + 1][look] - lower) / (GRID_POINTS - 1);
            double[] weights = weights(dx);
            for (int j = 0; j < GRID_POINTS; j++) {
                x[i * GRID_POINTS + j] = lower + j * dx;
                w[i * GRID_POINTS + j] = weights[j];
            }
        }
        double[] dn = new double[x.length];
        if (previous == null) {
            for (int i = 0; i < x.length; i++) {
                dn[i] = w[i] * INV_SQRT_2PI * Math.exp(-0.5 * x[i] * x[i]);
            }
        } else {
            double epsilon = rates[look] - rates[look - 1];
            double part = Math.sqrt(rates[look] / epsilon);
            double sqrtNow = Math.sqrt(rates[look]);
            double sqrtBefore = Math.sqrt(rates[look - 1]);
            double divisor = Math.sqrt(epsilon);
            for (int i = 0; i < x.length; i++) {
                double scaled = x[i] * sqrtNow;
                double sum = 0;
                for (int j = 0; j < previous.x.length; j++) {
                    double a = (scaled - previous.x[j] * sqrtBefore) / divisor;
                    sum += part * (INV_SQRT_2PI * Math.exp(-0.5 * a * a)) * previous.dn[j];
                }
                dn[i] = w[i] * sum;
            }
        }
        return new Carried(x, dn, rates[look]);
    }

    /** rpact's {@code getW}: composite 7-point Newton–Cotes weights for 91 points spaced dx apart. */
    private static double[] weights(double dx) {
        double[] w = new double[GRID_POINTS];
        for (int i = 0; i < GRID_POINTS - 1; i++) {
            w[i] = PANEL[i % 6] * (dx / 840);
        }
        w[0] = 246.0 * dx / 840.0;
        w[GRID_POINTS - 1] = 246.0 * dx / 840.0;
        return w;
    }

    /** Nodes of Z at one look and, at each, the sub-density times the quadrature weight. */
    record Carried(double[] x, double[] dn, double rate) {

        /** P(stayed in every region up to this look, and Z at the next look (information rate t) &lt; bound). */
        double below(double bound, double t) {
            double sqrtNow = Math.sqrt(t);
            double sqrtBefore = Math.sqrt(rate);
            double divisor = Math.sqrt(t - rate);
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += Normal.cdf((bound * sqrtNow - x[i] * sqrtBefore) / divisor) * dn[i];
            }
            return sum;
        }
    }
}
