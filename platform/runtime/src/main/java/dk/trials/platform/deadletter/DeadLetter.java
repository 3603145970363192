package dk.trials.platform.deadletter;

import java.time.Instant;

/**
 * A record on a dead-letter topic, described by the envelope metadata only (never the payload): where it came from
 * ({@code topic}, {@code partition}, {@code offset} of the original record, from SmallRye's {@code dead-letter-*}
 * headers), why it was refused, and the event id and type headers the producer set (null where the record had none).
 */
public record DeadLetter(String topic, int partition, long offset, String reason, String failure, String eventId,
                         String eventType, Instant deadLetteredAt) {
}
