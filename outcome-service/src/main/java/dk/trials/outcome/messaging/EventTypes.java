package dk.trials.outcome.messaging;

import dk.trials.contracts.events.EventEnvelope;
import dk.trials.contracts.events.EventType;

/** Event types this version knows; newer producers' types are ignored, not failed on. */
final class EventTypes {

    private EventTypes() {
    }

    static EventType known(EventEnvelope envelope) {
        try {
            return EventType.valueOf(envelope.type());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
