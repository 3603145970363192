package dk.trials.trial.service.power;

import dk.trials.platform.problem.FieldError;
import dk.trials.sequential.FixedDesignSize;
import dk.trials.trial.Design.Arm;
import dk.trials.trial.Design.PowerAssumptions;
import dk.trials.trial.service.ArmCodes;

import java.util.ArrayList;
import java.util.List;

/**
 * What power assumptions must meet beyond their field ranges before a sample size can be computed: all four
 * inputs given, a treatment incidence strictly between 0 and 1, a real effect, a hazard ratio pointing the same
 * way as the difference, and a need the agency could ever meet.
 */
public final class PowerAssumptionRules {

    /** More than this many participants or events means the difference is too small to detect in practice. */
    static final double LARGEST_FEASIBLE = 100_000_000;

    /**
     * The hazard ratios a trial may be powered for, given or derived: beyond them the events needed round to one or
     * two, which is no plan to monitor by, and at the extremes the derivation has no finite answer.
     */
    public static final String SMALLEST_HAZARD_RATIO = "0.01";
    public static final String LARGEST_HAZARD_RATIO = "100";

    private PowerAssumptionRules() {
    }

    /** Every broken rule, with fields named under {@code prefix} (such as {@code power}). */
    public static List<FieldError> violations(PowerAssumptions assumptions, List<Arm> arms, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        required(assumptions.baselineIncidence(), prefix + ".baselineIncidence", errors);
        required(assumptions.minimumDetectableDifference(), prefix + ".minimumDetectableDifference", errors);
        required(assumptions.alpha(), prefix + ".alpha", errors);
        required(assumptions.power(), prefix + ".power", errors);
        if (!errors.isEmpty()) {
            return errors;
        }
        double difference = assumptions.minimumDetectableDifference();
        double treatment = assumptions.baselineIncidence() + difference;
        if (difference == 0) {
            errors.add(new FieldError(prefix + ".minimumDetectableDifference", "must not be 0: there is no effect to detect"));
        } else if (treatment <= 0 || treatment >= 1) {
            errors.add(new FieldError(prefix + ".minimumDetectableDifference",
                    "baselineIncidence + minimumDetectableDifference = " + round(treatment) + " must lie strictly between 0 and 1"));
        }
        Double hazardRatio = assumptions.hazardRatio();
        if (hazardRatio != null) {
            if (hazardRatio == 1) {
                errors.add(new FieldError(prefix + ".hazardRatio", "must not be 1: there is no effect to detect"));
            } else if (difference != 0 && (hazardRatio > 1) != (difference > 0)) {
                errors.add(new FieldError(prefix + ".hazardRatio", "points the other way than the "
                        + "minimumDetectableDifference: more job exit means a hazard ratio above 1, less job exit one below 1"));
            }
        }
        if (errors.isEmpty() && hazardRatio == null && !plausible(FixedDesignSize.proportionalHazardRatio(
                assumptions.baselineIncidence(), treatment))) {
            errors.add(new FieldError(prefix + ".minimumDetectableDifference", "the incidences imply a hazard ratio "
                    + "outside " + SMALLEST_HAZARD_RATIO + " to " + LARGEST_HAZARD_RATIO + " under proportional hazards; "
                    + "give a hazardRatio or incidences further from 0 and 1"));
        }
        if (errors.isEmpty() && !feasible(assumptions, arms)) {
            errors.add(new FieldError(prefix + ".minimumDetectableDifference", "needs more than "
                    + (long) LARGEST_FEASIBLE + " participants or events: the effect is too small to detect"));
        }
        return errors;
    }

    /** What arms must meet to be planned for on their own: two or more, exactly one control, codes unique. */
    public static List<FieldError> armViolations(List<Arm> arms) {
        List<FieldError> errors = new ArrayList<>();
        if (arms.size() < 2) {
            errors.add(new FieldError("arms", "a comparison needs at least two arms, found " + arms.size()));
        }
        long controls = arms.stream().filter(Arm::control).count();
        if (controls != 1) {
            errors.add(new FieldError("arms", "exactly one arm must be the control, found " + controls));
        }
        errors.addAll(ArmCodes.reused(arms));
        return errors;
    }

    /**
     * Whether the participants and events these assumptions need at a single analysis, at α/J for J comparisons,
     * stay within what could ever be enrolled. A plan's inflation factor (a few tenths at most) keeps the inflated
     * figures far below the largest whole number the calculator holds, some 21 times this limit.
     */
    private static boolean feasible(PowerAssumptions assumptions, List<Arm> arms) {
        Arm control = arms.stream().filter(Arm::control).findFirst().orElse(null);
        if (control == null) {
            return true;
        }
        double pControl = assumptions.baselineIncidence();
        double pTreatment = pControl + assumptions.minimumDetectableDifference();
        double hazardRatio = assumptions.hazardRatio() != null ? assumptions.hazardRatio()
                : FixedDesignSize.proportionalHazardRatio(pControl, pTreatment);
        double level = assumptions.alpha() / Math.max(1, arms.size() - 1);
        int totalWeight = arms.stream().mapToInt(Arm::allocationWeight).sum();
        for (Arm arm : arms) {
            if (arm.control()) {
                continue;
            }
            double ratio = (double) arm.allocationWeight() / control.allocationWeight();
            double perUnitOfWeight = FixedDesignSize.treatmentParticipants(pControl, pTreatment, level,
                    assumptions.power(), ratio) / arm.allocationWeight();
            double events = FixedDesignSize.events(hazardRatio, level, assumptions.power(), ratio);
            if (!(perUnitOfWeight * totalWeight <= LARGEST_FEASIBLE) || !(events <= LARGEST_FEASIBLE)) {
                return false;
            }
        }
        return true;
    }

    private static boolean plausible(double hazardRatio) {
        return hazardRatio >= Double.parseDouble(SMALLEST_HAZARD_RATIO) && hazardRatio <= Double.parseDouble(LARGEST_HAZARD_RATIO);
    }

    private static void required(Double value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required for the power calculation"));
        }
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
