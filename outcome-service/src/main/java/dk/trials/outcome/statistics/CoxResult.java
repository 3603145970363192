package dk.trials.outcome.statistics;

import dk.trials.sequential.Normal;

/**
 * A fitted Cox model for the arm indicator: log hazard ratio {@code beta} (arm over control), its standard error
 * from the Efron information, the log partial likelihoods at 0 and at beta, and the score test at 0.
 */
public record CoxResult(double beta, double se, double logLikNull, double logLik, double scoreChiSquare,
                        int iterations) {

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
        return Double.isFinite(beta) && Double.isFinite(se);
    }
}
