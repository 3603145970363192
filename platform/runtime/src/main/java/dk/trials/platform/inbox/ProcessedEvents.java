package dk.trials.platform.inbox;

import dk.trials.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The duplicate detector every consumer calls first, in the transaction of its effect: the event id is inserted,
 * and only the first delivery of an id gets {@code true}. A concurrent second delivery waits on the first one's
 * row lock and then finds the id taken.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(EventEnvelope envelope) {
        return entityManager.createNativeQuery("""
                        insert into processed_event (event_id, type) values (:eventId, :type)
                        on conflict (event_id) do nothing""")
                .setParameter("eventId", envelope.eventId())
                .setParameter("type", envelope.type())
                .executeUpdate() == 1;
    }
}
