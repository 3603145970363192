package dk.trials.platform.inbox;

import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.MalformedEventException;
import dk.trials.platform.messaging.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The one way a record from a topic becomes an effect: decode the envelope, refuse a schema version newer than this
 * service reads, skip types the consumer does not handle, record the event id (only the first delivery goes on), and
 * hand the typed payload to the consumer's handler — all in the caller's transaction, so the id and the effect commit
 * together or not at all. A record that cannot be read throws {@link MalformedEventException}.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EventCodec codec;
    private final ProcessedEvents processed;

    public Inbox(EventCodec codec, ProcessedEvents processed) {
        this.codec = codec;
        this.processed = processed;
    }

    /** The handlers of one consumer, by event type; build with {@link #on}. */
    public static final class Routes {
        private final Map<EventType, BiConsumer<EventEnvelope, Object>> handlers = new EnumMap<>(EventType.class);
        private final Map<EventType, Class<?>> payloads = new EnumMap<>(EventType.class);

        private Routes() {
        }

        /** Also handles {@code type}, whose payload is read as {@code payload}. */
        @SuppressWarnings("unchecked")
        public <T> Routes on(EventType type, Class<T> payload, BiConsumer<EventEnvelope, T> handler) {
            handlers.put(type, (envelope, value) -> handler.accept(envelope, (T) value));
            payloads.put(type, payload);
            return this;
        }

        /** Also handles each of {@code types} alike, e.g. every event of one topic. */
        public <T> Routes onEach(Set<EventType> types, Class<T> payload, BiConsumer<EventEnvelope, T> handler) {
            types.forEach(type -> on(type, payload, handler));
            return this;
        }
    }

    public static <T> Routes on(EventType type, Class<T> payload, BiConsumer<EventEnvelope, T> handler) {
        return new Routes().on(type, payload, handler);
    }

    public static <T> Routes onEach(Set<EventType> types, Class<T> payload, BiConsumer<EventEnvelope, T> handler) {
        return new Routes().onEach(types, payload, handler);
    }

    /** Applies one record; true if it had an effect, false if it was skipped or a repeat. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean receive(String json, Routes routes) {
        EventEnvelope envelope = codec.decode(json);
        if (envelope.version() > EventType.CURRENT_VERSION) {
            throw new MalformedEventException("Event " + envelope.eventId() + " has version " + envelope.version()
                    + ", newer than this service reads", null);
        }
        EventType type = envelope.knownType().filter(routes.handlers::containsKey).orElse(null);
        if (type == null) {
            LOG.debugf("Skipping event %s of type %s: not handled here", envelope.eventId(), envelope.type());
            return false;
        }
        if (!processed.firstDelivery(envelope)) {
            return false;
        }
        routes.handlers.get(type).accept(envelope, codec.payload(envelope, routes.payloads.get(type)));
        // Carries the trace id of the request that caused the event (where tracing is on), so that an operator can
        // follow an enrolment from enrolment-service's request into this service's log.
        LOG.debugf("Applied %s %s of trial %s", envelope.type(), envelope.eventId(), envelope.trialId());
        return true;
    }
}
