package dk.trials.platform.outbox;

import dk.trials.events.Topics;
import dk.trials.platform.inbox.TransientFailures;
import dk.trials.platform.messaging.KafkaClientSettings;
import dk.trials.platform.tracing.TraceParents;
import jakarta.annotation.PreDestroy;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends outbox rows to Kafka and waits for the broker's acknowledgement of every one. A plain idempotent producer
 * rather than a messaging channel: the relay must know, before it deletes a row, that the broker has it.
 */
@ApplicationScoped
@IfBuildProperty(name = "trials.outbox.enabled", stringValue = "true")
public class OutboxSender {

    private final KafkaProducer<String, String> producer;
    private final Duration ackTimeout;

    public OutboxSender(KafkaClientSettings kafka,
                        @ConfigProperty(name = "trials.outbox.ack-timeout", defaultValue = "15s") Duration ackTimeout) {
        this.ackTimeout = ackTimeout;
        int timeoutMs = (int) ackTimeout.toMillis();
        this.producer = new KafkaProducer<>(kafka.with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                // Fail fast while the broker is away: the rows stay in the outbox and the next run retries.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 5_000),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5_000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 5_002))),
                new StringSerializer(), new StringSerializer());
    }

    /**
     * Sends the events in order and waits for the broker's answer to each. A row refused at once (the producer checks
     * the size limit before sending) holds back the later rows of its key in this round, so they do not overtake it;
     * a refusal that says the broker is away ends the round's sending, rather than waiting the blocking timeout once
     * per row. A refusal the broker sends later (after the acknowledgement wait) cannot hold back rows already sent.
     */
    List<Delivery> sendAll(List<PendingEvent> events) throws InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        Set<String> refusedKeys = new HashSet<>();
        boolean brokerAway = false;
        for (PendingEvent event : events) {
            if (brokerAway || refusedKeys.contains(event.key())) {
                acks.add(null);
                continue;
            }
            Future<RecordMetadata> ack = send(event);
            Throwable refusal = refusalSoFar(ack);
            if (refusal != null) {
                if (TransientFailures.isTransient(refusal)) {
                    brokerAway = true;
                } else {
                    refusedKeys.add(event.key());
                }
            }
            acks.add(ack);
        }
        List<Delivery> deliveries = new ArrayList<>(events.size());
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (int i = 0; i < events.size(); i++) {
            deliveries.add(await(events.get(i), acks.get(i), deadline));
        }
        return deliveries;
    }

    private Future<RecordMetadata> send(PendingEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.envelope());
        record.headers().add(Topics.EVENT_ID_HEADER, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.EVENT_TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
        if (event.traceparent() != null) {
            record.headers().add(TraceParents.HEADER, event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable refusalSoFar(Future<RecordMetadata> ack) throws InterruptedException {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private Delivery await(PendingEvent event, Future<RecordMetadata> ack, long deadline)
            throws InterruptedException {
        if (ack == null) {
            return Delivery.notSent(event);
        }
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return Delivery.acknowledged(event);
        } catch (ExecutionException e) {
            return Delivery.refused(event, e.getCause());
        } catch (TimeoutException e) {
            // No answer in time is the broker being slow or away, as Kafka's own (retriable) timeout says.
            return Delivery.refused(event, new org.apache.kafka.common.errors.TimeoutException(
                    "No acknowledgement within " + ackTimeout, e));
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
