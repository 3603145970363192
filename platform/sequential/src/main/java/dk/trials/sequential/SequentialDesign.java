package dk.trials.sequential;

import java.util.Arrays;

/**
 * A monitoring plan as far as sample size is concerned: the two-sided level of one comparison, the spending
 * family (rpact name, "asOF" by default) with its γ, the planned information rates of the looks, and optionally
 * non-binding futility by beta spending (rpact {@code typeBetaSpending} name such as "bsOF", null for none).
 */
public record SequentialDesign(String family, double gamma, double[] informationRates, String betaFamily, double betaGamma) {

    public SequentialDesign {
        if (informationRates == null || informationRates.length == 0) {
            throw new IllegalArgumentException("at least one look is required");
        }
        informationRates = informationRates.clone();
        for (int k = 0; k < informationRates.length; k++) {
            double previous = k == 0 ? 0 : informationRates[k - 1];
            if (!(informationRates[k] > previous && informationRates[k] <= 1)) {
                throw new IllegalArgumentException("information rates must increase strictly within (0, 1]: "
                        + Arrays.toString(informationRates));
            }
        }
        if (informationRates[informationRates.length - 1] != 1) {
            throw new IllegalArgumentException("the planned looks must end at the maximum information (rate 1)");
        }
        SpendingFamily.byName(family);
        if (betaFamily != null) {
            SpendingFamily.byName(betaFamily.replace("bs", "as"));
        }
    }

    /** The default plan: looks at half, three quarters and all of the information, asOF, no futility. */
    public static SequentialDesign defaultPlan() {
        return new SequentialDesign("asOF", Double.NaN, new double[]{0.5, 0.75, 1}, null, Double.NaN);
    }

    public static SequentialDesign of(String family, double gamma, double... informationRates) {
        return new SequentialDesign(family, gamma, informationRates, null, Double.NaN);
    }

    public SequentialDesign withFutility(String betaFamily, double betaGamma) {
        return new SequentialDesign(family, gamma, informationRates, betaFamily, betaGamma);
    }

    Spending spending() {
        return new Spending(SpendingFamily.byName(family), gamma);
    }

    Spending betaSpending() {
        return betaFamily == null ? null : new Spending(SpendingFamily.byName(betaFamily.replace("bs", "as")), betaGamma);
    }

    @Override
    public double[] informationRates() {
        return informationRates.clone();
    }
}
