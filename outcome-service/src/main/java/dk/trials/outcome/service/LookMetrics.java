package dk.trials.outcome.service;

import dk.trials.outcome.MonitoringLook;
import dk.trials.platform.transaction.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What an alert watches, counted once a look has committed: {@code trials_monitoring_looks_total{trial,decision}}
 * for every formal look, and {@code trials_monitoring_looks_crossed_total{trial}} and
 * {@code trials_monitoring_looks_futile_total{trial}} for looks where a comparison crossed its efficacy boundary or
 * was flagged futile (e.g. alert on {@code increase(trials_monitoring_looks_crossed_total[1d]) > 0}).
 */
@ApplicationScoped
public class LookMetrics {

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    public LookMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    public void onCommit(MonitoringLook look) {
        String trial = look.trialId.toString();
        String decision = look.decision.name();
        boolean crossed = !look.crossedArms.isEmpty();
        boolean futile = !look.futileArms.isEmpty();
        afterCommit.run(() -> {
            registry.counter("trials.monitoring.looks", "trial", trial, "decision", decision).increment();
            if (crossed) {
                registry.counter("trials.monitoring.looks.crossed", "trial", trial).increment();
            }
            if (futile) {
                registry.counter("trials.monitoring.looks.futile", "trial", trial).increment();
            }
        });
    }
}
