package dk.trials.outcome.service;

import dk.trials.events.trial.TrialStatus;
import dk.trials.outcome.LookAuditEntry;
import dk.trials.outcome.LookDocuments;
import dk.trials.outcome.LookInputs;
import dk.trials.outcome.LookResult;
import dk.trials.outcome.MonitoringLook;
import dk.trials.outcome.TrialPlan;
import dk.trials.outcome.config.LooksConfig;
import dk.trials.outcome.messaging.MonitoringEventPublisher;
import dk.trials.outcome.statistics.FollowUpTable;
import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.time.TrialsClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Takes a formal look on a frozen data cut. Holding the trial's look lock, once the trial has no upload in flight,
 * it freezes the follow-up tables at the cut (outcomes dated on or before it, as received by now: one consistent
 * read), computes the estimates and the sequential evaluation from those tables alone, and stores inputs and result
 * with their SHA-256, the audit entry, a LOOK point of the history and, if the look crossed or flagged futility, the
 * event, all in one transaction. The default cut is today (Europe/Copenhagen) minus the plan's reporting lag.
 * <p>
 * A look on request waits for the trial's uploads in flight up to {@code trials.looks.uploads.wait-at-most}, then answers
 * 503; the schedule does not wait (it tries again at its next run).
 */
@ApplicationScoped
public class LookTaking {

    /** Who requested a scheduled look. */
    public static final String SCHEDULE = "schedule";

    /** How an attempt to take a look ended. */
    public enum Outcome {
        TAKEN,
        NOT_DUE,
        UPLOADS_IN_FLIGHT
    }

    public record Attempt(Outcome outcome, MonitoringLook look) {
    }

    private final TrialPlans plans;
    private final StoredLooks looks;
    private final LookLock lock;
    private final UploadsInFlight uploads;
    private final FollowUpTables followUp;
    private final EstimateCalculator calculator;
    private final SequentialMonitor monitor;
    private final EstimateHistory history;
    private final EstimateMonitoring estimateMonitoring;
    private final RollingEstimates rolling;
    private final MonitoringEventPublisher publisher;
    private final LookMetrics metrics;
    private final Duration uploadWait;
    private final Duration uploadPoll;
    private final Clock clock;
    private final AtomicInteger waiting = new AtomicInteger();

    public LookTaking(TrialPlans plans, StoredLooks looks, LookLock lock, UploadsInFlight uploads,
                      FollowUpTables followUp, EstimateCalculator calculator, SequentialMonitor monitor,
                      EstimateHistory history, EstimateMonitoring estimateMonitoring, RollingEstimates rolling,
                      MonitoringEventPublisher publisher, LookMetrics metrics,
                      MeterRegistry registry, LooksConfig config, Clock clock) {
        this.plans = plans;
        this.looks = looks;
        this.lock = lock;
        this.uploads = uploads;
        this.followUp = followUp;
        this.calculator = calculator;
        this.monitor = monitor;
        this.history = history;
        this.estimateMonitoring = estimateMonitoring;
        this.rolling = rolling;
        this.publisher = publisher;
        this.metrics = metrics;
        this.uploadWait = config.waitAtMost();
        this.uploadPoll = config.pollEvery();
        this.clock = clock;
        registry.gauge("trials.monitoring.looks.waiting.for.uploads", waiting);
    }

    /**
     * An admin's look, on {@code cutDate} or (null) the default cut, waiting for the trial's uploads in flight.
     * 404 unknown trial; 422 a cut in the future or before the trial's enrolment began; 409 after the final look, for
     * a trial that cannot be monitored, or when the information has not grown since the last look; 503 when uploads
     * are still in flight after the wait.
     */
    public MonitoringLook request(UUID trialId, LocalDate cutDate, String requestedBy, String reason) {
        return untilNoUploadInFlight(trialId, () -> {
            Attempt attempt = QuarkusTransaction.requiringNew()
                    .call(() -> attempt(trialId, cutDate, requestedBy, reason, false));
            return attempt.outcome() == Outcome.TAKEN ? Optional.of(attempt.look()) : Optional.empty();
        });
    }

    /**
     * Tries {@code attempt} (each try in a transaction of its own, empty while an upload into the trial is in flight)
     * until it answers, waiting between tries and counting the wait in the gauge; 503 after
     * {@code trials.looks.uploads.wait-at-most}. The one wait for uploads, whether or not the caller keeps the answer
     * for an Idempotency-Key.
     */
    public <T> T untilNoUploadInFlight(UUID trialId, Supplier<Optional<T>> attempt) {
        long deadline = System.nanoTime() + uploadWait.toNanos();
        while (true) {
            Optional<T> answer = attempt.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (System.nanoTime() >= deadline) {
                throw new ProblemException(503, "uploads-in-flight", "Uploads in flight",
                        "A bulk upload into trial " + trialId + " is still being loaded; a look never sees part of "
                                + "one. Try again when it has finished.", null);
            }
            pause();
        }
    }

    /** How many looks are now waiting for uploads in flight (also the gauge of that name). */
    public int waitingForUploads() {
        return waiting.get();
    }

    /**
     * One attempt, in the caller's transaction: takes the trial's look lock (held until it ends) and, unless an
     * upload is in flight or ({@code onlyIfDue}) no planned look is due on the cut's figures, takes the look.
     * A COMPLETED trial's look is its final look. Not itself transactional, so that a look refused with a
     * {@link ProblemException} (thrown before anything is written) leaves the caller's transaction usable.
     */
    public Attempt attempt(UUID trialId, LocalDate cutDate, String requestedBy, String reason, boolean onlyIfDue) {
        lock.waitFor(trialId);
        TrialPlan plan = plans.get(trialId);
        if (uploads.liveFor(trialId) > 0) {
            return new Attempt(Outcome.UPLOADS_IN_FLIGHT, null);
        }
        List<LookSummary> taken = looks.all(trialId).stream().map(StoredLooks::summary).toList();
        taken.stream().filter(LookSummary::finalLook).findFirst().ifPresent(last -> {
            throw ProblemException.conflict("The final look (look " + last.number() + ") of trial " + trialId
                    + " has been taken; no look follows it");
        });
        LocalDate today = LocalDate.now(clock.withZone(TrialsClock.ZONE));
        LocalDate cut = cutDate != null ? cutDate : defaultCut(plan, today);
        checkCut(plan, cut, today, cutDate != null);
        MonitoringRules rules = looks.rules(plan);
        checkMonitorable(plan, rules);

        Map<String, Map<String, FollowUpTable>> tables = followUp.tablesByEnrolmentDay(trialId, cut, plan.horizonDays);
        Estimate estimate = calculator.fromTables(plan, cut, tables);
        List<ComparisonFigures> figures = ComparisonFigures.of(estimate);
        List<PriorLook> priors = taken.stream().map(LookSummary::prior).toList();
        boolean finalLook = plan.status == TrialStatus.COMPLETED;
        if (onlyIfDue && !finalLook && !monitor.due(rules, priors, figures)) {
            return new Attempt(Outcome.NOT_DUE, null);
        }
        LookEvaluation evaluation;
        try {
            evaluation = monitor.evaluate(rules, priors, figures, finalLook);
        } catch (IllegalStateException noNewInformation) {
            throw ProblemException.conflict("No look can be taken on the cut " + cut + ": "
                    + noNewInformation.getMessage());
        }

        FrozenLookDocuments.Request request = new FrozenLookDocuments.Request(trialId, cut,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), requestedBy, reason, finalLook);
        LookInputs inputs = FrozenLookDocuments.inputs(request, evaluation.number(), plan.horizonDays, plan.arms,
                plan.controlArm, rules, priors, tables);
        LookResult result = FrozenLookDocuments.result(evaluation, estimate, figures);
        MonitoringLook look = store(request, inputs, result, evaluation, estimate);
        List<LookSummary> takenWithIt = Stream.concat(taken.stream(), Stream.of(StoredLooks.summary(look))).toList();
        history.recordLook(look.look, estimate.withMonitoring(estimateMonitoring.atLook(rules, takenWithIt, evaluation, figures)));
        // Today's cached estimate shows the looks' decision: it is stale once this look commits.
        rolling.markChangedOnCommit(trialId);
        publisher.publishIfFlagged(look);
        metrics.onCommit(look);
        return new Attempt(Outcome.TAKEN, look);
    }

    /** Today minus the plan's reporting lag: outcomes need time to be reported. */
    public static LocalDate defaultCut(TrialPlan plan, LocalDate today) {
        return today.minusDays(plan.monitoringPlan().reportingLagDays());
    }

    private static void checkCut(TrialPlan plan, LocalDate cut, LocalDate today, boolean requested) {
        if (cut.isAfter(today)) {
            throw ProblemException.unprocessable("The look breaks a rule", "The cut " + cut + " is in the future",
                    List.of(new FieldError("cutDate", "must not be after today, " + today)));
        }
        if (plan.enrolmentStart != null && cut.isBefore(plan.enrolmentStart)) {
            String rule = "must not be before the trial's enrolment began on " + plan.enrolmentStart;
            if (requested) {
                throw ProblemException.unprocessable("The look breaks a rule", "The cut " + cut + " is before the trial",
                        List.of(new FieldError("cutDate", rule)));
            }
            throw ProblemException.conflict("The default cut " + cut + " (today minus the reporting lag) "
                    + rule + ": there is nothing to look at yet");
        }
    }

    private static void checkMonitorable(TrialPlan plan, MonitoringRules rules) {
        if (rules.comparisons().isEmpty()) {
            throw ProblemException.conflict("Trial " + plan.id + " has a single arm: there is no comparison to monitor");
        }
        if (rules.comparisons().stream().anyMatch(c -> c.plannedEvents() <= 0)) {
            throw ProblemException.conflict("Trial " + plan.id + " has no planned events (its design states no power "
                    + "assumptions), so a look has no information fraction");
        }
    }

    private MonitoringLook store(FrozenLookDocuments.Request request, LookInputs inputs, LookResult result,
                                 LookEvaluation evaluation, Estimate estimate) {
        MonitoringLook look = new MonitoringLook();
        look.trialId = request.trialId();
        look.look = evaluation.number();
        look.takenAt = request.takenAt();
        look.takenOn = LocalDate.ofInstant(request.takenAt(), TrialsClock.ZONE);
        look.cutDate = request.cutDate();
        look.frozen = true;
        look.requestedBy = request.requestedBy();
        look.reason = request.reason();
        look.finalLook = evaluation.finalLook();
        look.informationRate = evaluation.informationRate();
        look.crossedArms = result.crossedArms();
        look.futileArms = result.futileArms();
        look.inputs = LookDocuments.canonical(inputs);
        look.result = LookDocuments.canonical(result);
        look.sha256 = LookDocuments.sha256(look.inputs, look.result);
        look.decision = evaluation.decision();
        look.events = estimate.arms().stream().mapToLong(Estimate.Arm::events).sum();
        look.informationFraction = evaluation.informationRate();
        look.boundaryZ = evaluation.boundaryZ();
        Optional<LookEvaluation.ComparisonEvaluation> closest = evaluation.comparisons().stream()
                .filter(c -> c.observedZ() != null)
                .max(Comparator.comparingDouble(c -> Math.abs(c.observedZ()) / c.boundaryZ()));
        look.observedZ = closest.map(LookEvaluation.ComparisonEvaluation::observedZ).orElse(null);
        look.comparisonArm = closest.map(LookEvaluation.ComparisonEvaluation::arm).orElse(null);
        look.persist();

        LookAuditEntry audit = new LookAuditEntry();
        audit.trialId = look.trialId;
        audit.look = look.look;
        audit.action = LookAuditEntry.Action.TAKEN;
        audit.actor = look.requestedBy;
        audit.at = look.takenAt;
        audit.reason = look.reason;
        audit.sha256 = look.sha256;
        audit.persist();
        return look;
    }

    private void pause() {
        waiting.incrementAndGet();
        try {
            Thread.sleep(uploadPoll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for uploads in flight", e);
        } finally {
            waiting.decrementAndGet();
        }
    }
}
