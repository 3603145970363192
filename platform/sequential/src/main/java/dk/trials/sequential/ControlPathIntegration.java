package dk.trials.sequential;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The probabilities behind Dunnett-type group-sequential boundaries, computed by conditioning on the control arm.
 * <p>
 * Comparison j's statistic at look l is written Z_jl = √λ_j·X_l + √(1 − λ_j)·Y_jl, with λ_j = w_j / (w_j + w_0),
 * X_l = B_0(t_l)/√t_l the control's contribution and Y_jl = B_j(t_l)/√t_l the arm's own, B_0, B_1, … independent
 * Brownian motions. This gives exactly the correlations of the issue: √(λ_a·λ_b) between comparisons within a look,
 * √(t_l/t_k) across looks for one comparison and their product across both. Given the control's path the arms are
 * independent, and each arm's probability of staying inside every boundary is a one-dimensional recursive
 * integration of its Y path (composite Gauss–Legendre nodes on the continuation interval, whose centre moves with
 * X). The control's path itself — as many dimensions as looks so far — is integrated by a randomised rank-1 lattice
 * rule ({@link Lattice}, tent-transformed, a shift drawn from a fixed seed) over the path built as a Brownian bridge
 * from the control's value at the look being solved, each coordinate drawn from a widened normal and re-weighted,
 * so that the tails where several arms cross together are sampled; the first look, a one-dimensional integral, is
 * done by deterministic quadrature. Everything is deterministic for a given seed. (A lattice over the raw
 * increments with an unwidened normal was tried first: errors of 1e-3 in c at the fifth look with 16,384 points.)
 * <p>
 * Each recursion step multiplies the carried density by a Gaussian kernel whose argument is
 * (δ + D_ij) with δ depending only on the control's increment; the kernel then factors into exp(−D_ij²/2), the
 * same for every control path, and two exponential vectors, so that one step costs one matrix–vector product per
 * path instead of m² exponentials.
 */
final class ControlPathIntegration {

    /**
     * Composite Gauss–Legendre for each arm's Y path: 6 nodes per panel, panels no wider than 3 standard deviations
     * of the step's Gaussian kernel. Results change by less than 1e-7 from 10 nodes per 3 (and by 1e-5 at 4 per 2.4).
     */
    private static final int NODES_PER_PANEL = 6;
    private static final double PANEL_WIDTH = 3.0;
    private static final double LARGEST_EXPONENT = 600;

    /**
     * The widening of the bridge's first three coordinates (the control's value at the look and at the looks
     * half-way) and of the finer ones. Tuned on 3 arms, 5 looks: a wide sampling normal makes the lattice rule's
     * integrand vanish smoothly at the cube's faces, which is what lets it converge fast: with the rules of
     * {@link Lattice#forDimensions}, critical values within 1e-8 of converged ones at the second and third look and
     * within about 1e-5 at the fourth and fifth (the spread over random shifts).
     */
    private static final double COARSE_SCALE = 2.6;
    private static final double FINE_SCALE = 2.0;

    private final double[] lambda;
    private final int[] multiplicity;
    private final IntFunction<Lattice> lattices;
    private final long seed;

    /** Arms grouped by their λ (equal allocation weights share one computation), {@code multiplicity} arms each. */
    ControlPathIntegration(double[] lambda, int[] multiplicity, long seed) {
        this(lambda, multiplicity, Lattice::forDimensions, seed);
    }

    /** With the lattice rule for a given number of dimensions (looks so far) chosen by {@code lattices}. */
    ControlPathIntegration(double[] lambda, int[] multiplicity, IntFunction<Lattice> lattices, long seed) {
        this.lambda = lambda.clone();
        this.multiplicity = multiplicity.clone();
        this.lattices = lattices;
        this.seed = seed;
    }

    /**
     * Critical values c_k with P0(max_j |Z_jk| ≥ c_k and max_j |Z_jl| &lt; c_l for all l &lt; k) = α_k − α_{k−1}.
     */
    double[] criticalValues(double[] rates, double[] cumulativeAlpha) {
        int looks = rates.length;
        double[] critical = new double[looks];
        critical[0] = firstLook(cumulativeAlpha[0]);
        int groups = lambda.length;
        for (int k = 1; k < looks; k++) {
            // A fresh point set per look, built by the Brownian bridge from the control's value at this look, so
            // that the lattice's best coordinates carry the directions the crossing probability depends on most.
            Paths paths = new Paths(rates, k);
            double[][][] carried = new double[groups][][];
            double[][] offsets = new double[groups][];
            for (int g = 0; g < groups; g++) {
                for (int l = 0; l < k; l++) {
                    double[][] rule = rule(critical[l] / Math.sqrt(1 - lambda[g]),
                            Math.sqrt((rates[l + 1] - rates[l]) / rates[l]));
                    carried[g] = l == 0 ? firstDensity(g, paths, rule) : carry(g, paths, l, offsets[g], carried[g], rule, rates);
                    offsets[g] = rule[0];
                }
            }
            critical[k] = solveLook(k, paths, carried, offsets, rates, cumulativeAlpha[k] - cumulativeAlpha[k - 1],
                    critical[k - 1]);
        }
        return critical;
    }

    /** The first look: 1 − E_X[Π_j P(|Z_j1| &lt; c | X)] = α_1, one dimension, by composite Gauss–Legendre on [−10, 10]. */
    private double firstLook(double alpha) {
        double[][] rule = compositeLegendre(10, 0.25, 8);
        UnivariateFunction excess = c -> {
            double rejected = 0;
            for (int i = 0; i < rule[0].length; i++) {
                double x = rule[0][i];
                double stay = 1;
                for (int g = 0; g < lambda.length; g++) {
                    double s = Math.sqrt(1 - lambda[g]);
                    double shift = Math.sqrt(lambda[g]) * x;
                    stay *= Math.pow(FastNormal.cdf((c - shift) / s) - FastNormal.cdf((-c - shift) / s), multiplicity[g]);
                }
                rejected += rule[1][i] * FastNormal.density(x) * (1 - stay);
            }
            return rejected - alpha;
        };
        if (excess.value(GroupSequentialProbabilities.UPPER_BOUND_DEFAULT) >= 0) {
            return GroupSequentialProbabilities.UPPER_BOUND_DEFAULT;
        }
        return new BrentSolver(1e-14, 1e-13).solve(1000, excess, 0, GroupSequentialProbabilities.UPPER_BOUND_DEFAULT);
    }

    /** The Y density at the first look on each path's continuation interval, times the quadrature weights. */
    private double[][] firstDensity(int g, Paths paths, double[][] rule) {
        double ratio = Math.sqrt(lambda[g] / (1 - lambda[g]));
        double[] h = rule[0];
        double[] w = rule[1];
        double[][] density = new double[paths.count][h.length];
        for (int n = 0; n < paths.count; n++) {
            double centre = -ratio * paths.x[n][0];
            for (int i = 0; i < h.length; i++) {
                density[n][i] = w[i] * FastNormal.density(centre + h[i]);
            }
        }
        return density;
    }

    /** One recursion step from look {@code look − 1} (nodes {@code previous}) to look {@code look}, on every path. */
    private double[][] carry(int g, Paths paths, int look, double[] previous, double[][] density, double[][] rule,
                             double[] rates) {
        double ratio = Math.sqrt(lambda[g] / (1 - lambda[g]));
        double r = Math.sqrt(rates[look - 1] / rates[look]);
        double sigma = Math.sqrt((rates[look] - rates[look - 1]) / rates[look]);
        double[] h = rule[0];
        double[] w = rule[1];
        int m = h.length;
        int mPrevious = previous.length;
        double[][] kernel = new double[m][mPrevious];
        double largest = 0;
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < mPrevious; i++) {
                double d = (h[j] - r * previous[i]) / sigma;
                kernel[j][i] = Math.exp(-0.5 * d * d);
            }
            largest = Math.max(largest, Math.abs(h[j]));
        }
        for (double u : previous) {
            largest = Math.max(largest, r * Math.abs(u));
        }
        double norm = FastNormal.density(0) / sigma;
        double[][] next = new double[paths.count][m];
        double[] a = new double[m];
        double[] b = new double[mPrevious];
        for (int n = 0; n < paths.count; n++) {
            double delta = -ratio * paths.xi[n][look];
            double[] f = density[n];
            double[] out = next[n];
            if (Math.abs(delta) * 2 * largest / sigma > LARGEST_EXPONENT) {
                carryDirectly(f, previous, h, w, delta, r, sigma, norm, out);
                continue;
            }
            double top = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < mPrevious; i++) {
                top = Math.max(top, delta * r * previous[i] / sigma);
            }
            for (int i = 0; i < mPrevious; i++) {
                b[i] = Math.exp(delta * r * previous[i] / sigma - top) * f[i];
            }
            for (int j = 0; j < m; j++) {
                a[j] = w[j] * norm * Math.exp(-0.5 * delta * delta - delta * h[j] / sigma + top);
            }
            for (int j = 0; j < m; j++) {
                out[j] = a[j] * dot(kernel[j], b, mPrevious);
            }
        }
        return next;
    }

    /** Σ x_i·y_i with four partial sums, which lets the processor overlap the additions. */
    private static double dot(double[] x, double[] y, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The same step without factoring the kernel, for the rare path whose increment would overflow the factors. */
    private static void carryDirectly(double[] f, double[] previous, double[] h, double[] w, double delta, double r,
                                      double sigma, double norm, double[] out) {
        for (int j = 0; j < h.length; j++) {
            double sum = 0;
            for (int i = 0; i < previous.length; i++) {
                double d = delta + (h[j] - r * previous[i]) / sigma;
                sum += Math.exp(-0.5 * d * d) * f[i];
            }
            out[j] = w[j] * norm * sum;
        }
    }

    /**
     * The critical value at look k: the control-path average of Π_j S'_j − Π_j S_j(c), where S'_j is arm j's
     * probability of having stayed inside through look k − 1 and S_j(c) through look k, equals the alpha increment.
     * Found by Newton's method on this smooth decreasing function, kept inside a bisection bracket.
     */
    private double solveLook(int k, Paths paths, double[][][] carried, double[][] offsets, double[] rates, double increment,
                             double previousCritical) {
        int groups = lambda.length;
        double r = Math.sqrt(rates[k - 1] / rates[k]);
        double sigma = Math.sqrt((rates[k] - rates[k - 1]) / rates[k]);
        double[] stayedBefore = new double[paths.count];
        for (int n = 0; n < paths.count; n++) {
            double all = 1;
            for (int g = 0; g < groups; g++) {
                double sum = 0;
                for (double v : carried[g][n]) {
                    sum += v;
                }
                all *= Math.pow(sum, multiplicity[g]);
            }
            stayedBefore[n] = all;
        }
        double cap = GroupSequentialProbabilities.UPPER_BOUND_DEFAULT;
        double[] valueAndSlope = new double[2];
        excess(cap, k, paths, carried, offsets, r, sigma, stayedBefore, increment, valueAndSlope);
        if (valueAndSlope[0] >= 0) {
            return cap;
        }
        double low = 0;
        double high = cap;
        double c = Math.min(previousCritical * r, cap - 1e-9);
        for (int iteration = 0; iteration < 100; iteration++) {
            excess(c, k, paths, carried, offsets, r, sigma, stayedBefore, increment, valueAndSlope);
            double value = valueAndSlope[0];
            if (value > 0) {
                low = c;
            } else {
                high = c;
            }
            double next = valueAndSlope[1] < 0 ? c - value / valueAndSlope[1] : Double.NaN;
            if (!(next > low && next < high)) {
                next = (low + high) / 2;
            }
            if (Math.abs(next - c) < 1e-10 || high - low < 1e-10) {
                return next;
            }
            c = next;
        }
        return c;
    }

    /** The excess of rejections at look k over the increment when the boundary is c, and its derivative in c. */
    private void excess(double c, int k, Paths paths, double[][][] carried, double[][] offsets, double r, double sigma,
                        double[] stayedBefore, double increment, double[] out) {
        int groups = lambda.length;
        double total = 0;
        double slope = 0;
        double[] stay = new double[groups];
        double[] dStay = new double[groups];
        for (int n = 0; n < paths.count; n++) {
            double all = 1;
            for (int g = 0; g < groups; g++) {
                double s = Math.sqrt(1 - lambda[g]);
                double delta = -Math.sqrt(lambda[g] / (1 - lambda[g])) * paths.xi[n][k];
                double half = c / (s * sigma);
                double[] f = carried[g][n];
                double[] u = offsets[g];
                double sum = 0;
                double dSum = 0;
                for (int i = 0; i < f.length; i++) {
                    double centre = delta - r * u[i] / sigma;
                    sum += f[i] * (FastNormal.cdfTabulated(centre + half) - FastNormal.cdfTabulated(centre - half));
                    dSum += f[i] * (FastNormal.densityTabulated(centre + half) + FastNormal.densityTabulated(centre - half));
                }
                stay[g] = sum;
                dStay[g] = dSum / (s * sigma);
                all *= Math.pow(sum, multiplicity[g]);
            }
            double dAll = 0;
            for (int g = 0; g < groups; g++) {
                if (stay[g] > 0) {
                    dAll += all * multiplicity[g] * dStay[g] / stay[g];
                }
            }
            total += paths.weight[n] * (stayedBefore[n] - all);
            slope -= paths.weight[n] * dAll;
        }
        out[0] = total - increment;
        out[1] = slope;
    }

    /** Composite Gauss–Legendre nodes and weights on (−half, half), panels no wider than the kernel allows. */
    private static double[][] rule(double half, double kernelWidth) {
        return compositeLegendre(half, PANEL_WIDTH * kernelWidth, NODES_PER_PANEL);
    }

    static double[][] compositeLegendre(double half, double panelWidth, int nodes) {
        GaussIntegrator legendre = new GaussIntegratorFactory().legendre(nodes);
        int panels = (int) Math.max(1, Math.ceil(2 * half / panelWidth));
        double width = 2 * half / panels;
        double[] points = new double[panels * nodes];
        double[] weights = new double[panels * nodes];
        for (int p = 0; p < panels; p++) {
            double lower = -half + p * width;
            for (int i = 0; i < nodes; i++) {
                points[p * nodes + i] = lower + (legendre.getPoint(i) + 1) / 2 * width;
                weights[p * nodes + i] = legendre.getWeight(i) / 2 * width;
            }
        }
        return new double[][]{points, weights};
    }

    /**
     * The control's paths up to one look: increments ξ (standardised), values x and importance weights over N.
     * Coordinate 0 of the lattice sets the value at the last look, the next ones fill in the looks between by
     * bisection (Brownian bridge), each drawn from a widened normal and re-weighted by the ratio of densities.
     */
    private final class Paths {
        final Lattice lattice;
        final int count;
        final double[][] xi;
        final double[][] x;
        final double[] weight;

        Paths(double[] rates, int last) {
            int looks = last + 1;
            lattice = lattices.apply(looks);
            count = lattice.points();
            xi = new double[count][looks];
            x = new double[count][looks];
            weight = new double[count];
            SplittableRandom random = new SplittableRandom(seed + 7919L * last);
            double[] shift = new double[looks];
            for (int l = 0; l < looks; l++) {
                shift[l] = random.nextDouble();
            }
            int[][] order = bridgeOrder(looks);
            double[] z = new double[looks];
            double[] b = new double[looks];
            for (int n = 0; n < count; n++) {
                double w = 1.0 / count;
                for (int d = 0; d < looks; d++) {
                    double u = lattice.coordinate(n, d) + shift[d];
                    u -= Math.floor(u);
                    u = 1 - Math.abs(2 * u - 1);
                    u = Math.min(Math.max(u, 1e-300), 1 - 1e-16);
                    double sc = d < 3 ? COARSE_SCALE : FINE_SCALE;
                    z[d] = sc * FastNormal.quantile(u);
                    w *= sc * Math.exp(-0.5 * z[d] * z[d] * (1 - 1 / (sc * sc)));
                }
                for (int d = 0; d < looks; d++) {
                    int point = order[d][0];
                    int left = order[d][1];
                    int right = order[d][2];
                    double tLeft = left < 0 ? 0 : rates[left];
                    double bLeft = left < 0 ? 0 : b[left];
                    if (right < 0) {
                        b[point] = bLeft + Math.sqrt(rates[point] - tLeft) * z[d];
                    } else {
                        double span = rates[right] - tLeft;
                        double share = (rates[point] - tLeft) / span;
                        b[point] = bLeft + share * (b[right] - bLeft)
                                + Math.sqrt((rates[point] - tLeft) * (rates[right] - rates[point]) / span) * z[d];
                    }
                }
                for (int l = 0; l < looks; l++) {
                    double previous = l == 0 ? 0 : b[l - 1];
                    double tPrevious = l == 0 ? 0 : rates[l - 1];
                    xi[n][l] = (b[l] - previous) / Math.sqrt(rates[l] - tPrevious);
                    x[n][l] = b[l] / Math.sqrt(rates[l]);
                }
                weight[n] = w;
            }
        }
    }

    /**
     * The Brownian bridge's order: entry d is {look set by coordinate d, look to its left or −1 for time 0, look to
     * its right or −1 for none}. The last look comes first, then midpoints of the gaps, widest first.
     */
    static int[][] bridgeOrder(int looks) {
        int[][] order = new int[looks][];
        order[0] = new int[]{looks - 1, -1, -1};
        java.util.ArrayDeque<int[]> gaps = new java.util.ArrayDeque<>();
        gaps.add(new int[]{-1, looks - 1});
        int d = 1;
        while (!gaps.isEmpty()) {
            int[] gap = gaps.poll();
            if (gap[1] - gap[0] < 2) {
                continue;
            }
            int mid = (gap[0] + gap[1] + 1) / 2;
            if (mid == gap[1]) {
                mid--;
            }
            order[d++] = new int[]{mid, gap[0], gap[1]};
            gaps.add(new int[]{gap[0], mid});
            gaps.add(new int[]{mid, gap[1]});
        }
        return order;
    }
}
