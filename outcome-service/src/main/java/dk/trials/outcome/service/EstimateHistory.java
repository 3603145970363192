package dk.trials.outcome.service;

import dk.trials.outcome.EstimateDocument;
import dk.trials.outcome.EstimateSnapshot;
import dk.trials.outcome.SnapshotKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records the estimates over time: the day's rolling figures (one point a day, replaced as the day goes on) and a
 * frozen point at each formal look, as computed from the look's frozen cut. Looks are taken by {@link LookTaking}
 * only, never by the refresh that records the day's figures ({@link RollingEstimates}, on one replica at a time).
 */
@ApplicationScoped
public class EstimateHistory {

    /** A recorded point: the estimates as they stood at asOf. {@code look} names the formal look of a LOOK point. */
    public record Point(LocalDate asOf, SnapshotKind kind, Integer look, Instant computedAt, Estimate estimate) {
    }

    private final EntityManager entityManager;

    public EstimateHistory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the day's rolling figures of a trial as those of change {@code version} (see {@link EstimateVersions}),
     * replacing the day's earlier point, in a transaction of its own.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordDaily(Estimate estimate, long version) {
        EstimateSnapshot daily = EstimateSnapshot.find("trialId = ?1 and asOf = ?2 and kind = ?3",
                estimate.trialId(), estimate.asOf(), SnapshotKind.DAILY).firstResult();
        if (daily == null) {
            snapshot(estimate.trialId(), estimate.asOf(), SnapshotKind.DAILY, null, estimate).persist();
        } else {
            daily.computedAt = estimate.computedAt();
            daily.body = EstimateDocuments.toDocument(estimate).toJson();
        }
        entityManager.createNativeQuery("""
                        insert into estimate_recorded (trial_id, as_of, version) values (:trialId, :asOf, :version)
                        on conflict (trial_id) do update set as_of = excluded.as_of, version = excluded.version""")
                .setParameter("trialId", estimate.trialId()).setParameter("asOf", estimate.asOf())
                .setParameter("version", version).executeUpdate();
    }

    /** The change number of each trial's DAILY point recorded for {@code day}; trials not recorded that day absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Long> recordedOn(LocalDate day) {
        Map<UUID, Long> recorded = new HashMap<>();
        for (Object row : entityManager.createNativeQuery(
                        "select trial_id, version from estimate_recorded where as_of = :day", Object[].class)
                .setParameter("day", day).getResultList()) {
            Object[] columns = (Object[]) row;
            recorded.put((UUID) columns[0], ((Number) columns[1]).longValue());
        }
        return recorded;
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
