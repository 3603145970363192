package dk.trials.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * What travels on every topic: a versioned envelope around a type-specific payload.
 * Consumers dispatch on {@code type} and read {@code payload} as the record its type names.
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, UUID trialId, JsonNode payload) {

    /** The type, when this version of the platform knows it; consumers skip the others rather than fail on them. */
    public Optional<EventType> knownType() {
        return Arrays.stream(EventType.values()).filter(t -> t.name().equals(type)).findFirst();
    }
}
