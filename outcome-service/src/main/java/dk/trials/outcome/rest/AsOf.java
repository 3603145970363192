package dk.trials.outcome.rest;

import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The {@code asOf} query parameter: an ISO date, today (on the trials' calendar) when absent. A value that is not a
 * date cannot be read (400); a date after today is readable but breaks the rule that figures exist only up to today
 * (422).
 */
final class AsOf {

    private AsOf() {
    }

    static LocalDate parse(String asOf, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (asOf == null || asOf.isBlank()) {
            return today;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("asOf is not a date",
                    List.of(new FieldError("asOf", "must be an ISO date such as 2027-06-30")));
        }
        if (day.isAfter(today)) {
            throw ProblemException.unprocessable("Request breaks a rule", "asOf lies in the future",
                    List.of(new FieldError("asOf", "must not be after today (" + today + ")")));
        }
        return day;
    }
}
