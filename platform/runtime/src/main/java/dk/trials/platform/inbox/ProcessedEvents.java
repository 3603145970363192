package dk.trials.platform.inbox;

import dk.trials.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The duplicate detector every consumer calls first, in the transaction of its effect: the event id is inserted,
 * and only the first delivery of an id goes on. A concurrent second delivery waits on the first one's row lock and
 * then finds the id taken.
 * <p>
 * The statement runs on Hibernate's connection of the transaction, so that Hibernate holds and releases it as for any
 * consumer's effect: a connection the server kills mid-transaction then leaves the retry a fresh one (with a plain
 * JDBC connection taken first from the pool, enrolment-service's TransientDatabaseFaultTest saw the retry stall).
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(EventEnvelope envelope) {
        return !firstDeliveries(List.of(envelope)).isEmpty();
    }

    /** The ids among the envelopes' that were not recorded yet, all recorded now by one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(List<EventEnvelope> envelopes) {
        Set<UUID> first = new HashSet<>();
        if (envelopes.isEmpty()) {
            return first;
        }
        // In id order, so that two replicas recording overlapping batches (a rebalance) cannot lock ids crosswise.
        String sql = """
                insert into processed_event (event_id, type)
                select * from unnest(?::uuid[], ?::text[]) as e(event_id, type) order by event_id
                on conflict (event_id) do nothing returning event_id""";
        entityManager.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setArray(1, c.createArrayOf("uuid", envelopes.stream().map(EventEnvelope::eventId).toArray()));
                s.setArray(2, c.createArrayOf("text", envelopes.stream().map(EventEnvelope::type).toArray()));
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        first.add(rows.getObject(1, UUID.class));
                    }
                }
            }
        });
        return first;
    }
}
