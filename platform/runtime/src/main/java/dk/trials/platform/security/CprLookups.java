package dk.trials.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts requests that named a citizen who is another jobcentre's, as {@code trials_cpr_lookups_refused_total} by
 * reason. One such refusal is an ordinary mistake; many from one client are someone probing which CPR numbers are
 * allocated where, which is what an alert on this counter watches for. The known reasons are registered at start-up so
 * that the series exist (at 0) before the first refusal, as a rate alert needs.
 */
@Startup
@ApplicationScoped
public class CprLookups {

    /** An enrolment request for a citizen already enrolled in the trial by another jobcentre. */
    public static final String ENROLLED_ELSEWHERE = "enrolled-elsewhere";
    /** An outcome for someone who is not a participant of the reporting jobcentre. */
    public static final String NOT_OWN_PARTICIPANT = "not-own-participant";

    static final String METRIC = "trials.cpr.lookups.refused";

    private final MeterRegistry registry;

    public CprLookups(MeterRegistry registry) {
        this.registry = registry;
        counter(ENROLLED_ELSEWHERE);
        counter(NOT_OWN_PARTICIPANT);
    }

    /** One refused request; {@code reason} is one of this class's constants (a tag value, so from a closed set). */
    public void refused(String reason) {
        counter(reason).increment();
    }

    private Counter counter(String reason) {
        return Counter.builder(METRIC)
                .description("Requests refused because they named another jobcentre's citizen")
                .tag("reason", reason)
                .register(registry);
    }
}
