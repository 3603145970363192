package dk.trials.platform.health;

import dk.trials.platform.messaging.KafkaClientSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the broker answers, probed every {@code trials.health.kafka-probe-interval} with a short timeout and kept
 * as the gauge {@code trials_kafka_broker_up} (1 or 0). It is a detail of health, never a reason to be unready: the
 * outbox holds what is written while the broker is away and the consumers wait for it, so a service keeps serving.
 */
@ApplicationScoped
public class KafkaBroker {

    /** The outcome of the latest probe; {@code error} names the failure where it is down. */
    public record State(boolean up, int nodes, String error, Instant checkedAt) {
    }

    private final KafkaClientSettings kafka;
    private final Duration timeout;
    private final Clock clock;
    private volatile State state;
    private AdminClient admin;

    public KafkaBroker(KafkaClientSettings kafka,
                       @ConfigProperty(name = "trials.health.kafka-timeout", defaultValue = "2s") Duration timeout,
                       Clock clock, MeterRegistry registry) {
        this.kafka = kafka;
        this.timeout = timeout;
        this.clock = clock;
        this.state = new State(false, 0, "not probed yet", clock.instant());
        Gauge.builder("trials.kafka.broker.up", this, broker -> broker.state.up() ? 1 : 0)
                .description("1 while the Kafka broker answered the latest probe, else 0").register(registry);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public State state() {
        return state;
    }

    @Scheduled(every = "${trials.health.kafka-probe-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void probe() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            state = new State(true, nodes, null, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            state = new State(false, 0, e.getClass().getSimpleName(), clock.instant());
        }
    }

    private synchronized AdminClient admin() {
        if (admin == null) {
            admin = AdminClient.create(kafka.with(Map.of(
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis())));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
