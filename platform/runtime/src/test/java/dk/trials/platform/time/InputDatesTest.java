package dk.trials.platform.time;

import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InputDatesTest {

    @Test
    void an_iso_date_in_the_range_is_read_including_both_ends() {
        assertEquals(LocalDate.of(2027, 6, 30), InputDates.parse("asOf", "2027-06-30"));
        assertEquals(InputDates.EARLIEST, InputDates.parse("asOf", "1900-01-01"));
        assertEquals(InputDates.LATEST, InputDates.parse("asOf", "2100-12-31"));
    }

    @Test
    void text_that_is_no_date_is_400_naming_the_field_without_the_text() {
        for (String text : new String[]{"0101991234", "2027-02-30", "30-06-2027", "", null}) {
            ProblemException problem = assertThrows(ProblemException.class, () -> InputDates.parse("asOf", text));

            assertEquals(400, problem.status());
            assertEquals(List.of(new FieldError("asOf", "must be an ISO date such as 2027-06-30")), problem.toProblem().errors());
            assertFalse(String.valueOf(problem.toProblem()).contains("0101991234"));
        }
    }

    @Test
    void a_date_outside_1900_to_2100_is_422_naming_the_field() {
        for (String text : new String[]{"0000-01-01", "-5000-01-01", "1899-12-31", "2101-01-01", "+999999-01-01"}) {
            ProblemException problem = assertThrows(ProblemException.class, () -> InputDates.parse("from", text));

            assertEquals(422, problem.status());
            assertEquals(List.of(new FieldError("from", InputDates.RANGE_RULE)), problem.toProblem().errors());
        }
    }
}
