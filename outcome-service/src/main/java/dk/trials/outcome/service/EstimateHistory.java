package dk.trials.outcome.service;

import dk.trials.outcome.EstimateDocument;
import dk.trials.outcome.EstimateSnapshot;
import dk.trials.outcome.MonitoringLook;
import dk.trials.outcome.SnapshotKind;
import dk.trials.outcome.TrialPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records the estimates over time: the day's rolling figures (one point a day, replaced as the day goes on) and a
 * frozen point at each formal monitoring look, taken here when one is due.
 */
@ApplicationScoped
public class EstimateHistory {

    /** A recorded point: the estimates as they stood at asOf. {@code look} names the formal look of a LOOK point. */
    public record Point(LocalDate asOf, SnapshotKind kind, Integer look, Instant computedAt, Estimate estimate) {
    }

    private final EstimateCalculator calculator;
    private final Monitoring monitoring;

    public EstimateHistory(EstimateCalculator calculator, Monitoring monitoring) {
        this.calculator = calculator;
        this.monitoring = monitoring;
    }

    @Transactional
    public Optional<Estimate> record(UUID trialId, LocalDate today) {
        TrialPlan plan = TrialPlan.findById(trialId);
        if (plan == null) {
            return Optional.empty();
        }
        Estimate estimate = calculator.estimate(plan, today);
        long events = estimate.monitoring().observedEvents();
        List<MonitoringLook> looks = monitoring.looksUntil(trialId, today);
        Optional<MonitoringLook> due = monitoring.lookDue(plan, today, events, estimate.comparisons(), looks);
        if (due.isPresent()) {
            MonitoringLook look = due.get();
            look.persist();
            List<MonitoringLook> withLook = new ArrayList<>(looks);
            withLook.add(look);
            estimate = estimate.withMonitoring(monitoring.status(plan, events, estimate.comparisons(), withLook));
            snapshot(trialId, today, SnapshotKind.LOOK, look.look, estimate).persist();
        }
        EstimateSnapshot daily = EstimateSnapshot.find("trialId = ?1 and asOf = ?2 and kind = ?3",
                trialId, today, SnapshotKind.DAILY).firstResult();
        if (daily == null) {
            snapshot(trialId, today, SnapshotKind.DAILY, null, estimate).persist();
        } else {
            daily.computedAt = estimate.computedAt();
            daily.body = EstimateDocuments.toDocument(estimate).toJson();
        }
        return Optional.of(estimate);
    }

    /** Every recorded point of the trial, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Point> points(UUID trialId) {
        return EstimateSnapshot.<EstimateSnapshot>list("trialId = ?1 order by asOf, id", trialId).stream()
                .map(s -> new Point(s.asOf, s.kind, s.look, s.computedAt,
                        EstimateDocuments.fromDocument(EstimateDocument.fromJson(s.body))))
                .toList();
    }

    private static EstimateSnapshot snapshot(UUID trialId, LocalDate asOf, SnapshotKind kind, Integer look, Estimate estimate) {
        EstimateSnapshot snapshot = new EstimateSnapshot();
        snapshot.trialId = trialId;
        snapshot.asOf = asOf;
        snapshot.kind = kind;
        snapshot.look = look;
        snapshot.computedAt = estimate.computedAt();
        snapshot.body = EstimateDocuments.toDocument(estimate).toJson();
        return snapshot;
    }
}
