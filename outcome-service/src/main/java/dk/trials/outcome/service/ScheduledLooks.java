package dk.trials.outcome.service;

import dk.trials.events.trial.TrialStatus;
import dk.trials.outcome.TrialPlan;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.time.TrialsClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The schedule of formal looks. Once a day per trial, at the first run from its plan's {@code lookTime}
 * (Europe/Copenhagen) on, each RECRUITING, PAUSED, FOLLOW_UP or COMPLETED trial is checked on its default cut: a look
 * is taken when the cut's information has reached the next planned fraction, and a COMPLETED trial that has not had
 * its final look gets it. The day's check is recorded with the look in one transaction under the trial's look lock,
 * so across replicas each trial is checked once a day and each look taken once; a check that finds an upload in
 * flight is not recorded, so the next run (every {@code trials.looks.schedule-every}) tries again.
 */
@ApplicationScoped
public class ScheduledLooks {

    private static final Logger LOG = Logger.getLogger(ScheduledLooks.class);
    private static final Set<TrialStatus> MONITORED =
            EnumSet.of(TrialStatus.RECRUITING, TrialStatus.PAUSED, TrialStatus.FOLLOW_UP, TrialStatus.COMPLETED);

    /** How a trial's check at a run ended. */
    public enum Check {
        NOT_YET_TIME,
        CHECKED_BEFORE,
        UPLOADS_IN_FLIGHT,
        NOT_DUE,
        TAKEN,
        NO_LOOK_POSSIBLE
    }

    private final LookTaking taking;
    private final LookLock lock;
    private final EntityManager entityManager;
    private final Clock clock;

    public ScheduledLooks(LookTaking taking, LookLock lock, EntityManager entityManager, Clock clock) {
        this.taking = taking;
        this.lock = lock;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "${trials.looks.schedule-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        Instant now = clock.instant();
        for (UUID trialId : monitoredTrials()) {
            try {
                check(trialId, now);
            } catch (RuntimeException e) {
                LOG.warnf(e, "The scheduled look check of trial %s failed; it is tried again at the next run", trialId);
            }
        }
    }

    /** The trials the schedule checks: those RECRUITING, PAUSED, in FOLLOW_UP or COMPLETED. */
    public List<UUID> monitoredTrials() {
        return QuarkusTransaction.requiringNew().call(() -> TrialPlan.<TrialPlan>list("status in ?1", MONITORED)
                .stream().map(plan -> plan.id).toList());
    }

    /** Checks one trial as the run at {@code now} does. */
    public Check check(UUID trialId, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> checkLocked(trialId, now));
    }

    private Check checkLocked(UUID trialId, Instant now) {
        TrialPlan plan = TrialPlan.findById(trialId);
        ZonedDateTime local = now.atZone(TrialsClock.ZONE);
        LocalDate today = local.toLocalDate();
        if (plan == null || !MONITORED.contains(plan.status)
                || local.toLocalTime().isBefore(plan.monitoringPlan().lookTime())) {
            return Check.NOT_YET_TIME;
        }
        // Held to the end of the transaction: a replica checking the same trial waits, then finds the day's check.
        lock.waitFor(trialId);
        if (checkedOn(trialId, today)) {
            return Check.CHECKED_BEFORE;
        }
        Check check;
        Integer look = null;
        try {
            LookTaking.Attempt attempt = taking.attempt(trialId, LookTaking.defaultCut(plan, today), LookTaking.SCHEDULE,
                    "Scheduled look at " + plan.monitoringPlan().lookTime() + " Europe/Copenhagen", true);
            switch (attempt.outcome()) {
                case UPLOADS_IN_FLIGHT -> {
                    return Check.UPLOADS_IN_FLIGHT;
                }
                case NOT_DUE -> check = Check.NOT_DUE;
                default -> {
                    check = Check.TAKEN;
                    look = attempt.look().look;
                }
            }
        } catch (ProblemException notPossible) {
            // The final look was taken, the default cut is before the trial, or the trial cannot be monitored:
            // nothing to take today, and the day's check is done.
            LOG.debugf("No scheduled look of trial %s: %s", trialId, notPossible.getMessage());
            check = Check.NO_LOOK_POSSIBLE;
        }
        entityManager.createNativeQuery("""
                        insert into scheduled_look_check (trial_id, day, checked_at, look)
                        values (:trialId, :day, :checkedAt, :look)""")
                .setParameter("trialId", trialId).setParameter("day", today).setParameter("checkedAt", now)
                .setParameter("look", look)
                .executeUpdate();
        return check;
    }

    private boolean checkedOn(UUID trialId, LocalDate day) {
        return ((Number) entityManager.createNativeQuery(
                        "select count(*) from scheduled_look_check where trial_id = :trialId and day = :day")
                .setParameter("trialId", trialId).setParameter("day", day).getSingleResult()).longValue() > 0;
    }
}
