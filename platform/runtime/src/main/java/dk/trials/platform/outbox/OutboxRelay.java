package dk.trials.platform.outbox;

import dk.trials.platform.inbox.TransientFailures;
import dk.trials.platform.worker.RoundWorker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers committed outbox rows to Kafka, oldest first, and deletes each one the broker has acknowledged (so an
 * acknowledged row is never sent again). While the broker is unreachable the rows stay and the next round tries
 * again: delivery is at least once, and consumers drop repeats by event id.
 * <p>
 * A row the broker refuses for itself (e.g. a record over the size limit) counts an attempt; after
 * {@code trials.outbox.max-attempts} it is parked with its reason ({@code last_error}), logged as an error and shown
 * in the gauge {@code trials_outbox_parked}. A row that was refused, parked or not, holds back the later rows of its
 * key (its trial), whose order matters; rows of other trials go on. An operator releases a parked row by fixing and
 * un-parking it ({@code update outbox_event set parked_at = null, attempts = 0 ...}) or deleting it. The gauge
 * {@code trials_outbox_oldest_unsent_age_seconds} is the age of the oldest row still in the outbox.
 * <p>
 * One {@link RoundWorker} per service runs the rounds. It is woken right after a transaction that wrote to the outbox
 * commits (then lingers {@code trials.outbox.linger} to gather the commits that follow: a round per commit would cost a
 * transaction and a broker round trip per enrolment), and polls anyway every {@code trials.outbox.poll-interval} for
 * rows that other replicas or a restart left behind.
 */
@ApplicationScoped
@IfBuildProperty(name = "trials.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** How often the backlog gauges are refreshed at most: they are scraped every few seconds, rounds run far more often. */
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(1);

    private final EntityManager entityManager;
    private final OutboxSender sender;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration retryDelay;
    private final Counter relayed;
    private final Counter failures;
    private final Counter refusals;
    private final int maxAttempts;
    private final Clock clock;
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong oldestUnsentAgeMillis = new AtomicLong();
    private final RoundWorker worker;
    /** When the backlog gauges were last refreshed ({@link System#nanoTime}: an interval, not a time of day). */
    private long backlogMeasuredAt = System.nanoTime() - BACKLOG_EVERY.toNanos();

    public OutboxRelay(EntityManager entityManager, OutboxSender sender, MeterRegistry registry, Clock clock,
                       @ConfigProperty(name = "trials.outbox.max-attempts", defaultValue = "3") int maxAttempts,
                       @ConfigProperty(name = "trials.outbox.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "trials.outbox.poll-interval", defaultValue = "1s") Duration pollInterval,
                       @ConfigProperty(name = "trials.outbox.retry-delay", defaultValue = "1s") Duration retryDelay,
                       @ConfigProperty(name = "trials.outbox.linger", defaultValue = "20ms") Duration linger) {
        this.entityManager = entityManager;
        this.sender = sender;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.retryDelay = retryDelay;
        this.worker = new RoundWorker("outbox-relay", linger, this::round);
        this.relayed = registry.counter("trials.outbox.relayed");
        this.failures = registry.counter("trials.outbox.relay.failures");
        this.refusals = registry.counter("trials.outbox.refusals");
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        Gauge.builder("trials.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows parked after the broker refused them; each holds back its trial's later rows")
                .register(registry);
        Gauge.builder("trials.outbox.oldest.unsent.age", oldestUnsentAgeMillis, age -> age.get() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest row still in the outbox, parked or waiting")
                .register(registry);
    }

    void start(@Observes StartupEvent startup) {
        worker.start();
    }

    /**
     * Quarkus fires this after the HTTP server has let in-flight requests finish ({@code quarkus.shutdown.timeout}),
     * so their commits are in the outbox by now: the last round sends them rather than leaving them to the next start
     * or another replica's poll. A broker that is away, or a peer holding the relay lock, ends the flush; the rows stay.
     */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        worker.stop(Duration.ofSeconds(10));
        flush();
    }

    /** Sends what is committed until the outbox is empty or a round delivers less than it fetched. */
    void flush() {
        try {
            Round round;
            do {
                round = QuarkusTransaction.requiringNew().timeout(60).call(this::relayBatch);
            } while (round.fetched() > 0 && !round.troubled());
        } catch (RuntimeException e) {
            LOG.warnf("Outbox not flushed at shutdown, the rows stay for the next relay: %s", rootMessage(e));
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        worker.wakeUp();
    }

    /** Sends what is pending, refreshes the backlog gauges when due; after a failed round the retry delay, not the poll. */
    private Duration round() {
        boolean delivered = relayPending();
        if (System.nanoTime() - backlogMeasuredAt >= BACKLOG_EVERY.toNanos()) {
            measureBacklog();
            backlogMeasuredAt = System.nanoTime();
        }
        return delivered ? pollInterval : retryDelay;
    }

    /** Sends everything pending; false when the broker or the database failed and the round must be retried. */
    boolean relayPending() {
        try {
            Round round;
            do {
                round = QuarkusTransaction.requiringNew().timeout(60).call(this::relayBatch);
            } while (round.fetched() == batchSize && !round.troubled() && worker.running());
            return !round.troubled();
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("Outbox relay could not deliver, will retry: %s", rootMessage(e));
            return false;
        }
    }

    /** How many rows one round fetched, and whether any of them was refused or left unsent. */
    record Round(int fetched, boolean troubled) {
    }

    /** One batch in one transaction: acknowledged rows deleted, refused rows counted or parked. */
    Round relayBatch() throws Exception {
        // One relay at a time per database keeps each trial's events in commit order even with several replicas;
        // SKIP LOCKED keeps a relay from waiting on rows that a slower peer still holds.
        // The queue is read in id order from its primary key, never by a scan and a sort: the statistics often
        // saw the queue empty (it is, between rounds), and then planned a scan of the whole backlog every round
        // (80 ms at 3,000 rows, against 0.6 ms from the index). set_config(…, true) holds for this transaction.
        Object[] round = (Object[]) entityManager
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtext('outbox-relay')), "
                        + "set_config('enable_seqscan', 'off', true)")
                .getSingleResult();
        if (!(Boolean) round[0]) {
            return new Round(0, false);
        }
        // A row whose key has an earlier refused or parked row waits: sending it would overtake that row. The
        // troubled keys (almost always none) are found once, from their partial index, not looked up row by row.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        with troubled as materialized (
                            select message_key, min(id) as first from outbox_event
                            where attempts > 0 or parked_at is not null
                            group by message_key
                        )
                        select o.id, o.event_id, o.topic, o.message_key, o.type, o.envelope, o.attempts, o.traceparent
                        from outbox_event o
                        where o.parked_at is null
                          and not exists (select 1 from troubled t where t.message_key = o.message_key and t.first < o.id)
                        order by o.id limit :limit for update of o skip locked""")
                .setParameter("limit", batchSize)
                .getResultList();
        if (rows.isEmpty()) {
            return new Round(0, false);
        }
        List<PendingEvent> events = rows.stream()
                .map(r -> new PendingEvent(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], ((Number) r[6]).intValue(), (String) r[7]))
                .toList();
        List<Delivery> deliveries = sender.sendAll(events);
        List<Long> acknowledged = deliveries.stream().filter(d -> d.outcome() == Delivery.Outcome.ACKNOWLEDGED)
                .map(d -> d.event().id()).toList();
        if (!acknowledged.isEmpty()) {
            entityManager.createNativeQuery("delete from outbox_event where id in (:ids)")
                    .setParameter("ids", acknowledged)
                    .executeUpdate();
            relayed.increment(acknowledged.size());
        }
        boolean brokerTrouble = false;
        for (Delivery delivery : deliveries) {
            if (delivery.outcome() != Delivery.Outcome.REFUSED) {
                continue;
            }
            if (TransientFailures.isTransient(delivery.failure())) {
                brokerTrouble = true;
            } else {
                refused(delivery);
            }
        }
        if (brokerTrouble) {
            failures.increment();
            LOG.warnf("Outbox relay could not deliver %d of %d rows, will retry",
                    deliveries.size() - acknowledged.size(), deliveries.size());
        }
        return new Round(events.size(), acknowledged.size() < deliveries.size());
    }

    /** The broker refused this row for itself: one attempt more, and parked once they are used up. */
    private void refused(Delivery delivery) {
        PendingEvent event = delivery.event();
        boolean park = event.attempts() + 1 >= maxAttempts;
        String reason = rootMessage(delivery.failure());
        refusals.increment();
        var update = entityManager.createNativeQuery(park
                        ? "update outbox_event set attempts = attempts + 1, last_error = :reason, parked_at = :now where id = :id"
                        : "update outbox_event set attempts = attempts + 1, last_error = :reason where id = :id")
                .setParameter("reason", reason)
                .setParameter("id", event.id());
        if (park) {
            update.setParameter("now", clock.instant());
        }
        update.executeUpdate();
        if (park) {
            LOG.errorf("Outbox row %d (event %s %s, key %s) parked after %d refusals: %s; later rows of that key wait",
                    event.id(), event.type(), event.eventId(), event.key(), event.attempts() + 1, reason);
        } else {
            LOG.warnf("Broker refused outbox row %d (event %s %s), attempt %d of %d: %s", event.id(), event.type(),
                    event.eventId(), event.attempts() + 1, maxAttempts, reason);
        }
    }

    /** Refreshes the backlog gauges; a database that does not answer leaves their last values. */
    private void measureBacklog() {
        try {
            // Both from indexes (the troubled rows' partial index; the oldest row by id, whose created_at, its
            // transaction's start, is the earliest but for transactions still open): a count over the table read
            // every row and the dead ones behind a backlog, about 10 ms a round at saturation.
            Object[] backlog = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                            select (select count(*) from outbox_event where parked_at is not null),
                                   (select cast(extract(epoch from created_at) * 1000 as bigint)
                                    from outbox_event order by id limit 1)""")
                    .getSingleResult());
            parked.set(((Number) backlog[0]).longValue());
            oldestUnsentAgeMillis.set(backlog[1] == null ? 0 : Math.max(0, clock.millis() - ((Number) backlog[1]).longValue()));
        } catch (RuntimeException e) {
            LOG.debugf("Outbox backlog not measured: %s", rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
