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
            "treatment", "101", "101", LocalDate.of(2027, 3, 1), null, null);
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
    void anOutcomeBeforeTheEnrolmentIsRejectedWithTheRuleItBreaks() {
        assertEquals(new OutcomeMatch.Verdict(OutcomeStatus.REJECTED,
                        "occurredOn 2027-02-28 is before the participant's enrolment on 2027-03-01"),
                match.judge(ANNA, LocalDate.of(2027, 2, 28), null, TODAY));
    }

    @Test
    void anotherJobcentresOutcomeWaitsAsIfTheParticipantWereNotKnownAndNoRuleOfTheParticipantIsApplied() {
        OutcomeMatch.Verdict waits = new OutcomeMatch.Verdict(OutcomeStatus.PENDING_ENROLMENT, null);
        assertEquals(waits, match.judge(ANNA, TODAY, "147", TODAY));
        assertEquals(waits, match.judge(ANNA, LocalDate.of(2027, 2, 28), "147", TODAY),
                "before the enrolment, as for a citizen who is not a participant");
        assertEquals(new OutcomeMatch.Verdict(OutcomeStatus.REJECTED, "occurredOn 2027-07-01 is in the future"),
                match.judge(ANNA, TODAY.plusDays(1), "147", TODAY));
        assertEquals(null, OutcomeMatch.seenBy(ANNA, "147"));
        assertEquals(ANNA, OutcomeMatch.seenBy(ANNA, "101"));
        assertEquals(ANNA, OutcomeMatch.seenBy(ANNA, null));
    }

    @Test
    void afterATransferTheNewJobcentreKnowsTheParticipantAndTheEnrollingOneNoLonger() {
        ParticipantRecord moved = new ParticipantRecord(ANNA.enrolmentId(), ANNA.trialId(), "p-anna", "treatment", "101",
                "147", LocalDate.of(2027, 3, 1), null, null);
        assertEquals(new OutcomeMatch.Verdict(OutcomeStatus.ACCEPTED, null), match.judge(moved, TODAY, "147", TODAY));
        assertEquals(new OutcomeMatch.Verdict(OutcomeStatus.PENDING_ENROLMENT, null), match.judge(moved, TODAY, "101", TODAY));
    }
}
