package dk.trials.trial.service;

import dk.trials.events.trial.FutilityPlan.FutilityMethod;
import dk.trials.events.trial.SpendingPlan;
import dk.trials.platform.problem.FieldError;
import dk.trials.trial.Design;

import java.util.ArrayList;
import java.util.List;

/**
 * What a monitoring plan must meet, beyond the field ranges its request checks, for the looks it plans to control the
 * error: 1 to {@value #MOST_LOOKS} information fractions increasing strictly within (0, 1] and ending at 1; a spending
 * family from the closed set with γ exactly where the family takes one; futility either by beta spending (two or
 * more looks, a beta family, and the power it spends beta from) or by conditional power below a threshold.
 */
public final class MonitoringPlanRules {

    /** The most looks a plan may take; rpact's kMax is at most 20, ten formal looks is already more than a DMC meets. */
    public static final int MOST_LOOKS = 10;
    /*
     * γ within rpact's own ranges (Kim–DeMets [0.4, 8], Hwang–Shih–DeCani [−10, 5]), which the sequential module
     * computes with and refuses beyond; a Hwang–Shih–DeCani γ nearer 0 than SMALLEST_HSD_GAMMA spends as the linear
     * function of γ = 0 does, but its formula, 0/0 in double precision there, cannot be computed.
     */
    static final double SMALLEST_KD_GAMMA = 0.4;
    static final double LARGEST_KD_GAMMA = 8;
    static final double SMALLEST_HSD_GAMMA = -10;
    static final double LARGEST_HSD_GAMMA = 5;
    static final double NEAREST_HSD_GAMMA_TO_ZERO = 0.001;

    /** The beta-spending families (rpact {@code typeBetaSpending}) futility may name. */
    public static final List<String> BETA_FAMILIES = List.of("bsOF", "bsP", "bsKD", "bsHSD");

    private MonitoringPlanRules() {
    }

    /**
     * Every broken rule of a plan whose defaults are filled in, fields named under {@code prefix} (such as
     * {@code monitoringPlan}); {@code power} is the design's power assumptions, possibly null.
     */
    public static List<FieldError> violations(Design.MonitoringPlan plan, Design.PowerAssumptions power, String prefix) {
        List<FieldError> errors = new ArrayList<>(fractionViolations(plan.informationFractions(),
                prefix + ".informationFractions"));
        Design.Spending spending = plan.spending();
        String family = spending.family();
        if (!SpendingPlan.FAMILIES.contains(family)) {
            errors.add(new FieldError(prefix + ".spending.family", "must be one of " + String.join(", ", SpendingPlan.FAMILIES)));
        } else {
            gamma(family, spending.gamma(), SpendingPlan.FAMILIES_WITH_GAMMA.contains(family), prefix + ".spending.gamma",
                    errors);
        }
        if (plan.futility() != null) {
            futility(plan.futility(), plan.informationFractions(), power, prefix + ".futility", errors);
        }
        return errors;
    }

    /** What the information fractions of looks must meet: 1 to 10, strictly increasing in (0, 1], the last 1. */
    public static List<FieldError> fractionViolations(List<Double> fractions, String field) {
        List<FieldError> errors = new ArrayList<>();
        if (fractions.isEmpty() || fractions.size() > MOST_LOOKS) {
            errors.add(new FieldError(field, "must plan 1 to " + MOST_LOOKS + " looks, found " + fractions.size()));
            return errors;
        }
        for (int i = 0; i < fractions.size(); i++) {
            double fraction = fractions.get(i);
            if (!(fraction > 0 && fraction <= 1)) {
                errors.add(new FieldError(field + "[" + i + "]", "must lie in (0, 1]"));
            } else if (i > 0 && fraction <= fractions.get(i - 1)) {
                errors.add(new FieldError(field + "[" + i + "]", "information fractions must increase strictly: this "
                        + "one is not above the one before it"));
            }
        }
        double last = fractions.get(fractions.size() - 1);
        if (errors.isEmpty() && last != 1) {
            errors.add(new FieldError(field, "the last look must be at all the planned information, 1"));
        }
        return errors;
    }

    private static void futility(Design.Futility futility, List<Double> fractions, Design.PowerAssumptions power,
                                 String prefix, List<FieldError> errors) {
        if (futility.method() == FutilityMethod.BETA_SPENDING) {
            if (fractions.size() < 2) {
                errors.add(new FieldError(prefix + ".method", "beta-spending futility needs at least two looks, the plan has "
                        + fractions.size()));
            }
            String family = futility.betaSpending();
            if (family == null) {
                errors.add(new FieldError(prefix + ".betaSpending", "is required for BETA_SPENDING: one of "
                        + String.join(", ", BETA_FAMILIES)));
            } else if (!BETA_FAMILIES.contains(family)) {
                errors.add(new FieldError(prefix + ".betaSpending", "must be one of " + String.join(", ", BETA_FAMILIES)));
            } else {
                gamma(family, futility.gamma(), family.equals("bsKD") || family.equals("bsHSD"), prefix + ".gamma", errors);
            }
            if (power == null || power.power() == null) {
                errors.add(new FieldError(prefix + ".method", "beta-spending futility spends beta = 1 − power: the design "
                        + "needs power assumptions with power"));
            }
            if (futility.conditionalPowerBelow() != null) {
                errors.add(new FieldError(prefix + ".conditionalPowerBelow", "only CONDITIONAL_POWER futility uses a threshold"));
            }
        } else {
            Double threshold = futility.conditionalPowerBelow();
            if (threshold == null) {
                errors.add(new FieldError(prefix + ".conditionalPowerBelow", "is required for CONDITIONAL_POWER futility"));
            } else if (!(threshold > 0 && threshold < 1)) {
                errors.add(new FieldError(prefix + ".conditionalPowerBelow", "must lie strictly between 0 and 1"));
            }
            if (futility.betaSpending() != null) {
                errors.add(new FieldError(prefix + ".betaSpending", "only BETA_SPENDING futility uses a beta-spending family"));
            }
            if (futility.gamma() != null) {
                errors.add(new FieldError(prefix + ".gamma", "only BETA_SPENDING futility uses γ"));
            }
        }
    }

    /** γ is required by the Kim–DeMets and Hwang–Shih–DeCani families, within rpact's ranges, and refused by the others. */
    private static void gamma(String family, Double gamma, boolean takesGamma, String field, List<FieldError> errors) {
        if (!takesGamma) {
            if (gamma != null) {
                errors.add(new FieldError(field, family + " takes no γ"));
            }
            return;
        }
        if (gamma == null) {
            errors.add(new FieldError(field, "is required for " + family));
        } else if (family.endsWith("KD") && !(gamma >= SMALLEST_KD_GAMMA && gamma <= LARGEST_KD_GAMMA)) {
            errors.add(new FieldError(field, family + " needs γ from " + SMALLEST_KD_GAMMA + " to " + (int) LARGEST_KD_GAMMA
                    + ", as rpact"));
        } else if (family.endsWith("HSD") && !(gamma >= SMALLEST_HSD_GAMMA && gamma <= LARGEST_HSD_GAMMA
                && Math.abs(gamma) >= NEAREST_HSD_GAMMA_TO_ZERO)) {
            errors.add(new FieldError(field, family + " needs γ within [−" + (int) -SMALLEST_HSD_GAMMA + ", "
                    + (int) LARGEST_HSD_GAMMA + "], as rpact, and at least " + NEAREST_HSD_GAMMA_TO_ZERO + " away from 0"));
        }
    }
}
