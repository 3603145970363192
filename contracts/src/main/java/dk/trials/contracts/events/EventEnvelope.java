package dk.trials.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on every topic: a versioned envelope around a type-specific payload.
 * Consumers dispatch on {@code type} and read {@code payload} with {@link EventCodec#payload}.
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, UUID trialId, JsonNode payload) {
}
