package dk.trials.outcome.statistics;

import dk.trials.sequential.Normal;

/**
 * A fitted Cox model for the arm indicator: log hazard ratio {@code beta} (arm over control), its standard error
 * from the Efron information, the log partial likelihoods at 0 and at beta, and the score test at 0. Where the
 * model cannot be estimated, {@code notEstimable} says why and beta, se and the fitted log-likelihood are NaN; the
 * null log-likelihood and the score test at 0 stay, as they need no fit.
 */
public record CoxResult(double beta, double se, double logLikNull, double logLik, double scoreChiSquare,
                        int iterations, NotEstimable notEstimable) {

    /** Why a fit gives no hazard ratio. */
    public enum NotEstimable {
        /** The control arm has no event: the maximum of the partial likelihood lies at beta = +∞. */
        NO_EVENT_IN_CONTROL,
        /** The compared arm has no event: the maximum lies at beta = −∞. */
        NO_EVENT_IN_ARM,
        /** Newton–Raphson did not converge within its iterations. */
        NOT_CONVERGED,
        /**
         * The log-likelihood converged while beta still moves (monotone likelihood): R's coxph warns "coefficient
         * may be infinite" by the same test.
         */
        INFINITE_COEFFICIENT
    }

    static CoxResult notEstimable(double logLikNull, double scoreChiSquare, int iterations, NotEstimable why) {
        return new CoxResult(Double.NaN, Double.NaN, logLikNull, Double.NaN, scoreChiSquare, iterations, why);
    }

    public double hazardRatio() {
        return Math.exp(beta);
    }

    public double[] ci95() {
        return new double[]{Math.exp(beta - Normal.Z_975 * se), Math.exp(beta + Normal.Z_975 * se)};
    }

    public double waldZ() {
        return beta / se;
    }

    public double waldPValue() {
        return 2 * Normal.upperTail(Math.abs(waldZ()));
    }

    public double likelihoodRatioChiSquare() {
        return 2 * (logLik - logLikNull);
    }

    public boolean estimable() {
        return notEstimable == null && Double.isFinite(beta) && Double.isFinite(se);
    }
}
