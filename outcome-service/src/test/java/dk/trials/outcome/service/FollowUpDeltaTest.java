package dk.trials.outcome.service;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A transaction's changes to the aggregates: an earlier end moves a participant between days, counted once. */
class FollowUpDeltaTest {

    private static final LocalDate ENROLLED = LocalDate.of(2027, 3, 1);
    private static final ParticipantRecord NOT_ENDED = new ParticipantRecord(UUID.randomUUID(), UUID.randomUUID(), "p",
            "control", "101", "101", ENROLLED, null, null);

    @Test
    void aFirstEndCountsOnItsDayAndInTheEnrolmentDatesEnded() {
        FollowUpDelta delta = new FollowUpDelta();
        delta.move(NOT_ENDED, 30, true);
        assertEquals(Map.of(new FollowUpDelta.Day("control", "101", 30), new FollowUpDelta.Ends(1, 0)), delta.days());
        assertEquals(Map.of(new FollowUpDelta.Enrolment("control", "101", ENROLLED), 1L), delta.firstEnds());
    }

    @Test
    void anEarlierEndTakesTheParticipantOffTheDayItWasCountedOnWithoutCountingItAgain() {
        FollowUpDelta delta = new FollowUpDelta();
        delta.move(NOT_ENDED, 30, true);
        delta.move(NOT_ENDED.endedAt(30, true), 10, false);
        assertEquals(Map.of(new FollowUpDelta.Day("control", "101", 30), new FollowUpDelta.Ends(0, 0),
                new FollowUpDelta.Day("control", "101", 10), new FollowUpDelta.Ends(0, 1)), delta.days());
        assertEquals(Map.of(new FollowUpDelta.Enrolment("control", "101", ENROLLED), 1L), delta.firstEnds());
    }
}
