package dk.trials.enrolment.service;

import dk.trials.platform.cpr.CprNumber;
import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;

import java.util.List;

/**
 * Reads CPR numbers from commands. A CPR number arrives as a JSON string, so a request with one can always be read;
 * one that is not ten digits or names no real birth date breaks the CPR rule (422), and is never echoed.
 */
public final class Citizens {

    private Citizens() {
    }

    public static CprNumber require(String field, String cpr) {
        return CprNumber.parse(cpr).orElseThrow(() -> ProblemException.unprocessable("Invalid CPR number",
                "The CPR number is not a valid CPR number", List.of(new FieldError(field, CprNumber.RULE))));
    }
}
