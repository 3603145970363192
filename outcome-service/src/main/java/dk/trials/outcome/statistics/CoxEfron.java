package dk.trials.outcome.statistics;

import java.util.Arrays;

/**
 * Cox proportional hazards for a binary arm indicator (x = 1 arm, 0 control) with Efron's handling of ties, fitted
 * by Newton–Raphson from beta = 0 with step-halving, as {@code coxph(..., ties = "efron")}. With one binary
 * covariate the partial likelihood needs only, per event day, the numbers at risk and the events in each arm.
 */
public final class CoxEfron {

    private static final double EPS = 1e-12;
    private static final int MAX_ITERATIONS = 50;
    private static final double INFINITY_EPS = 1e-9;

    private final int lastDay;
    private final long[] n0;
    private final long[] n1;
    private final long[] d0;
    private final long[] d1;

    private CoxEfron(FollowUpTable control, FollowUpTable arm) {
        lastDay = Math.max(control.lastDay(), arm.lastDay());
        n0 = new long[lastDay + 1];
        n1 = new long[lastDay + 1];
        d0 = new long[lastDay + 1];
        d1 = new long[lastDay + 1];
        for (int day = 0; day <= lastDay; day++) {
            n0[day] = control.atRisk(day);
            n1[day] = arm.atRisk(day);
            d0[day] = day <= control.lastDay() ? control.events(day) : 0;
            d1[day] = day <= arm.lastDay() ? arm.events(day) : 0;
        }
    }

    /**
     * Fits the model. The result has no estimate (NaN, with the reason) when an arm has no event, when the fit does
     * not converge, or when it converges to an infinite coefficient, rather than a hazard ratio such as 2e-12
     * that looks like an answer: R's coxph warns in these cases and reports such numbers.
     */
    public static CoxResult fit(FollowUpTable control, FollowUpTable arm) {
        return new CoxEfron(control, arm).fit();
    }

    private CoxResult fit() {
        Terms atZero = terms(0.0);
        double scoreChiSquare = atZero.information > 0 ? atZero.score * atZero.score / atZero.information : Double.NaN;
        if (Arrays.stream(d0).sum() == 0) {
            return CoxResult.notEstimable(atZero.logLik, scoreChiSquare, 0, CoxResult.NotEstimable.NO_EVENT_IN_CONTROL);
        }
        if (Arrays.stream(d1).sum() == 0) {
            return CoxResult.notEstimable(atZero.logLik, scoreChiSquare, 0, CoxResult.NotEstimable.NO_EVENT_IN_ARM);
        }
        double beta = 0.0;
        Terms current = atZero;
        int iterations = 0;
        boolean converged = false;
        while (current.information > 0 && !converged && iterations < MAX_ITERATIONS) {
            iterations++;
            double candidate = beta + current.score / current.information;
            Terms next = terms(candidate);
            // As coxph: converged when the log-likelihood stops changing; halve a step that lowers it.
            converged = Math.abs(1 - current.logLik / next.logLik) <= EPS;
            int halvings = 0;
            while (!converged && (!Double.isFinite(next.logLik) || next.logLik < current.logLik) && halvings < 30) {
                candidate = (beta + candidate) / 2;
                next = terms(candidate);
                halvings++;
            }
            beta = candidate;
            current = next;
        }
        if (!converged) {
            return CoxResult.notEstimable(atZero.logLik, scoreChiSquare, iterations, CoxResult.NotEstimable.NOT_CONVERGED);
        }
        // coxph's test for an infinite coefficient: the Newton step still left is above eps and above
        // sqrt(eps)·|beta| (its toler.inf), with coxph's default eps = 1e-9.
        double step = Math.abs(current.score / current.information);
        if (step > INFINITY_EPS && step > Math.sqrt(INFINITY_EPS) * Math.abs(beta)) {
            return CoxResult.notEstimable(atZero.logLik, scoreChiSquare, iterations,
                    CoxResult.NotEstimable.INFINITE_COEFFICIENT);
        }
        return new CoxResult(beta, 1 / Math.sqrt(current.information), atZero.logLik, current.logLik, scoreChiSquare,
                iterations, null);
    }

    private Terms terms(double beta) {
        double risk = Math.exp(beta);
        double logLik = 0;
        double score = 0;
        double information = 0;
        for (int day = 0; day <= lastDay; day++) {
            long m = d0[day] + d1[day];
            if (m == 0) {
                continue;
            }
            double s0Risk = n0[day] + n1[day] * risk;
            double s1Risk = n1[day] * risk;
            double s0Dead = d0[day] + d1[day] * risk;
            double s1Dead = d1[day] * risk;
            logLik += beta * d1[day];
            score += d1[day];
            for (long r = 0; r < m; r++) {
                double c = (double) r / m;
                double s0 = s0Risk - c * s0Dead;
                double mean = (s1Risk - c * s1Dead) / s0;
                logLik -= Math.log(s0);
                score -= mean;
                information += mean - mean * mean;
            }
        }
        return new Terms(logLik, score, information);
    }

    private record Terms(double logLik, double score, double information) {
    }
}
