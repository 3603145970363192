package dk.trials.events.trial;

import java.time.Instant;

/**
 * The stale-event rule every projection of trial-events applies. Each trial event carries the whole trial, so the one
 * that occurred last describes it: an event replaces what is known unless it occurred before the event applied last
 * (a replayed or overtaken one); one that occurred at the same instant is applied in arrival order.
 */
public final class TrialEventOrder {

    private TrialEventOrder() {
    }

    /** True if the event that occurred at {@code incoming} replaces what the event at {@code applied} described. */
    public static boolean supersedes(Instant incoming, Instant applied) {
        return applied == null || !incoming.isBefore(applied);
    }
}
