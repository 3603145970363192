package dk.trials.enrolment.service;

import dk.trials.platform.cpr.CprNumber;
import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;

import java.util.List;

/** Reads CPR numbers from requests; a number that is malformed or names no real birth date is refused, not echoed. */
public final class Citizens {

    static final String INVALID = "must be a CPR number DDMMYYSSSS (optional hyphen) with a real date of birth";

    private Citizens() {
    }

    public static CprNumber require(String field, String cpr) {
        return CprNumber.parse(cpr).orElseThrow(() -> ProblemException.badRequest("The CPR number cannot be read",
                List.of(new FieldError(field, INVALID))));
    }
}
