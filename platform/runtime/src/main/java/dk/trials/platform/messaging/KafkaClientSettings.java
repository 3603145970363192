package dk.trials.platform.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.CommonClientConfigs;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka client configuration that the services' own clients (the outbox relay's producer, the broker probe, the
 * dead-letter reader) share with their messaging channels: every {@code kafka.*} setting, environment variables
 * {@code KAFKA_*} included, as Quarkus collects it for the channels. A cluster that wants TLS and SCRAM
 * ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG},
 * {@code KAFKA_SSL_TRUSTSTORE_*}) then gets it from every client, not only from the channels.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> shared;

    public KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> shared) {
        this.shared = Map.copyOf(shared);
    }

    /** The shared settings with the client's own on top: a client's own timeouts and guarantees win. */
    public Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>(shared);
        settings.putAll(own);
        return settings;
    }

    public String bootstrapServers() {
        return String.valueOf(shared.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }
}
