package dk.trials.platform.outbox;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.sql.ValuesRows;
import dk.trials.platform.tracing.TraceParents;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.List;
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

    /** The columns {@link #publishAll} writes per event. */
    private static final int COLUMNS = 6;

    /** An event caused by work done earlier, with the {@code traceparent} of that work (null: none). */
    public record Publication(EventType type, UUID trialId, Object payload, String traceparent) {
    }

    /** Records the event with the trace context of the request running now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(EventType type, UUID trialId, Object payload) {
        EventEnvelope envelope = codec.envelope(type, trialId, payload);
        publishAll(List.of(new Publication(type, trialId, payload, TraceParents.current())), List.of(envelope));
        return envelope;
    }

    /**
     * Records the events in this order, in one statement: the batch form for work that publishes what many earlier
     * requests did (enrolment-service's numbering), each event with its own request's trace context.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<Publication> publications) {
        publishAll(publications, publications.stream().map(p -> codec.envelope(p.type(), p.trialId(), p.payload())).toList());
    }

    private void publishAll(List<Publication> publications, List<EventEnvelope> envelopes) {
        if (publications.isEmpty()) {
            return;
        }
        // Rows get their ids (the relay's sending order) in the order of the values list.
        Query insert = entityManager.createNativeQuery("insert into outbox_event (event_id, topic, message_key, type, "
                + "envelope, traceparent) values " + ValuesRows.placeholders(publications.size(), COLUMNS));
        for (int i = 0; i < publications.size(); i++) {
            Publication publication = publications.get(i);
            EventEnvelope envelope = envelopes.get(i);
            int p = i * COLUMNS;
            insert.setParameter(p + 1, envelope.eventId()).setParameter(p + 2, publication.type().topic())
                    .setParameter(p + 3, publication.trialId().toString()).setParameter(p + 4, envelope.type())
                    .setParameter(p + 5, codec.encode(envelope)).setParameter(p + 6, publication.traceparent());
        }
        insert.executeUpdate();
        // Observed after commit by the relay, which then sends at once instead of waiting for its next poll.
        written.fire(OutboxWritten.INSTANCE);
    }
}
