package dk.trials.outcome.rest;

import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.FieldErrors;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.time.InputDates;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
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
        LocalDate plain = plainDate(value);
        if (plain != null) {
            return plain;
        }
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

    /**
     * The date a plain {@code yyyy-mm-dd} within the range names, or null for anything else, which {@link InputDates}
     * then reads and answers. The same dates as its parser, without the parser's allocations: a bulk file has one date
     * a line, and {@code LocalDate.parse} allocated about 900 bytes for each.
     */
    private static LocalDate plainDate(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        LocalDate date = LocalDate.of(year, month, day);
        return InputDates.inRange(date) ? date : null;
    }

    /** The number the ASCII digits from {@code from} to {@code to} spell, or -1 if any of them is no digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }
}
