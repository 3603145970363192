package dk.trials.outcome.service;

import dk.trials.outcome.EstimateDocument;
import dk.trials.outcome.EstimateSnapshot;
import dk.trials.outcome.SnapshotKind;
import dk.trials.outcome.TrialPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records the estimates over time: the day's rolling figures (one point a day, replaced as the day goes on) and a
 * frozen point at each formal look, as computed from the look's frozen cut. Looks are taken by {@link LookTaking}
 * only, never by the refresh that records the day's figures.
 */
@ApplicationScoped
public class EstimateHistory {

    /** A recorded point: the estimates as they stood at asOf. {@code look} names the formal look of a LOOK point. */
    public record Point(LocalDate asOf, SnapshotKind kind, Integer look, Instant computedAt, Estimate estimate) {
    }

    private final EstimateCalculator calculator;

    public EstimateHistory(EstimateCalculator calculator) {
        this.calculator = calculator;
    }

    /** Records the day's rolling figures of the trial; empty if the trial is not known. */
    @Transactional
    public Optional<Estimate> record(UUID trialId, LocalDate today) {
        TrialPlan plan = TrialPlan.findById(trialId);
        if (plan == null) {
            return Optional.empty();
        }
        Estimate estimate = calculator.estimate(plan, today);
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

    /** Records the estimates of a formal look, at its cut, in the look's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordLook(int look, Estimate atCut) {
        snapshot(atCut.trialId(), atCut.asOf(), SnapshotKind.LOOK, look, atCut).persist();
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
