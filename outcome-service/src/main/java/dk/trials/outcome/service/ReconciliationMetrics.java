package dk.trials.outcome.service;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code trials_reconciliation_inconsistent_trials}: how many trials' latest allocation checkpoint disagrees with
 * outcome-service's participants (alert on {@code > 0}). Read from the database at each scrape, so every replica
 * reports the same figure whichever one consumed the checkpoint; NaN while the database cannot be read.
 */
@Startup
@ApplicationScoped
public class ReconciliationMetrics {

    private final AgroalDataSource dataSource;

    public ReconciliationMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("trials.reconciliation.inconsistent.trials", this, ReconciliationMetrics::inconsistentTrials)
                .description("Trials whose latest allocation checkpoint disagrees with outcome-service's participants")
                .register(registry);
    }

    double inconsistentTrials() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from trial_reconciliation where not consistent");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
