package dk.trials.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Applies one Kafka record through the {@link Inbox}, each attempt in a transaction of its own, and decides what
 * becomes of the record:
 * <ul>
 *     <li>applied (or a repeat, or a type not handled here): acknowledged, so its offset may be committed;</li>
 *     <li>a {@linkplain TransientFailures transient} failure: the same record is tried again after a backoff
 *     ({@code trials.consumer.retry.initial-backoff} doubling up to {@code trials.consumer.retry.max-backoff}), for
 *     as long as it takes. Nothing behind it is processed meanwhile, so each trial's order holds;</li>
 *     <li>anything else: counted in {@code trials_dead_letters_total{topic,group}} and nacked after this one try, and
 *     the channel's {@code dead-letter-queue} failure strategy sends it to {@code <topic>.<group>.dlq}.</li>
 * </ul>
 * The consumer method must be {@code @Blocking} (ordered): it then runs on a worker thread, one record at a time,
 * and while a record is retried the connector's queue fills and the connector pauses the consumer's partitions.
 * <p>
 * On shutdown the backoff ends at once and the record is neither acknowledged nor nacked: its offset is not
 * committed, so the next start (this replica or another) reads it again.
 * <p>
 * A consumer with {@code batch=true} hands a poll's records to {@link #deliverAll}, which applies them in one
 * transaction with the same outcomes for each record.
 */
@ApplicationScoped
public class RetryingInbox {

    private static final Logger LOG = Logger.getLogger(RetryingInbox.class);

    private final Inbox inbox;
    private final MeterRegistry registry;
    private final Config config;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final CountDownLatch shutdown = new CountDownLatch(1);

    public RetryingInbox(Inbox inbox, MeterRegistry registry, Config config,
                         @ConfigProperty(name = "trials.consumer.retry.initial-backoff", defaultValue = "100ms") Duration initialBackoff,
                         @ConfigProperty(name = "trials.consumer.retry.max-backoff", defaultValue = "30s") Duration maxBackoff) {
        this.inbox = inbox;
        this.registry = registry;
        this.config = config;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    void stopping(@Observes ShutdownEvent event) {
        shutdown.countDown();
    }

    /** Applies the record, retrying transient failures; the returned stage is the record's ack or nack. */
    public CompletionStage<Void> deliver(Message<String> record, Inbox.Routes routes) {
        // The consumer span the connector made from the record's traceparent header, current while the record is
        // applied: what this service logs and does for it joins the trace of the request that caused the event.
        try (Scope ignored = traceOf(record).makeCurrent()) {
            Outcome outcome = untilApplied(where(record), tags(record), () -> inbox.receive(record.getPayload(), routes));
            if (outcome.shutDown()) {
                return new CompletableFuture<>();
            }
            return outcome.failure() == null ? record.ack() : deadLetter(record, outcome.failure());
        }
    }

    /**
     * Applies a poll's records (the connector's {@code batch=true}) in one transaction, retrying transient failures
     * of it as a whole, and acknowledges them together. When one of them cannot be applied, the records are applied
     * one at a time instead, each as {@link #deliver} does: that one is dead-lettered alone and every other is applied
     * once (nothing of the failed transaction was committed). Records of one partition come in their order, so each
     * trial's order holds; on shutdown none of them is acknowledged.
     */
    public CompletionStage<Void> deliverAll(KafkaRecordBatch<String, String> batch, Inbox.Routes routes) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (records.isEmpty()) {
            return batch.ack();
        }
        List<Inbox.Received> received = records.stream()
                .map(record -> new Inbox.Received(record.getPayload(), traceOf(record))).toList();
        String where = where(records.get(0)) + (records.size() > 1 ? " and the " + (records.size() - 1) + " after it" : "");
        Outcome outcome = untilApplied(where, tags(records.get(0)), () -> inbox.receiveAll(received, routes));
        if (outcome.shutDown()) {
            return new CompletableFuture<>();
        }
        if (outcome.failure() == null) {
            return batch.ack();
        }
        LOG.infof("Applying %s one at a time, as one of them cannot be applied: %s", where, outcome.failure().getMessage());
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            try (Scope ignored = traceOf(record).makeCurrent()) {
                Outcome one = untilApplied(where(record), tags(record), () -> inbox.receive(record.getPayload(), routes));
                if (one.shutDown()) {
                    return new CompletableFuture<>();
                }
                if (one.failure() != null) {
                    deadLetters.add(deadLetter(record, one.failure()).toCompletableFuture());
                }
            }
        }
        // Acknowledged once the dead letters are sent, so that no offset is committed past one that was not.
        return CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new)).thenCompose(sent -> batch.ack());
    }

    /** How applying ended: committed (no failure), failed for good (the failure), or cut short by a shutdown. */
    private record Outcome(RuntimeException failure, boolean shutDown) {
        static final Outcome APPLIED = new Outcome(null, false);
        static final Outcome SHUT_DOWN = new Outcome(null, true);
    }

    /** Runs {@code apply} in a transaction of its own, again after each transient failure, until it commits. */
    private Outcome untilApplied(String where, Tags tags, Runnable apply) {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(apply);
                return Outcome.APPLIED;
            } catch (RuntimeException failure) {
                if (!TransientFailures.isTransient(failure)) {
                    return new Outcome(failure, false);
                }
                registry.counter("trials.consumer.retries", tags).increment();
                LOG.warnf("Transient failure on %s (attempt %d), trying again in %s: %s", where, attempt, backoff,
                        rootMessage(failure));
            }
            if (shuttingDownWithin(backoff)) {
                LOG.infof("Shutting down: %s left uncommitted, to be read again on the next start", where);
                return Outcome.SHUT_DOWN;
            }
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
    }

    private CompletionStage<Void> deadLetter(Message<String> record, RuntimeException failure) {
        registry.counter("trials.dead.letters", tags(record)).increment();
        LOG.warnf("Dead-lettering %s: %s", where(record), failure.getMessage());
        return record.nack(failure);
    }

    private static Context traceOf(Message<String> record) {
        return TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext).orElseGet(Context::current);
    }

    private boolean shuttingDownWithin(Duration backoff) {
        try {
            return shutdown.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private Tags tags(Message<String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> Tags.of("topic", m.getTopic(), "group", group(m.getChannel())))
                .orElse(Tags.of("topic", "unknown", "group", "unknown"));
    }

    private String group(String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".group.id", String.class)
                .orElse("unknown");
    }

    private static String where(Message<String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "/" + m.getPartition() + "@" + m.getOffset())
                .orElse("a record");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
