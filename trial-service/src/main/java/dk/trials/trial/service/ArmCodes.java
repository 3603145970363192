package dk.trials.trial.service;

import dk.trials.platform.problem.FieldError;
import dk.trials.trial.Design;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The one rule that arm codes are unique: allocations name an arm by its code, for a design and for a plan alike. */
public final class ArmCodes {

    private ArmCodes() {
    }

    /** One error for each arm whose code an earlier arm already uses. */
    public static List<FieldError> reused(List<Design.Arm> arms) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < arms.size(); i++) {
            if (!codes.add(arms.get(i).code())) {
                errors.add(new FieldError("arms[" + i + "].code", "arm code " + arms.get(i).code() + " is used twice"));
            }
        }
        return errors;
    }
}
