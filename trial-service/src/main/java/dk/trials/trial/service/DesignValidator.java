package dk.trials.trial.service;

import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;
import dk.trials.trial.Design;
import dk.trials.trial.service.power.PowerAssumptionRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a readable design must also meet to be run as a trial. Every broken rule is reported, each as one
 * entry in {@code errors} naming the field, so a designer can fix them all at once; like the field ranges that the
 * REST request checks first (a positive weight, a horizon), a broken rule answers 422.
 */
@ApplicationScoped
public class DesignValidator {

    private final Municipalities municipalities;

    public DesignValidator(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    public void requireValid(Design design) {
        List<FieldError> errors = violations(design);
        if (!errors.isEmpty()) {
            throw ProblemException.brokenRules("Invalid trial design", "design", errors);
        }
    }

    public List<FieldError> violations(Design design) {
        List<FieldError> errors = new ArrayList<>();
        arms(design, errors);
        randomisation(design, errors);
        eligibility(design.eligibility(), errors);
        jobcentres(design.jobcentres(), errors);
        if (!design.enrolmentPeriod().end().isAfter(design.enrolmentPeriod().start())) {
            errors.add(new FieldError("enrolmentPeriod.end", "must be after enrolmentPeriod.start"));
        }
        if (design.power() != null) {
            if (design.type().randomised()) {
                errors.addAll(PowerAssumptionRules.violations(design.power(), design.arms(), "power"));
            } else {
                errors.add(new FieldError("power", "a " + design.type() + " has no control arm to be powered against"));
            }
        }
        if (design.monitoringPlan() != null) {
            if (design.type().randomised()) {
                errors.addAll(MonitoringPlanRules.violations(design.monitoringPlan(), design.power(), "monitoringPlan"));
            } else {
                errors.add(new FieldError("monitoringPlan", "a " + design.type()
                        + " has no control arm: there is no comparison to monitor"));
            }
        }
        return errors;
    }

    private static void arms(Design design, List<FieldError> errors) {
        List<Design.Arm> arms = design.arms();
        long controls = arms.stream().filter(Design.Arm::control).count();
        if (design.type().randomised()) {
            if (arms.size() < 2) {
                errors.add(new FieldError("arms", "a randomised trial needs at least two arms, found " + arms.size()));
            }
            if (controls != 1) {
                errors.add(new FieldError("arms", "a randomised trial needs exactly one control arm, found " + controls));
            }
        } else {
            if (arms.size() != 1) {
                errors.add(new FieldError("arms", "a " + design.type()
                        + " is not randomised and enrols everyone into a single intervention arm, found " + arms.size() + " arms"));
            }
            for (int i = 0; i < arms.size(); i++) {
                if (arms.get(i).control()) {
                    errors.add(new FieldError("arms[" + i + "].control", "a " + design.type()
                            + " has no control arm: its single arm is the intervention"));
                }
            }
        }
        errors.addAll(ArmCodes.reused(arms));
    }

    private static void randomisation(Design design, List<FieldError> errors) {
        Design.Randomisation r = design.randomisation();
        RandomisationMethod method = r.method();
        if (!design.type().randomised() && method != RandomisationMethod.SIMPLE) {
            errors.add(new FieldError("randomisation.method", "a " + design.type()
                    + " allocates everyone to its single arm and has nothing to randomise; use SIMPLE"));
        }

        if (method == RandomisationMethod.PERMUTED_BLOCK) {
            blockSizes(r, design.totalAllocationWeight(), errors);
        } else if (!isEmpty(r.blockSizes())) {
            errors.add(new FieldError("randomisation.blockSizes", "only PERMUTED_BLOCK uses block sizes, this design uses " + method));
        }

        factors(r.stratifyBy(), "randomisation.stratifyBy", errors);
        factors(r.minimisationFactors(), "randomisation.minimisationFactors", errors);
        if (method == RandomisationMethod.MINIMISATION) {
            if (isEmpty(r.minimisationFactors())) {
                errors.add(new FieldError("randomisation.minimisationFactors", "minimisation needs at least one factor to balance on"));
            }
            if (!isEmpty(r.stratifyBy())) {
                errors.add(new FieldError("randomisation.stratifyBy",
                        "minimisation balances on minimisationFactors; stratifyBy would be ignored"));
            }
            Double p = r.minimisationProbability();
            if (p != null && !(p > 0.5 && p <= 1)) {
                errors.add(new FieldError("randomisation.minimisationProbability", "must be above 0.5 and at most 1"));
            }
        } else {
            if (!isEmpty(r.minimisationFactors())) {
                errors.add(new FieldError("randomisation.minimisationFactors", "only MINIMISATION uses minimisation factors, this design uses " + method));
            }
            if (r.minimisationProbability() != null) {
                errors.add(new FieldError("randomisation.minimisationProbability", "only MINIMISATION uses a minimisation probability, this design uses " + method));
            }
        }
        ageBands(r, errors);
    }

    /**
     * Enrolment-service rounds each block size up to a whole multiple of the arms' total weight
     * ({@link Design.Randomisation#effectiveBlockSizes(int)}). A design names the sizes that will be used, so a size
     * that rounding would change is refused rather than silently changed.
     */
    private static void blockSizes(Design.Randomisation r, int totalWeight, List<FieldError> errors) {
        List<Integer> sizes = r.blockSizes();
        if (isEmpty(sizes)) {
            errors.add(new FieldError("randomisation.blockSizes", "permuted blocks need at least one block size"));
            return;
        }
        List<Integer> used = r.effectiveBlockSizes(totalWeight);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < sizes.size(); i++) {
            Integer size = sizes.get(i);
            String field = "randomisation.blockSizes[" + i + "]";
            if (!size.equals(used.get(i))) {
                errors.add(new FieldError(field, "block size " + size
                        + " is not a positive multiple of the arms' total allocation weight " + totalWeight));
            } else if (!seen.add(size)) {
                errors.add(new FieldError(field, "block size " + size + " is listed twice"));
            }
        }
    }

    private static void factors(List<StratificationFactor> factors, String field, List<FieldError> errors) {
        if (factors == null) {
            return;
        }
        Set<StratificationFactor> seen = new HashSet<>();
        for (int i = 0; i < factors.size(); i++) {
            StratificationFactor factor = factors.get(i);
            if (!seen.add(factor)) {
                errors.add(new FieldError(field + "[" + i + "]", factor.code() + " is listed twice"));
            }
        }
    }

    private static void ageBands(Design.Randomisation r, List<FieldError> errors) {
        boolean ageBandIsAFactor = contains(r.stratifyBy(), StratificationFactor.AGE_BAND)
                || contains(r.minimisationFactors(), StratificationFactor.AGE_BAND);
        List<Integer> bands = r.ageBands();
        if (isEmpty(bands)) {
            if (ageBandIsAFactor) {
                errors.add(new FieldError("randomisation.ageBands", "ageBand is a factor, so the lower bounds of the age bands are needed"));
            }
            return;
        }
        if (!ageBandIsAFactor) {
            errors.add(new FieldError("randomisation.ageBands", "age bands are used only when ageBand is a stratification or minimisation factor"));
        }
        for (int i = 0; i < bands.size(); i++) {
            Integer bound = bands.get(i);
            String field = "randomisation.ageBands[" + i + "]";
            if (i > 0 && bound <= bands.get(i - 1)) {
                errors.add(new FieldError(field, "age bands must be increasing: " + bound + " follows " + bands.get(i - 1)));
            }
        }
    }

    /** Each bound's range, and benefit types from their closed set, are checked where the request arrives. */
    private static void eligibility(Design.Eligibility eligibility, List<FieldError> errors) {
        if (eligibility.minAge() != null && eligibility.maxAge() != null && eligibility.minAge() > eligibility.maxAge()) {
            errors.add(new FieldError("eligibility.maxAge", "must not be below minAge (" + eligibility.maxAge()
                    + " < " + eligibility.minAge() + ")"));
        }
    }

    private void jobcentres(List<String> codes, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String field = "jobcentres[" + i + "]";
            if (!municipalities.known(code)) {
                errors.add(new FieldError(field, Municipalities.UNKNOWN));
            } else if (!seen.add(code)) {
                errors.add(new FieldError(field, "jobcentre " + code + " is listed twice"));
            }
        }
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static boolean contains(List<StratificationFactor> factors, StratificationFactor factor) {
        return factors != null && factors.contains(factor);
    }
}
