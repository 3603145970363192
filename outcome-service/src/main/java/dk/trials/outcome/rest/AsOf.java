package dk.trials.outcome.rest;

import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.time.InputDates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code asOf} query parameter: an ISO date, today (on the trials' calendar) when absent. A value that is not a
 * date cannot be read (400); a date before 1900-01-01 ({@link InputDates}) or after today is readable but breaks a
 * rule (422), as figures exist only up to today.
 */
final class AsOf {

    private AsOf() {
    }

    static LocalDate parse(String asOf, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (asOf == null || asOf.isBlank()) {
            return today;
        }
        LocalDate day = InputDates.parse("asOf", asOf);
        if (day.isAfter(today)) {
            throw ProblemException.unprocessable("Request breaks a rule", "asOf lies in the future",
                    List.of(new FieldError("asOf", "must not be after today (" + today + ")")));
        }
        return day;
    }
}
