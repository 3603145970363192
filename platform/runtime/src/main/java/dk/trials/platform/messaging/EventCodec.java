package dk.trials.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/** Turns payloads into envelopes and envelopes into JSON, and back, with the application's ObjectMapper. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;
    private final Clock clock;

    public EventCodec(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public EventEnvelope envelope(EventType type, UUID trialId, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type.name(), EventType.CURRENT_VERSION, clock.instant(), trialId,
                mapper.valueToTree(payload));
    }

    public String encode(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + envelope.eventId() + " cannot be serialised", e);
        }
    }

    public EventEnvelope decode(String json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(
                    "Payload of " + envelope.type() + " " + envelope.eventId() + " is not a " + type.getSimpleName(), e);
        }
    }
}
