package dk.trials.outcome.messaging;

import dk.trials.events.EventType;
import dk.trials.events.monitoring.LookFlagged;
import dk.trials.outcome.MonitoringLook;
import dk.trials.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes a formal look that crossed an efficacy boundary or flagged futility on {@code monitoring-events},
 * through the outbox in the look's transaction: the event exists if and only if the look does. One event per look:
 * LOOK_BOUNDARY_CROSSED when any comparison crossed (its payload also names any futile arms), else
 * LOOK_FUTILITY_FLAGGED. It carries the look's number and hash, never by-arm figures.
 */
@ApplicationScoped
public class MonitoringEventPublisher {

    private final Outbox outbox;

    public MonitoringEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Publishes the look if it crossed or flagged futility; true if it did. */
    public boolean publishIfFlagged(MonitoringLook look) {
        if (look.crossedArms.isEmpty() && look.futileArms.isEmpty()) {
            return false;
        }
        EventType type = look.crossedArms.isEmpty() ? EventType.LOOK_FUTILITY_FLAGGED : EventType.LOOK_BOUNDARY_CROSSED;
        outbox.publish(type, look.trialId, new LookFlagged(look.trialId, look.look, look.cutDate, look.takenAt,
                look.decision.name(), look.crossedArms, look.futileArms, look.sha256));
        return true;
    }
}
