package dk.trials.platform.time;

import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The one range of dates the API takes from a caller, 1900-01-01 to 2100-12-31: wide enough for every birth date and
 * trial, narrow enough that no date arithmetic downstream (analysis days, horizons, SQL dates) can overflow or reach
 * the years PostgreSQL and Java disagree on. Request bodies are held to it by
 * {@link dk.trials.platform.validation.RequestBodyRules}; query and path parameters by {@link #parse}.
 */
public final class InputDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** What every out-of-range date is told, in the errors of its problem. */
    public static final String RANGE_RULE = "must be a date from " + EARLIEST + " to " + LATEST;

    private InputDates() {
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /**
     * The ISO date ({@code 2027-06-30}) a query or path parameter names: 400 when it is no such date, 422 when it is
     * one outside the range; either problem names the {@code field} and never repeats the text.
     */
    public static LocalDate parse(String field, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("The " + field + " in the request is not a date",
                    List.of(new FieldError(field, "must be an ISO date such as 2027-06-30")));
        }
        if (!inRange(date)) {
            throw ProblemException.unprocessable("Request breaks a rule", "The " + field + " in the request is out of range",
                    List.of(new FieldError(field, RANGE_RULE)));
        }
        return date;
    }
}
