package dk.trials.trial.messaging;

import dk.trials.events.EventType;
import dk.trials.platform.outbox.Outbox;
import dk.trials.trial.Trial;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes a trial's new state on {@code trial-events}, through the outbox, in the caller's transaction. */
@ApplicationScoped
public class TrialEventPublisher {

    private final Outbox outbox;

    public TrialEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(EventType type, Trial trial) {
        outbox.publish(type, trial.id, TrialSnapshots.of(trial));
    }
}
