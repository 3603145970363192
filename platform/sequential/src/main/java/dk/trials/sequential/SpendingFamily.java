package dk.trials.sequential;

import java.util.Arrays;

/**
 * The error-spending families a monitoring plan may name, each spending a two-sided level exactly as rpact 3.3.4
 * does for {@code sided = 2} (C++ {@code getSpendingValueCpp} in {@code src/f_design_group_sequential.cpp}).
 * <p>
 * rpact's two-sided "asOF" is twice the one-sided Lan–DeMets O'Brien–Fleming-type function at alpha/2 a side,
 * 4 − 4Φ(z_{1−α/4}/√t); it is not the original two-sided 2 − 2Φ(z_{1−α/2}/√t) of Lan and DeMets (1983), which
 * trials frozen before the monitoring plan existed were monitored with and which is kept here by its own name.
 * The two agree only at t = 1. The Pocock-type, Kim–DeMets and Hwang–Shih–DeCani families do not depend on the
 * number of sides: rpact applies them to the two-sided level directly.
 * <p>
 * Beta spending ({@code typeBetaSpending}) uses the same families with rpact's own quirk that "bsOF" is always the
 * one-sided form 2 − 2Φ(z_{1−β/2}/√t), whatever the number of sides.
 */
public enum SpendingFamily {

    /** rpact {@code asOF}/{@code bsOF}: O'Brien–Fleming type. */
    OBRIEN_FLEMING("asOF", false) {
        @Override
        double alpha(double level, double t, double gamma) {
            return 4 * Normal.upperTail(Normal.upperQuantile(level / 4) / Math.sqrt(t));
        }

        @Override
        double beta(double level, double t, double gamma) {
            return 2 * Normal.upperTail(Normal.upperQuantile(level / 2) / Math.sqrt(t));
        }
    },

    /** rpact {@code asP}/{@code bsP}: Pocock type, level · ln(1 + (e − 1)t). */
    POCOCK("asP", false) {
        @Override
        double alpha(double level, double t, double gamma) {
            return level * Math.log(1 + (Math.E - 1) * t);
        }
    },

    /** rpact {@code asKD}/{@code bsKD}: Kim–DeMets power family, level · t^γ. */
    KIM_DEMETS("asKD", true) {
        @Override
        double alpha(double level, double t, double gamma) {
            return level * Math.pow(t, gamma);
        }
    },

    /** rpact {@code asHSD}/{@code bsHSD}: Hwang–Shih–DeCani, level · (1 − e^{−γt}) / (1 − e^{−γ}); γ = 0 is linear. */
    HWANG_SHIH_DECANI("asHSD", true) {
        @Override
        double alpha(double level, double t, double gamma) {
            if (gamma == 0) {
                return level * t;
            }
            return level * (1 - Math.exp(-gamma * t)) / (1 - Math.exp(-gamma));
        }
    },

    /**
     * The original two-sided Lan–DeMets O'Brien–Fleming-type function 2 − 2Φ(z_{1−α/2}/√t): not an rpact family
     * (rpact reaches it only through {@code asUser}), kept for trials frozen with it. Its beta spending is rpact's bsOF.
     */
    LAN_DEMETS_CLASSIC("LanDeMetsClassic", false) {
        @Override
        double alpha(double level, double t, double gamma) {
            return 2 * Normal.upperTail(Normal.upperQuantile(level / 2) / Math.sqrt(t));
        }

        @Override
        double beta(double level, double t, double gamma) {
            return OBRIEN_FLEMING.beta(level, t, gamma);
        }
    };

    private final String rpactName;
    private final boolean usesGamma;

    SpendingFamily(String rpactName, boolean usesGamma) {
        this.rpactName = rpactName;
        this.usesGamma = usesGamma;
    }

    /** The cumulative two-sided alpha spent by information rate t in (0, 1], as rpact with sided = 2. */
    abstract double alpha(double level, double t, double gamma);

    /** The cumulative beta spent by information rate t in (0, 1], as rpact's {@code typeBetaSpending}. */
    double beta(double level, double t, double gamma) {
        return alpha(level, t, gamma);
    }

    /** rpact's {@code typeOfDesign} ("asOF", ...), or "LanDeMetsClassic" for the family rpact has no name for. */
    public String rpactName() {
        return rpactName;
    }

    /** Whether the family takes a parameter γ (rpact's {@code gammaA} / {@code gammaB}). */
    public boolean usesGamma() {
        return usesGamma;
    }

    /** The family by its rpact name (case-insensitive), or by its constant name. */
    public static SpendingFamily byName(String name) {
        return Arrays.stream(values())
                .filter(f -> f.rpactName.equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown spending family " + name
                        + "; known: asOF, asP, asKD, asHSD, LanDeMetsClassic"));
    }
}
