package dk.trials.platform.inbox;

import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.MalformedEventException;
import dk.trials.platform.messaging.EventCodec;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The one way a record from a topic becomes an effect: decode the envelope, refuse a schema version newer than this
 * service reads, skip types the consumer does not handle, record the event id (only the first delivery goes on), and
 * hand the typed payload to the consumer's handler — all in the caller's transaction, so the id and the effect commit
 * together or not at all. A record that cannot be read throws {@link MalformedEventException}.
 * <p>
 * Several records may be applied in one transaction ({@link #receiveAll}): their ids are then recorded by one
 * statement, and a type routed with {@link Routes#onRuns} gets each run of consecutive events of that type at once,
 * so that its handler can write them set-based.
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
        private final Map<EventType, Consumer<List<Object>>> runHandlers = new EnumMap<>(EventType.class);

        private Routes() {
        }

        /** Also handles {@code type}, whose payload is read as {@code payload}. */
        @SuppressWarnings("unchecked")
        public <T> Routes on(EventType type, Class<T> payload, BiConsumer<EventEnvelope, T> handler) {
            handlers.put(type, (envelope, value) -> handler.accept(envelope, (T) value));
            payloads.put(type, payload);
            return this;
        }

        /**
         * Also handles {@code type}, a run of consecutive events of it at a time: all of a run in
         * {@link #receiveAll}, one in {@link #receive}. The handler must have the effect that handling the run's events
         * one after the other would have.
         */
        @SuppressWarnings("unchecked")
        public <T> Routes onRuns(EventType type, Class<T> payload, Consumer<List<T>> handler) {
            runHandlers.put(type, values -> handler.accept((List<T>) values));
            return on(type, payload, (envelope, value) -> handler.accept(List.of(value)));
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

    public static <T> Routes onRuns(EventType type, Class<T> payload, Consumer<List<T>> handler) {
        return new Routes().onRuns(type, payload, handler);
    }

    public static <T> Routes onEach(Set<EventType> types, Class<T> payload, BiConsumer<EventEnvelope, T> handler) {
        return new Routes().onEach(types, payload, handler);
    }

    /** A record to apply, with the trace context that is current while it is logged as applied. */
    public record Received(String json, Context trace) {
    }

    /** Applies one record; true if it had an effect, false if it was skipped or a repeat. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean receive(String json, Routes routes) {
        EventEnvelope envelope = codec.decode(json);
        EventType type = routedType(envelope, routes);
        if (type == null || !processed.firstDelivery(envelope)) {
            return false;
        }
        routes.handlers.get(type).accept(envelope, codec.payload(envelope, routes.payloads.get(type)));
        logApplied(envelope);
        return true;
    }

    /**
     * Applies the records in their order, with the effect {@link #receive} would have on each in turn; the first
     * record that cannot be read or applied throws, and the caller's transaction then keeps none of them. A handler
     * of single events runs in its record's trace context; a handler of runs in the caller's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receiveAll(List<Received> records, Routes routes) {
        List<Routed> routed = new ArrayList<>();
        for (Received record : records) {
            EventEnvelope envelope = codec.decode(record.json());
            EventType type = routedType(envelope, routes);
            if (type != null) {
                routed.add(new Routed(envelope, type, record.trace()));
            }
        }
        Set<UUID> first = processed.firstDeliveries(routed.stream().map(Routed::envelope).toList());
        List<Routed> firstDeliveries = new ArrayList<>();
        for (Routed event : routed) {
            // Removed as it is taken: an id twice among the records has its effect once, at its first place.
            if (first.remove(event.envelope().eventId())) {
                firstDeliveries.add(event);
            }
        }
        for (int start = 0, end; start < firstDeliveries.size(); start = end) {
            EventType type = firstDeliveries.get(start).type();
            Consumer<List<Object>> run = routes.runHandlers.get(type);
            end = start + 1;
            while (run != null && end < firstDeliveries.size() && firstDeliveries.get(end).type() == type) {
                end++;
            }
            List<Routed> handled = firstDeliveries.subList(start, end);
            if (run != null) {
                run.accept(handled.stream().map(event -> payload(event, routes)).toList());
            } else {
                try (Scope ignored = handled.get(0).trace().makeCurrent()) {
                    routes.handlers.get(type).accept(handled.get(0).envelope(), payload(handled.get(0), routes));
                }
            }
            for (Routed event : handled) {
                try (Scope ignored = event.trace().makeCurrent()) {
                    logApplied(event.envelope());
                }
            }
        }
    }

    private record Routed(EventEnvelope envelope, EventType type, Context trace) {
    }

    private Object payload(Routed event, Routes routes) {
        return codec.payload(event.envelope(), routes.payloads.get(event.type()));
    }

    /** The envelope's type if the routes handle it, null if it is to be skipped; a newer version is refused. */
    private static EventType routedType(EventEnvelope envelope, Routes routes) {
        if (envelope.version() > EventType.CURRENT_VERSION) {
            throw new MalformedEventException("Event " + envelope.eventId() + " has version " + envelope.version()
                    + ", newer than this service reads", null);
        }
        EventType type = envelope.knownType().filter(routes.handlers::containsKey).orElse(null);
        if (type == null) {
            LOG.debugf("Skipping event %s of type %s: not handled here", envelope.eventId(), envelope.type());
        }
        return type;
    }

    private static void logApplied(EventEnvelope envelope) {
        // Carries the trace id of the request that caused the event (where tracing is on), so that an operator can
        // follow an enrolment from enrolment-service's request into this service's log.
        LOG.debugf("Applied %s %s of trial %s", envelope.type(), envelope.eventId(), envelope.trialId());
    }
}
