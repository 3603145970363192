package dk.trials.outcome.rest;

import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.FieldErrors;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.time.InputDates;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A date field is read as {@link InputDates#parse} reads it, whichever way it is read: the same date or the same error. */
class DateFieldsTest {

    @Test
    void everyDayAroundTheRangesEndsAndLeapDaysIsReadAsTheParserReadsIt() {
        List<String> texts = new ArrayList<>();
        for (LocalDate from : List.of(LocalDate.of(1899, 12, 20), LocalDate.of(1900, 2, 20), LocalDate.of(2000, 2, 20),
                LocalDate.of(2024, 2, 20), LocalDate.of(2027, 2, 20), LocalDate.of(2100, 2, 20), LocalDate.of(2100, 12, 20))) {
            for (int day = 0; day < 20; day++) {
                texts.add(from.plusDays(day).toString());
            }
        }
        texts.addAll(List.of("0000-01-01", "9999-12-31", "1899-12-31", "2101-01-01"));
        texts.forEach(DateFieldsTest::readAsTheParserReadsIt);
    }

    @Test
    void whatIsNoPlainDateIsAnsweredAsTheParserAnswersIt() {
        for (String text : List.of("2027-02-29", "2100-02-29", "2027-02-30", "2027-04-31", "2027-00-10", "2027-13-01",
                "2027-06-00", "2027-6-30", "27-06-30", "2027/06/30", "20270630", "2027-06-3x", "+2027-06-30",
                "-2027-06-30", "+999999-01-01", "2027-06-30T00:00", " 2027-06-30", "２０２７-06-30", "", "x")) {
            readAsTheParserReadsIt(text);
        }
    }

    private static void readAsTheParserReadsIt(String text) {
        FieldErrors errors = new FieldErrors();
        LocalDate read = DateFields.read("occurredOn", text, errors);
        try {
            LocalDate parsed = InputDates.parse("occurredOn", text);
            assertEquals(parsed, read, text);
            assertEquals(List.of(), errors.all(), text);
        } catch (ProblemException refused) {
            assertEquals(null, read, text);
            List<FieldError> expected = refused.toProblem().errors();
            assertEquals(expected, errors.all(), text);
            assertEquals(refused.status() == 400, errors.anyUnreadable(), text);
        }
    }
}
