package dk.trials.platform.outbox;

import java.util.UUID;

/**
 * A committed outbox row waiting to be delivered; {@code attempts} counts the rounds in which the broker refused it, and
 * {@code traceparent} is the trace context of the request that wrote it (null where tracing was off).
 */
record PendingEvent(long id, UUID eventId, String topic, String key, String type, String envelope, int attempts,
                    String traceparent) {
}
