package dk.trials.platform.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrialsClockTest {

    @Test
    void a_pinned_clock_tells_the_danish_date_of_its_instant() {
        Clock clock = new TrialsClock().clock(Optional.of(Instant.parse("2027-03-01T23:30:00Z")));

        assertEquals(LocalDate.parse("2027-03-02"), LocalDate.now(clock));
        assertEquals(TrialsClock.ZONE, clock.getZone());
    }

    @Test
    void without_a_pin_the_clock_is_the_systems_in_the_danish_zone() {
        Clock clock = new TrialsClock().clock(Optional.empty());

        assertEquals(TrialsClock.ZONE, clock.getZone());
        assertEquals(LocalDate.now(Clock.system(TrialsClock.ZONE)), LocalDate.now(clock));
    }
}
