package dk.trials.outcome.statistics;

import dk.trials.sequential.Normal;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Critical values of a group-sequential test on the standardised statistic Z_k, found look by look so that the
 * probability under the null of stopping at or before look k equals the cumulative alpha spent at its information
 * fraction. Z_k is the canonical joint normal (cov(Z_i, Z_j) = sqrt(t_i/t_j)); the sub-density of Z_k on the
 * continuation region is carried from look to look by recursive numerical integration (Armitage, McPherson and
 * Rowe 1969) on the grid of Jennison and Turnbull (2000, ch. 19): 6r − 1 points dense in the centre and
 * log-spaced in the tails, trimmed to the continuation region, with Simpson's rule on the midpoints.
 * Two-sided boundaries are symmetric (reject when |Z_k| >= c_k); one-sided reject when Z_k >= c_k.
 */
public final class GroupSequentialBoundary {

    /** Beyond this |z| no tail probability is representable; a look that may spend nothing gets this value. */
    public static final double NO_STOPPING = 40.0;

    private final AlphaSpending spending;
    private final boolean twoSided;
    private final int r;

    private GroupSequentialBoundary(AlphaSpending spending, boolean twoSided, int r) {
        if (r < 2) {
            throw new IllegalArgumentException("grid parameter r must be at least 2");
        }
        this.spending = spending;
        this.twoSided = twoSided;
        this.r = r;
    }

    /** Symmetric two-sided boundaries on r = 32 (critical values within 5e-7 of converged ones; r = 128: 2e-9). */
    public static GroupSequentialBoundary twoSided(AlphaSpending spending) {
        return new GroupSequentialBoundary(spending, true, 32);
    }

    public static GroupSequentialBoundary oneSided(AlphaSpending spending) {
        return new GroupSequentialBoundary(spending, false, 32);
    }

    /** The same boundary on a coarser or finer grid (r = 16 is Jennison and Turnbull's usual choice). */
    public GroupSequentialBoundary withGrid(int gridParameter) {
        return new GroupSequentialBoundary(spending, twoSided, gridParameter);
    }

    /**
     * Critical values at looks taken at the given information fractions, which must increase strictly within
     * (0, 1]. A fraction above 1 (more events than planned) is treated as 1 by the caller.
     */
    public double[] criticalValues(double[] fractions) {
        double[] critical = new double[fractions.length];
        Density previous = Density.pointMassAtZero();
        double previousFraction = 0.0;
        double previousSpent = 0.0;
        for (int k = 0; k < fractions.length; k++) {
            double t = fractions[k];
            if (!(t > previousFraction) || t > 1.0) {
                throw new IllegalArgumentException("information fractions must increase strictly within (0, 1]");
            }
            double spent = spending.spent(t);
            double increment = spent - previousSpent;
            double shrink = Math.sqrt(previousFraction / t);
            double sd = Math.sqrt((t - previousFraction) / t);
            critical[k] = solve(previous, shrink, sd, increment);
            if (k + 1 < fractions.length) {
                previous = carry(previous, shrink, sd, critical[k]);
            }
            previousFraction = t;
            previousSpent = Math.max(previousSpent, spent);
        }
        return critical;
    }

    /** P(stop at this look, not before) when the boundary is c. */
    private double exitProbability(Density previous, double shrink, double sd, double c) {
        double sum = 0;
        for (int j = 0; j < previous.z.length; j++) {
            double mean = shrink * previous.z[j];
            double tail = Normal.upperTail((c - mean) / sd);
            if (twoSided) {
                tail += Normal.upperTail((c + mean) / sd);
            }
            sum += previous.weight[j] * tail;
        }
        return sum;
    }

    private double solve(Density previous, double shrink, double sd, double increment) {
        if (increment <= 0 || exitProbability(previous, shrink, sd, NO_STOPPING) >= increment) {
            return NO_STOPPING;
        }
        BrentSolver solver = new BrentSolver(1e-14, 1e-14);
        return solver.solve(200, c -> exitProbability(previous, shrink, sd, c) - increment, -NO_STOPPING, NO_STOPPING);
    }

    /** The sub-density of Z at this look on its continuation region, as quadrature nodes times weights. */
    private Density carry(Density previous, double shrink, double sd, double c) {
        double[] nodes = grid(twoSided ? -c : Double.NEGATIVE_INFINITY, c);
        double[] simpson = simpsonWeights(nodes);
        double[] weighted = new double[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            double density = 0;
            for (int j = 0; j < previous.z.length; j++) {
                density += previous.weight[j] * Normal.density((nodes[i] - shrink * previous.z[j]) / sd);
            }
            weighted[i] = simpson[i] * density / sd;
        }
        return new Density(nodes, weighted);
    }

    /** Jennison and Turnbull's 6r − 1 points around 0, trimmed to (lower, upper), with midpoints for Simpson's rule. */
    private double[] grid(double lower, double upper) {
        int m = 6 * r - 1;
        double[] base = new double[m];
        for (int i = 1; i <= m; i++) {
            double x;
            if (i < r) {
                x = -3 - 4 * Math.log((double) r / i);
            } else if (i <= 5 * r) {
                x = -3 + 3.0 * (i - r) / (2.0 * r);
            } else {
                x = 3 + 4 * Math.log((double) r / (6 * r - i));
            }
            base[i - 1] = x;
        }
        double from = Math.max(lower, base[0]);
        double to = Math.min(upper, base[m - 1]);
        java.util.List<Double> points = new java.util.ArrayList<>();
        points.add(from);
        for (double x : base) {
            if (x > from && x < to) {
                points.add(x);
            }
        }
        points.add(to);
        double[] nodes = new double[2 * points.size() - 1];
        for (int i = 0; i < points.size(); i++) {
            nodes[2 * i] = points.get(i);
            if (i + 1 < points.size()) {
                nodes[2 * i + 1] = (points.get(i) + points.get(i + 1)) / 2;
            }
        }
        return nodes;
    }

    private static double[] simpsonWeights(double[] nodes) {
        double[] w = new double[nodes.length];
        for (int i = 0; i + 2 < nodes.length; i += 2) {
            double width = nodes[i + 2] - nodes[i];
            w[i] += width / 6;
            w[i + 1] += 4 * width / 6;
            w[i + 2] += width / 6;
        }
        return w;
    }

    /** Quadrature nodes of Z at a look and, at each, its sub-density times the quadrature weight. */
    private record Density(double[] z, double[] weight) {
        static Density pointMassAtZero() {
            return new Density(new double[]{0.0}, new double[]{1.0});
        }
    }
}
