package dk.trials.events.trial;

/**
 * Advisory, non-binding futility of a monitoring plan: by beta spending (rpact {@code typeBetaSpending} family
 * name, e.g. "bsOF", with γ where the family takes one; beta = 1 − the design's power), or when the conditional
 * power under the current trend falls below {@code conditionalPowerBelow}. It flags, it never decides.
 */
public record FutilityPlan(FutilityMethod method, String betaSpending, Double gamma, Double conditionalPowerBelow) {

    public enum FutilityMethod {
        BETA_SPENDING,
        CONDITIONAL_POWER
    }
}
