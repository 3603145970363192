package dk.trials.outcome.rest;

import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.FieldErrors;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.time.InputDates;

import java.time.LocalDate;
import java.util.List;

/**
 * A date field of a request read by {@link InputDates}' rule and in its words, into the request's field errors
 * rather than thrown, so that all of a request's (or a bulk line's) errors are answered together: not an ISO date
 * cannot be read, one outside 1900-01-01..2100-12-31 breaks a rule.
 */
final class DateFields {

    private DateFields() {
    }

    /** The date, or null with one error; {@code value} is not null. */
    static LocalDate read(String field, String value, FieldErrors errors) {
        try {
            return InputDates.parse(field, value);
        } catch (ProblemException e) {
            List<FieldError> found = e.toProblem().errors();
            String message = found == null ? "must be an ISO date from 1900-01-01 to 2100-12-31" : found.get(0).message();
            if (e.status() == 400) {
                errors.unreadable(field, message);
            } else {
                errors.broken(field, message);
            }
            return null;
        }
    }
}
