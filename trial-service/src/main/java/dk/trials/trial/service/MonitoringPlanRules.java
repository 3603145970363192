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
    /** |γ| beyond this spends the error all at once or not at all; rpact's own bounds are of this size. */
    static final double LARGEST_GAMMA = 10;

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
                errors.add(new FieldError(field + "[" + i + "]", "must lie in (0, 1], found " + fraction));
            } else if (i > 0 && fraction <= fractions.get(i - 1)) {
                errors.add(new FieldError(field + "[" + i + "]", "information fractions must increase strictly: "
                        + fraction + " follows " + fractions.get(i - 1)));
            }
        }
        double last = fractions.get(fractions.size() - 1);
        if (errors.isEmpty() && last != 1) {
            errors.add(new FieldError(field, "the last look must be at all the planned information, 1; found " + last));
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
                errors.add(new FieldError(prefix + ".conditionalPowerBelow", "must lie strictly between 0 and 1, found "
                        + threshold));
            }
            if (futility.betaSpending() != null) {
                errors.add(new FieldError(prefix + ".betaSpending", "only BETA_SPENDING futility uses a beta-spending family"));
            }
            if (futility.gamma() != null) {
                errors.add(new FieldError(prefix + ".gamma", "only BETA_SPENDING futility uses γ"));
            }
        }
    }

    /** γ is required by the Kim–DeMets (> 0) and Hwang–Shih–DeCani (≠ 0) families, within ±10, and refused by the others. */
    private static void gamma(String family, Double gamma, boolean takesGamma, String field, List<FieldError> errors) {
        if (!takesGamma) {
            if (gamma != null) {
                errors.add(new FieldError(field, family + " takes no γ"));
            }
            return;
        }
        if (gamma == null) {
            errors.add(new FieldError(field, "is required for " + family));
        } else if (family.endsWith("KD") && !(gamma > 0 && gamma <= LARGEST_GAMMA)) {
            errors.add(new FieldError(field, family + " needs γ above 0 and at most " + (int) LARGEST_GAMMA + ", found " + gamma));
        } else if (family.endsWith("HSD") && !(gamma != 0 && Math.abs(gamma) <= LARGEST_GAMMA)) {
            errors.add(new FieldError(field, family + " needs γ other than 0 within [−" + (int) LARGEST_GAMMA + ", "
                    + (int) LARGEST_GAMMA + "], found " + gamma));
        }
    }
}
