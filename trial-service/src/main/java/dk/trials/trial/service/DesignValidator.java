package dk.trials.trial.service;

import dk.trials.contracts.events.trial.ArmDesign;
import dk.trials.contracts.events.trial.TrialDesign;
import dk.trials.contracts.problem.FieldError;
import dk.trials.contracts.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a well-formed design must also meet to be run as a trial. Every broken rule is reported, each as one
 * entry in {@code errors}, so a designer can fix them all at once.
 */
@ApplicationScoped
public class DesignValidator {

    public void requireValid(TrialDesign design) {
        List<FieldError> errors = violations(design);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("Invalid trial design",
                    "The design breaks " + errors.size() + " rule" + (errors.size() == 1 ? "" : "s"), errors);
        }
    }

    List<FieldError> violations(TrialDesign design) {
        List<FieldError> errors = new ArrayList<>();
        List<ArmDesign> arms = design.arms();
        long controls = arms.stream().filter(ArmDesign::control).count();
        if (design.type().randomised()) {
            if (arms.size() < 2) {
                errors.add(new FieldError("arms", "a randomised trial needs at least two arms"));
            }
            if (controls != 1) {
                errors.add(new FieldError("arms", "a randomised trial needs exactly one control arm, found " + controls));
            }
        } else if (arms.size() != 1 || controls != 0) {
            errors.add(new FieldError("arms", "a " + design.type() + " enrols everyone into a single intervention arm"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < arms.size(); i++) {
            if (!codes.add(arms.get(i).code())) {
                errors.add(new FieldError("arms[" + i + "].code", "arm code " + arms.get(i).code() + " is used twice"));
            }
        }
        if (design.enrolmentPeriod().end().isBefore(design.enrolmentPeriod().start())
                || design.enrolmentPeriod().end().isEqual(design.enrolmentPeriod().start())) {
            errors.add(new FieldError("enrolmentPeriod.end", "must be after enrolmentPeriod.start"));
        }
        return errors;
    }
}
