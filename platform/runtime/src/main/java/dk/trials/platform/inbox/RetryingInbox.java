package dk.trials.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
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
        Context trace = TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext)
                .orElseGet(Context::current);
        try (Scope ignored = trace.makeCurrent()) {
            return deliverInTrace(record, routes);
        }
    }

    private CompletionStage<Void> deliverInTrace(Message<String> record, Inbox.Routes routes) {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> inbox.receive(record.getPayload(), routes));
                return record.ack();
            } catch (RuntimeException failure) {
                if (!TransientFailures.isTransient(failure)) {
                    registry.counter("trials.dead.letters", tags(record)).increment();
                    LOG.warnf("Dead-lettering %s: %s", where(record), failure.getMessage());
                    return record.nack(failure);
                }
                registry.counter("trials.consumer.retries", tags(record)).increment();
                LOG.warnf("Transient failure on %s (attempt %d), trying again in %s: %s", where(record), attempt,
                        backoff, rootMessage(failure));
            }
            if (shuttingDownWithin(backoff)) {
                LOG.infof("Shutting down: %s left uncommitted, to be read again on the next start", where(record));
                return new CompletableFuture<>();
            }
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
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
