package dk.trials.outcome.service;

import dk.trials.outcome.TrialPlan;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every trial's estimate for today current on this replica, and today's point of the history recorded once
 * across replicas. A committed change raises its trial's change number in the database ({@link EstimateVersions});
 * at most once per {@code trials.estimates.refresh-every} each replica recomputes the trials whose number moved
 * since it computed them (and, on a new day, every trial: follow-up grows with the calendar), and the one replica
 * holding the history round's lock ({@link ScheduledRoundLock}) records those figures. Reads for today are answered
 * from the figures only while their change number is the database's, so no replica serves figures another
 * replica's commit has made stale. It never takes a formal look: a look on figures that change by the second
 * would let the order in which outcomes are reported decide (see {@link ScheduledLooks}).
 */
@ApplicationScoped
public class RollingEstimates {

    /** The name of the round that records the day's figures in the history, one replica at a time. */
    static final String HISTORY_ROUND = "estimate-history";

    private static final Logger LOG = Logger.getLogger(RollingEstimates.class);

    /** Figures computed on {@code asOf} from everything committed up to change {@code version} (or later). */
    private record Current(LocalDate asOf, long version, Estimate estimate) {
    }

    private final Map<UUID, Current> current = new ConcurrentHashMap<>();
    private final EstimateVersions versions;
    private final EstimateCalculator calculator;
    private final EstimateHistory history;
    private final ScheduledRoundLock rounds;
    private final Clock clock;
    private volatile boolean stopping;
    /** Every change committed before this instant is in this replica's figures: the start of the last whole round. */
    private volatile Instant upToDateAsOf;

    public RollingEstimates(EstimateVersions versions, EstimateCalculator calculator, EstimateHistory history,
                            ScheduledRoundLock rounds, Clock clock, MeterRegistry registry) {
        this.versions = versions;
        this.calculator = calculator;
        this.history = history;
        this.rounds = rounds;
        this.clock = clock;
        this.upToDateAsOf = clock.instant();
        Gauge.builder("trials.estimates.refresh.lag", this, RollingEstimates::refreshLagSeconds).baseUnit("seconds")
                .description("How far this replica's rolling estimates may lag the committed data: the age of the "
                        + "start of its last refresh round in which every trial's figures were brought up to date")
                .register(registry);
    }

    double refreshLagSeconds() {
        return Duration.between(upToDateAsOf, clock.instant()).toMillis() / 1000.0;
    }

    /**
     * Marks the trial's estimates as moved by the running transaction: its change number rises as the
     * transaction's last statement, so every replica sees the figures stale exactly when it sees the change.
     */
    public void markChangedOnCommit(UUID trialId) {
        versions.raiseBeforeCommit(trialId);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Today's figures if they are current: computed after the trial's last committed change, on any replica. */
    public Optional<Estimate> currentFor(UUID trialId, LocalDate asOf) {
        Current figures = current.get(trialId);
        if (figures == null || !figures.asOf().equals(asOf) || figures.version() != versions.current(trialId)) {
            return Optional.empty();
        }
        return Optional.of(figures.estimate());
    }

    @Scheduled(every = "${trials.estimates.refresh-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        Instant started = clock.instant();
        LocalDate today = LocalDate.now(clock);
        boolean whole = true;
        // Read before computing: figures labelled with this number hold at least every change up to it.
        for (Map.Entry<UUID, Long> committed : versions.all().entrySet()) {
            if (stopping) {
                return;
            }
            whole &= recompute(committed.getKey(), committed.getValue(), today);
        }
        if (whole) {
            upToDateAsOf = started;
        }
        rounds.runAlone(HISTORY_ROUND, () -> recordMoved(today));
    }

    /** Brings the trial's figures up to the change number; false if they could not be computed this round. */
    private boolean recompute(UUID trialId, long version, LocalDate today) {
        Current figures = current.get(trialId);
        if (figures != null && figures.asOf().equals(today) && figures.version() == version) {
            return true;
        }
        try {
            QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(TrialPlan.<TrialPlan>findById(trialId))
                            .map(plan -> calculator.estimate(plan, today)))
                    .ifPresent(estimate -> current.put(trialId, new Current(today, version, estimate)));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Estimates of trial %s could not be refreshed; retrying", trialId);
            return false;
        }
    }

    /** Records today's figures of every trial whose figures moved past those recorded, by whichever replica. */
    private void recordMoved(LocalDate today) {
        Map<UUID, Long> recorded = history.recordedOn(today);
        current.forEach((trialId, figures) -> {
            Long before = recorded.get(trialId);
            if (stopping || !figures.asOf().equals(today) || before != null && before >= figures.version()) {
                return;
            }
            try {
                history.recordDaily(figures.estimate(), figures.version());
            } catch (RuntimeException e) {
                LOG.warnf(e, "Estimates of trial %s could not be recorded; retrying", trialId);
            }
        });
    }
}
