package dk.trials.platform.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ready only while the broker answers. Unlike the stock check it gives up after a short timeout, so an orchestrator
 * probing readiness during a broker outage gets a prompt DOWN instead of a hung request.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private final String bootstrapServers;
    private final Duration timeout;
    private AdminClient admin;

    public KafkaReadinessCheck(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               @ConfigProperty(name = "trials.health.kafka-timeout", defaultValue = "2s") Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("Kafka broker").up().withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("Kafka broker").down()
                    .withData("bootstrapServers", bootstrapServers)
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }

    private synchronized AdminClient admin() {
        if (admin == null) {
            admin = AdminClient.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
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
