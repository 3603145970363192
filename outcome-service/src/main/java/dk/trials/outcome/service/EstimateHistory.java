package dk.trials.outcome.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.outcome.EstimateSnapshot;
import dk.trials.outcome.MonitoringLook;
import dk.trials.outcome.TrialPlan;
import dk.trials.outcome.rest.EstimateResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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

    private final EstimateCalculator calculator;
    private final GroupSequentialMonitoring monitoring;
    private final ObjectMapper json;

    public EstimateHistory(EstimateCalculator calculator, GroupSequentialMonitoring monitoring, ObjectMapper json) {
        this.calculator = calculator;
        this.monitoring = monitoring;
        this.json = json;
    }

    @Transactional
    public Optional<EstimateResponse> record(UUID trialId, LocalDate today) {
        TrialPlan plan = TrialPlan.findById(trialId);
        if (plan == null) {
            return Optional.empty();
        }
        EstimateResponse estimate = calculator.estimate(plan, today);
        List<MonitoringLook> looks = GroupSequentialMonitoring.looksUntil(trialId, today);
        Optional<MonitoringLook> due = monitoring.lookDue(plan, today, estimate.monitoring().observedEvents(),
                estimate.comparisons(), looks);
        if (due.isPresent()) {
            MonitoringLook look = due.get();
            look.persist();
            List<MonitoringLook> withLook = new ArrayList<>(looks);
            withLook.add(look);
            estimate = estimate.withMonitoring(monitoring.status(plan, estimate.monitoring().observedEvents(),
                    estimate.comparisons(), withLook));
            snapshot(trialId, today, EstimateSnapshot.LOOK, look.look, estimate).persist();
        }
        EstimateSnapshot daily = EstimateSnapshot.find("trialId = ?1 and asOf = ?2 and kind = ?3",
                trialId, today, EstimateSnapshot.DAILY).firstResult();
        if (daily == null) {
            snapshot(trialId, today, EstimateSnapshot.DAILY, null, estimate).persist();
        } else {
            daily.computedAt = estimate.computedAt();
            daily.body = write(estimate);
        }
        return Optional.of(estimate);
    }

    private EstimateSnapshot snapshot(UUID trialId, LocalDate asOf, String kind, Integer look, EstimateResponse estimate) {
        EstimateSnapshot snapshot = new EstimateSnapshot();
        snapshot.trialId = trialId;
        snapshot.asOf = asOf;
        snapshot.kind = kind;
        snapshot.look = look;
        snapshot.computedAt = estimate.computedAt();
        snapshot.body = write(estimate);
        return snapshot;
    }

    private String write(EstimateResponse estimate) {
        try {
            return json.writeValueAsString(estimate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Estimates cannot be serialised", e);
        }
    }
}
