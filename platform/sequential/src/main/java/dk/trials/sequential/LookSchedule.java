package dk.trials.sequential;

import java.util.Arrays;

/**
 * The looks taken so far, as information rates, and the cumulative two-sided alpha each may have spent: what a
 * boundary solver needs. The rates are relative to the planned maximum information at interim looks, and relative
 * to the last look's information once that look is final.
 * <p>
 * Built from observed information as rpact 3.3.4 does at analysis time ({@code getAnalysisResults} with
 * {@code maxInformation} and {@code informationEpsilon}, which calls {@code getObservedInformationRates}; the
 * principle is Wassmer and Brannath 2016, p. 78 f., and rpact's vignette "An example to illustrate boundary
 * re-calculations during the trial"):
 * <ul>
 *   <li>interim look (information below the maximum): rate = information / planned maximum, and the planned
 *       spending function at that rate; a final look below the maximum therefore spends only α(t), not α, unless
 *       it is declared final through the epsilon;</li>
 *   <li>over-running (information above the maximum) and under-running (within {@code informationEpsilon} below
 *       it): this look is the final one. Rates become information / this look's information; every earlier look
 *       keeps the alpha it actually spent, α(I_j / I_max), and this look spends all that remains, so alpha ends at
 *       exactly α ("userAlphaSpending = alpha spent at earlier stages, alpha at the final analysis", rpact's
 *       {@code typeOfDesign = "asUser"}). Earlier looks' critical values do not move: only ratios of information
 *       enter the joint distribution.</li>
 * </ul>
 * rpact takes the earlier looks' alpha from a design it recomputes ({@code alphaSpent}, within 1e-8 of the
 * spending function, its last element floored to 8 decimals); this class takes the spending function's exact
 * values, which moves critical values by less than 1e-6. rpact refuses to re-scale at the first look; here a first
 * look at or beyond the maximum is simply the fixed-sample test at level α. The spending function is never
 * evaluated beyond t = 1 (capping t at 1 would spend all alpha at an interim that over-ran, and leave none for the
 * final look).
 */
public record LookSchedule(LookStatus status, double[] informationRates, double[] cumulativeAlpha) {

    public LookSchedule {
        if (informationRates.length == 0 || informationRates.length != cumulativeAlpha.length) {
            throw new IllegalArgumentException("one cumulative alpha per look is required");
        }
        informationRates = informationRates.clone();
        cumulativeAlpha = cumulativeAlpha.clone();
        for (int k = 0; k < informationRates.length; k++) {
            double previous = k == 0 ? 0 : informationRates[k - 1];
            if (!(informationRates[k] > previous && informationRates[k] <= 1)) {
                throw new IllegalArgumentException("information rates must increase strictly within (0, 1]: "
                        + Arrays.toString(informationRates));
            }
        }
    }

    /** Looks at given rates of the planned maximum, spending as planned (rpact's design at those rates). */
    public static LookSchedule planned(Spending spending, double alpha, double... rates) {
        double[] cumulative = new double[rates.length];
        for (int k = 0; k < rates.length; k++) {
            cumulative[k] = spending.alpha(alpha, rates[k]);
        }
        LookStatus status = rates[rates.length - 1] == 1 ? LookStatus.FINAL : LookStatus.INTERIM;
        return new LookSchedule(status, rates, cumulative);
    }

    /**
     * Looks at the observed cumulative information (events, or participants for a rate) against the planned
     * maximum; a last look within {@code informationEpsilon} (absolute, in the same units; 0 for none) below the
     * maximum is taken as the final one, as rpact's absolute {@code informationEpsilon}.
     */
    public static LookSchedule observed(Spending spending, double alpha, double[] information, double maxInformation,
                                        double informationEpsilon) {
        int looks = information.length;
        if (looks == 0 || !(maxInformation > 0) || !(informationEpsilon >= 0)) {
            throw new IllegalArgumentException("at least one look, a positive maximum and a non-negative epsilon are required");
        }
        for (int k = 0; k + 1 < looks; k++) {
            if (information[k] >= maxInformation) {
                throw new IllegalArgumentException("look " + (k + 1) + " already reached the maximum information "
                        + maxInformation + " and was the final look");
            }
        }
        double last = information[looks - 1];
        LookStatus status;
        if (last > maxInformation) {
            status = LookStatus.OVER_RUNNING;
        } else if (last == maxInformation) {
            status = LookStatus.FINAL;
        } else if (informationEpsilon > 0 && last + informationEpsilon >= maxInformation) {
            status = LookStatus.UNDER_RUNNING;
        } else {
            status = LookStatus.INTERIM;
        }
        double[] rates = new double[looks];
        double[] cumulative = new double[looks];
        for (int k = 0; k < looks; k++) {
            if (status == LookStatus.OVER_RUNNING || status == LookStatus.UNDER_RUNNING) {
                rates[k] = information[k] / last;
                cumulative[k] = k + 1 < looks ? spending.alpha(alpha, information[k] / maxInformation) : alpha;
            } else {
                rates[k] = information[k] / maxInformation;
                cumulative[k] = spending.alpha(alpha, rates[k]);
            }
        }
        return new LookSchedule(status, rates, cumulative);
    }

    public int looks() {
        return informationRates.length;
    }

    @Override
    public double[] informationRates() {
        return informationRates.clone();
    }

    @Override
    public double[] cumulativeAlpha() {
        return cumulativeAlpha.clone();
    }
}
