package dk.trials.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;

/**
 * The broker's state as a wellness check ({@code /q/health/well}, and in {@code /q/health}): reported, not part of
 * readiness, which checks the service's own database only ({@code /q/health/ready}). See {@link KafkaBroker}.
 */
@Wellness
@ApplicationScoped
public class KafkaBrokerCheck implements HealthCheck {

    private final KafkaBroker broker;

    public KafkaBrokerCheck(KafkaBroker broker) {
        this.broker = broker;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaBroker.State state = broker.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka broker").status(state.up())
                .withData("checkedAt", state.checkedAt().toString());
        return state.up() ? response.withData("nodes", state.nodes()).build()
                : response.withData("bootstrapServers", broker.bootstrapServers()).withData("error", state.error()).build();
    }
}
