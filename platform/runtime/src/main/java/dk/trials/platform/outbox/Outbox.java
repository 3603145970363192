package dk.trials.platform.outbox;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.tracing.TraceParents;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Records an event in the caller's business transaction. Nothing is sent here: {@link OutboxRelay} delivers the
 * committed rows, so an event exists on Kafka if and only if its business change committed.
 */
@ApplicationScoped
@IfBuildProperty(name = "trials.outbox.enabled", stringValue = "true")
public class Outbox {

    private final EntityManager entityManager;
    private final EventCodec codec;
    private final Event<OutboxWritten> written;

    public Outbox(EntityManager entityManager, EventCodec codec, Event<OutboxWritten> written) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(EventType type, UUID trialId, Object payload) {
        EventEnvelope envelope = codec.envelope(type, trialId, payload);
        entityManager.createNativeQuery("""
                        insert into outbox_event (event_id, topic, message_key, type, envelope, traceparent)
                        values (:eventId, :topic, :key, :type, :envelope, :traceparent)""")
                .setParameter("eventId", envelope.eventId())
                .setParameter("topic", type.topic())
                .setParameter("key", trialId.toString())
                .setParameter("type", envelope.type())
                .setParameter("envelope", codec.encode(envelope))
                .setParameter("traceparent", TraceParents.current())
                .executeUpdate();
        // Observed after commit by the relay, which then sends at once instead of waiting for its next poll.
        written.fire(OutboxWritten.INSTANCE);
        return envelope;
    }
}
