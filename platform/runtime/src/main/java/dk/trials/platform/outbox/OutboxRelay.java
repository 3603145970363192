package dk.trials.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers committed outbox rows to Kafka, oldest first, and deletes them once the broker has acknowledged them.
 * If the broker is unreachable the transaction rolls back, the rows stay, and the next round tries again: delivery
 * is at least once, and consumers drop repeats by event id.
 * <p>
 * One thread per service runs the rounds. It is woken right after a transaction that wrote to the outbox commits
 * (then lingers {@code trials.outbox.linger} to gather the commits that follow), and polls anyway every
 * {@code trials.outbox.poll-interval} for rows that other replicas or a restart left behind.
 */
@ApplicationScoped
@IfBuildProperty(name = "trials.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager entityManager;
    private final OutboxSender sender;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration retryDelay;
    private final Duration linger;
    private final Counter relayed;
    private final Counter failures;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(EntityManager entityManager, OutboxSender sender, MeterRegistry registry,
                       @ConfigProperty(name = "trials.outbox.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "trials.outbox.poll-interval", defaultValue = "1s") Duration pollInterval,
                       @ConfigProperty(name = "trials.outbox.retry-delay", defaultValue = "1s") Duration retryDelay,
                       @ConfigProperty(name = "trials.outbox.linger", defaultValue = "20ms") Duration linger) {
        this.entityManager = entityManager;
        this.sender = sender;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.retryDelay = retryDelay;
        this.linger = linger;
        this.relayed = registry.counter("trials.outbox.relayed");
        this.failures = registry.counter("trials.outbox.relay.failures");
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            worker.join(Duration.ofSeconds(10).toMillis());
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeUp.release();
    }

    private void run() {
        while (running) {
            boolean delivered = relayPending();
            try {
                if (wakeUp.tryAcquire((delivered ? pollInterval : retryDelay).toMillis(), TimeUnit.MILLISECONDS)) {
                    // Under load, lingering a moment lets one round carry the rows of many commits: a round per
                    // commit would cost a transaction and a broker round trip per enrolment.
                    Thread.sleep(linger.toMillis());
                }
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends everything pending; false when the broker or the database failed and the round must be retried. */
    boolean relayPending() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().timeout(60).call(this::relayBatch);
            } while (sent == batchSize && running);
            return true;
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("Outbox relay could not deliver, will retry: %s", rootMessage(e));
            return false;
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
