package dk.trials.contracts.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Delivers committed outbox rows to Kafka, oldest first, and deletes them once the broker has acknowledged them.
 * If the broker is unreachable the transaction rolls back, the rows stay, and the next run tries again: delivery is
 * at least once, and consumers drop repeats by event id.
 */
@ApplicationScoped
@IfBuildProperty(name = "trials.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager entityManager;
    private final OutboxSender sender;
    private final int batchSize;
    private final Counter relayed;
    private final Counter failures;

    public OutboxRelay(EntityManager entityManager, OutboxSender sender, MeterRegistry registry,
                       @ConfigProperty(name = "trials.outbox.batch-size", defaultValue = "500") int batchSize) {
        this.entityManager = entityManager;
        this.sender = sender;
        this.batchSize = batchSize;
        this.relayed = registry.counter("trials.outbox.relayed");
        this.failures = registry.counter("trials.outbox.relay.failures");
    }

    @Scheduled(identity = "outbox-relay", every = "${trials.outbox.poll-interval:0.1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().timeout(60).call(this::relayBatch);
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("Outbox relay could not deliver, will retry: %s", rootMessage(e));
        }
    }

    /** One batch in one transaction; returns how many events were delivered. */
    int relayBatch() throws Exception {
        // One relay at a time per database keeps each trial's events in commit order even with several replicas;
        // SKIP LOCKED keeps a relay from waiting on rows that a slower peer still holds.
        Boolean leader = (Boolean) entityManager
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtext('outbox-relay'))")
                .getSingleResult();
        if (!leader) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, event_id, topic, message_key, type, envelope from outbox_event
                        order by id limit :limit for update skip locked""")
                .setParameter("limit", batchSize)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<PendingEvent> events = rows.stream()
                .map(r -> new PendingEvent(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5]))
                .toList();
        sender.sendAll(events);
        entityManager.createNativeQuery("delete from outbox_event where id in (:ids)")
                .setParameter("ids", events.stream().map(PendingEvent::id).toList())
                .executeUpdate();
        relayed.increment(events.size());
        return events.size();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
