package dk.trials.outcome.rest;

import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.time.TrialsClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** asOf on a pinned clock: today on the trials' calendar by default; not a date is 400, a future date 422. */
class AsOfTest {

    /** 23:30 UTC on 30 June is already 1 July in Copenhagen. */
    private static final Clock LATE_EVENING = Clock.fixed(Instant.parse("2027-06-30T23:30:00Z"), TrialsClock.ZONE);

    @Test
    void withoutAValueItIsTodayInCopenhagen() {
        assertEquals(LocalDate.of(2027, 7, 1), AsOf.parse(null, LATE_EVENING));
        assertEquals(LocalDate.of(2027, 7, 1), AsOf.parse(" ", LATE_EVENING));
    }

    @Test
    void todayAndEarlierDatesAreTaken() {
        assertEquals(LocalDate.of(2027, 7, 1), AsOf.parse("2027-07-01", LATE_EVENING));
        assertEquals(LocalDate.of(2026, 1, 31), AsOf.parse("2026-01-31", LATE_EVENING));
    }

    @Test
    void aValueThatIsNotADateCannotBeRead() {
        ProblemException e = assertThrows(ProblemException.class, () -> AsOf.parse("yesterday", LATE_EVENING));
        assertEquals(400, e.status());
        assertEquals(List.of(new FieldError("asOf", "must be an ISO date such as 2027-06-30")), e.toProblem().errors());
    }

    @Test
    void aDateAfterTodayIsReadableButBreaksTheRule() {
        ProblemException e = assertThrows(ProblemException.class, () -> AsOf.parse("2027-07-02", LATE_EVENING));
        assertEquals(422, e.status());
        assertEquals(List.of(new FieldError("asOf", "must not be after today (2027-07-01)")), e.toProblem().errors());
    }
}
