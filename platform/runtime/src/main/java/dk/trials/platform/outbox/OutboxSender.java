package dk.trials.platform.outbox;

import dk.trials.events.Topics;
import jakarta.annotation.PreDestroy;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    public OutboxSender(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                        @ConfigProperty(name = "trials.outbox.ack-timeout", defaultValue = "15s") Duration ackTimeout) {
        this.ackTimeout = ackTimeout;
        int timeoutMs = (int) ackTimeout.toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                // Fail fast while the broker is away: the rows stay in the outbox and the next run retries.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 5_000),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5_000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 5_002)),
                new StringSerializer(), new StringSerializer());
    }

    /** Sends all events in order and returns only once the broker acknowledged each of them. */
    void sendAll(List<PendingEvent> events) throws ExecutionException, InterruptedException, TimeoutException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.envelope());
            record.headers().add(Topics.EVENT_ID_HEADER, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(Topics.EVENT_TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
