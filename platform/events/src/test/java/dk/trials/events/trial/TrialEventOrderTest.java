package dk.trials.events.trial;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which of two trial events describes the trial: the higher trialVersion, or, before versions, the later one. */
class TrialEventOrderTest {

    private static final Instant NINE = Instant.parse("2027-01-04T09:00:00Z");
    private static final Instant EARLIER = NINE.minusSeconds(5);
    private static final Instant LATER = NINE.plusSeconds(5);

    @Test
    void theFirstEventOfATrialAppliesWithOrWithoutAVersion() {
        assertTrue(TrialEventOrder.supersedes(1L, NINE, null, null));
        assertTrue(TrialEventOrder.supersedes(null, NINE, null, null));
    }

    @Test
    void aHigherVersionAppliesEvenWhenItsClockSaysItOccurredEarlier() {
        assertTrue(TrialEventOrder.supersedes(4L, EARLIER, 3L, NINE));
    }

    @Test
    void aLowerOrEqualVersionIsStaleEvenWhenItsClockSaysItOccurredLater() {
        assertFalse(TrialEventOrder.supersedes(2L, LATER, 3L, NINE));
        assertFalse(TrialEventOrder.supersedes(3L, LATER, 3L, NINE));
    }

    @Test
    void aVersionedEventSupersedesAStateAnUnversionedEventLeftWhateverItsClock() {
        assertTrue(TrialEventOrder.supersedes(1L, EARLIER, null, NINE));
    }

    @Test
    void anUnversionedEventNeverReplacesAVersionedState() {
        assertFalse(TrialEventOrder.supersedes(null, LATER, 1L, NINE));
    }

    @Test
    void betweenUnversionedEventsTheOneThatOccurredBeforeTheAppliedOneIsStaleAndATieApplies() {
        assertFalse(TrialEventOrder.supersedes(null, EARLIER, null, NINE));
        assertTrue(TrialEventOrder.supersedes(null, NINE, null, NINE));
        assertTrue(TrialEventOrder.supersedes(null, LATER, null, NINE));
    }
}
