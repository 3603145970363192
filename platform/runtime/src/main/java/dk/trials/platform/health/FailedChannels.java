package dk.trials.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gauge {@code trials_messaging_channels_failed}: how many messaging channels (a connector's channel, or a
 * consumer method whose stream failed) the messaging liveness check reports as failed. A consumer whose stream ended
 * consumes nothing more until the service restarts, so this is what to alert on; 0 while every channel runs. The
 * failed channel and its error are named in {@code /q/health/live} ("SmallRye Reactive Messaging - liveness check").
 */
@Startup
@ApplicationScoped
public class FailedChannels {

    public FailedChannels(HealthCenter health, MeterRegistry registry) {
        Gauge.builder("trials.messaging.channels.failed", health, FailedChannels::failed)
                .description("Messaging channels reported failed by the liveness check; 0 while every channel runs")
                .register(registry);
    }

    private static double failed(HealthCenter health) {
        HealthReport liveness = health.getLiveness();
        return liveness.getChannels().stream().filter(channel -> !channel.isOk()).count();
    }
}
