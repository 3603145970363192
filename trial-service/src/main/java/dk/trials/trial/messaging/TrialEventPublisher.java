package dk.trials.trial.messaging;

import dk.trials.events.EventType;
import dk.trials.platform.outbox.Outbox;
import dk.trials.trial.Trial;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Publishes a trial's new state on {@code trial-events}, through the outbox, in the caller's transaction, numbered
 * with the trial's next {@code trialVersion}. Only under the trial's row lock: the version, and the commit order the
 * relay keeps, are the order of the changes only when changes of one trial are serialised.
 */
@ApplicationScoped
public class TrialEventPublisher {

    private final Outbox outbox;
    private final EntityManager entityManager;

    public TrialEventPublisher(Outbox outbox, EntityManager entityManager) {
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    public void publish(EventType type, Trial trial) {
        if (entityManager.getLockMode(trial) != LockModeType.PESSIMISTIC_WRITE) {
            throw new IllegalStateException("Trial " + trial.id + " changed without its row lock: its "
                    + type + " event cannot be numbered");
        }
        trial.numberNextEvent();
        outbox.publish(type, trial.id, TrialSnapshots.of(trial));
    }
}
