package dk.trials.platform.outbox;

import java.util.UUID;

/** A committed outbox row waiting to be delivered. */
record PendingEvent(long id, UUID eventId, String topic, String key, String type, String envelope) {
}
