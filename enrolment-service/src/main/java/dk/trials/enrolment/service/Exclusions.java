package dk.trials.enrolment.service;

import java.util.Map;

/**
 * A trial's citizens found not eligible and never enrolled, each once, and of them by reason (a citizen failing
 * several criteria under each): what a checkpoint publishes for the top of the CONSORT flow.
 */
public record Exclusions(long citizens, Map<ExclusionReason, Long> byReason) {

    public static final Exclusions NONE = new Exclusions(0, Map.of());

    public Exclusions {
        byReason = Map.copyOf(byReason);
    }
}
