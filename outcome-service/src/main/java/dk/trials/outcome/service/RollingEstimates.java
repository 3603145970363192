package dk.trials.outcome.service;

import dk.trials.platform.transaction.AfterCommit;
import dk.trials.outcome.TrialPlan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every trial's estimate for today current: a committed change marks its trial, and at most once per
 * {@code trials.estimates.refresh-every} the marked trials are recomputed from the aggregates and recorded in the
 * history. It never takes a formal look: a look on figures that change by the second would let the order in which
 * outcomes are reported decide (see {@link ScheduledLooks}). A new day marks every trial, since follow-up grows with
 * the calendar even without new outcomes. Reads for today are answered from the current figures.
 */
@ApplicationScoped
public class RollingEstimates {

    private static final Logger LOG = Logger.getLogger(RollingEstimates.class);

    private record Current(LocalDate asOf, Estimate estimate) {
    }

    private final Set<UUID> changed = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Current> current = new ConcurrentHashMap<>();
    private final AfterCommit afterCommit;
    private final EstimateHistory history;
    private final Clock clock;
    private volatile boolean started;
    private volatile boolean stopping;

    public RollingEstimates(AfterCommit afterCommit, EstimateHistory history, Clock clock) {
        this.afterCommit = afterCommit;
        this.history = history;
        this.clock = clock;
    }

    /** Marks the trial as changed once the running transaction commits (not before: the refresh must see it). */
    public void markChangedOnCommit(UUID trialId) {
        afterCommit.runOnce("rolling-estimates:" + trialId, () -> changed.add(trialId));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Today's figures if they are current: computed after the trial's last committed change. */
    public Optional<Estimate> currentFor(UUID trialId, LocalDate asOf) {
        Current figures = current.get(trialId);
        if (figures == null || !figures.asOf().equals(asOf) || changed.contains(trialId)) {
            return Optional.empty();
        }
        return Optional.of(figures.estimate());
    }

    @Scheduled(every = "${trials.estimates.refresh-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        LocalDate today = LocalDate.now(clock);
        if (!started) {
            changed.addAll(QuarkusTransaction.requiringNew().call(
                    () -> TrialPlan.<TrialPlan>listAll().stream().map(plan -> plan.id).toList()));
            started = true;
        }
        current.forEach((trialId, figures) -> {
            if (!figures.asOf().equals(today)) {
                changed.add(trialId);
            }
        });
        List<UUID> due = new ArrayList<>(changed);
        for (UUID trialId : due) {
            if (stopping) {
                return;
            }
            changed.remove(trialId);
            try {
                history.record(trialId, today).ifPresent(estimate -> current.put(trialId, new Current(today, estimate)));
            } catch (RuntimeException e) {
                changed.add(trialId);
                LOG.warnf(e, "Estimates of trial %s could not be refreshed; retrying", trialId);
            }
        }
    }
}
