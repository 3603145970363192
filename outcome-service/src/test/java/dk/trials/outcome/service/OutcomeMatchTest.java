package dk.trials.outcome.service;

import dk.trials.outcome.OutcomeStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one verdict on an outcome, whichever way it arrived and whether or not its participant is known yet. */
class OutcomeMatchTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 6, 30);
    private static final ParticipantRecord ANNA = new ParticipantRecord(UUID.randomUUID(), UUID.randomUUID(), "p-anna",
            "treatment", "101", LocalDate.of(2027, 3, 1), null, null);
    private final OutcomeMatch match = new OutcomeMatch(null, null, null);

    @Test
    void anOutcomeOfAKnownParticipantOnOrAfterTheEnrolmentCounts() {
        assertEquals(new OutcomeMatch.Verdict(OutcomeStatus.ACCEPTED, null),
                match.judge(ANNA, LocalDate.of(2027, 3, 1), "101", TODAY));
        assertEquals(new OutcomeMatch.Verdict(OutcomeStatus.ACCEPTED, null), match.judge(ANNA, TODAY, null, TODAY));
    }

    @Test
    void anOutcomeOfAParticipantNotKnownYetWaits() {
        assertEquals(new OutcomeMatch.Verdict(OutcomeStatus.PENDING_ENROLMENT, null),
                match.judge(null, LocalDate.of(2027, 1, 1), "101", TODAY));
    }

    @Test
    void anOutcomeInTheFutureIsRejectedWhoeverItsParticipant() {
        OutcomeMatch.Verdict future = new OutcomeMatch.Verdict(OutcomeStatus.REJECTED, "occurredOn 2027-07-01 is in the future");
        assertEquals(future, match.judge(null, TODAY.plusDays(1), null, TODAY));
        assertEquals(future, match.judge(ANNA, TODAY.plusDays(1), null, TODAY));
    }

    @Test
    void anOutcomeBeforeTheEnrolmentOrFromAnotherJobcentreIsRejectedWithTheRuleItBreaks() {
        assertEquals(new OutcomeMatch.Verdict(OutcomeStatus.REJECTED,
                        "occurredOn 2027-02-28 is before the participant's enrolment on 2027-03-01"),
                match.judge(ANNA, LocalDate.of(2027, 2, 28), null, TODAY));
        assertEquals(new OutcomeMatch.Verdict(OutcomeStatus.REJECTED, "the participant is not enrolled by jobcentre 147"),
                match.judge(ANNA, TODAY, "147", TODAY));
    }
}
