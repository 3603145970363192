package dk.trials.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The one clock every service reads time from, in the agency's one zone. Trials run on the Danish calendar: a
 * participant's analysis day, "today" of an estimate and a withdrawal date are Europe/Copenhagen dates.
 * <p>
 * {@code trials.clock.fixed-instant} pins the clock (tests, repeatable demos); without it the clock is the system's.
 */
public class TrialsClock {

    /** The calendar of every trial: enrolment dates, analysis days and "today". */
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "trials.clock.fixed-instant") Optional<Instant> fixed) {
        return fixed.map(instant -> Clock.fixed(instant, ZONE)).orElseGet(() -> Clock.system(ZONE));
    }
}
